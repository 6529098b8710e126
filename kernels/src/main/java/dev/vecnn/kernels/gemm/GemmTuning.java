package dev.vecnn.kernels.gemm;

/**
 * Every GEMM tuning constant, in one place.
 *
 * <p>Block sizes follow BLIS: a micro-tile of {@code MR} rows by {@code NR} columns is held in
 * registers; a {@code KC x NR} sliver of packed B streams to it from a {@code KC x NC} block of B
 * kept in L2, while the tile's {@code MR x KC} rows of A stay in L1 (a copied A, whose row tiles
 * are the outer loop; an A read in place keeps the slivers outer, its B is small). Chosen on AMD
 * Zen 5 (48 KiB L1d, 1 MiB L2) and, for NC and the loop order, an Intel Xeon of the 5th
 * generation (48 KiB L1d, 2 MiB L2), both with 512-bit vectors:
 *
 * <pre>
 * precision  lanes  MR  NR (=2 vectors)  KC (copied A / A in place)  MC   NC    A tile MRxKC   B block KCxNC
 * float       16    12       32          512 / 512                   144  512   24 KiB (L1)    1 MiB (L2)
 * double       8    12       16          256 / 512                   144  512   24 KiB (L1)    1 MiB (L2)
 * </pre>
 *
 * A copied A's panels are as deep as lets its row tile take half of L1 ({@link #A_TILE_BYTES}):
 * in double a 512-deep tile was all of the 48 KiB L1 and the B slivers streaming past evicted it
 * (256 deep: 1.03-1.07x at double 1024^3, 1.02-1.07x at 512^3, one JVM on the Xeon, the two builds
 * called in either order, session 15).
 * Products that read A in place (the MLP's) keep {@code KC} = 512 in both precisions: their A is
 * not held in L1 tile by tile, and 256 cost double 200x100x784 3% there.
 *
 * The B sliver (KC x NR: 64 KiB, 32 KiB in double's 256-deep panels) is larger than BLIS's rule
 * (L1) asks: measured, the deeper panel wins (see KC).
 *
 * The micro-kernel keeps {@code MR x 2} accumulators plus two B vectors and one broadcast A value
 * in registers: 27 of the 32 vector registers of AVX-512. {@code KC} is the same element count in
 * both precisions because NR halves when the element size doubles (the B sliver keeps its bytes);
 * a copied A's depth halves in double instead, so that its row tile keeps its bytes. With
 * narrower vectors (AVX2) the same formulas give smaller slivers, which still fit.
 *
 * @param mr rows of the register tile
 * @param nr columns of the register tile (a multiple of the lane count)
 * @param kc depth of one packed panel when A is read in place, and the deepest any panel is
 *           (the packing buffers are sized by it)
 * @param kcCopiedA depth of one panel when A is copied block by block: its row tile MR x kcCopiedA
 *           fills at most {@link #A_TILE_BYTES}
 * @param mc rows of one packed A block (a multiple of mr)
 * @param nc columns of one packed B panel (a multiple of nr)
 * @param minFlopsPerThread a thread is only given work of at least this many multiply-adds
 * @param directAMaxColumns up to this many columns of C, A is read in place rather than packed
 */
record GemmTuning(int mr, int nr, int kc, int kcCopiedA, int mc, int nc, long minFlopsPerThread,
                  int directAMaxColumns) {

    static final int MR = 12;
    static final int NR_VECTORS = 2;
    // A last sliver of NR + 1 .. NR + L columns (n = 100 in float: 32 + 32 + 36) runs as one tile of
    // 3 vectors over half the rows instead of a 2-vector and a 1-vector tile: the 1-vector kernel
    // issues a broadcast load per multiply-add and took 17.6% of a 200x100x784 product for 4 of its
    // 100 columns; the merged form measured 1.085x on the kernels alone (docs/architecture.md).
    // 6 rows x 3 vectors = 18 accumulators; 6 divides MR, so the wide tiles read A exactly as the
    // 12-row ones do, packed or in place.
    static final int MR_WIDE = MR / 2;
    static final int NR_VECTORS_WIDE = NR_VECTORS + 1;
    // A product that reads A in place (a narrow one) also ends in a sliver of 6 rows x 4 vectors
    // when 3L + 1 .. 4L columns are left (float n = 50 and 64, the 200 x 50 layers): one sliver
    // instead of two, so A's rows are read once, half the broadcasts per multiply-add, and a sliver
    // as wide as C's rows goes straight to C (DriverF32.spillsWholeVectors) instead of through the
    // tile store. One JVM, session 18: float 200x50x100 1.07-1.27x, 200x64x100 1.01-1.19x,
    // 200x50x10 NT 1.42-1.50x; for a copied A, at the end of every 512-column block, 0.91-0.95x.
    static final int NR_VECTORS_WIDEST = NR_VECTORS + 2;
    // ... while its sliver of B (the panel's depth x 4L values) fits in two thirds of the 48 KiB L1
    // with A's rows beside it: at depth 200 (51 KiB in float) the sliver streamed from L2 at four
    // loads per step, and two two-vector slivers were faster (float 784x100x200 TN 1.01-1.03x,
    // 200x64x200 1.07-1.09x, 200x50x200 1.03x; one JVM, both orders). Depth 100 (25 KiB) keeps it.
    static final int WIDEST_SLIVER_MAX_BYTES = 32 << 10;
    // 512, not 256: fewer k panels (fewer C tile updates and B repacks) beat keeping the B sliver
    // in L1; it streams from L2 at 2 loads per 24 FMAs. Interleaved A/B at k >= 512: +3.5-9%;
    // 768 and 1024 lost up to 40% on float 200x100x784 (docs/architecture.md).
    static final int KC = 512;
    // A copied A's row tile, MR rows of its panel depth, takes at most half of the 48 KiB L1, the
    // rest being for the B sliver streaming by: float 12 x 512, double 12 x 256 (see the table).
    static final int A_TILE_BYTES = 24 << 10;
    static final int MC = 144;
    // NC: B's columns per block, a panel's depth x NC of packed B kept in L2 (1 MiB: 512 columns in
    // both precisions, double's panels being half as deep) while the row tiles of a copied A go by,
    // each tile's A (12 x its panel depth, 24 KiB: A_TILE_BYTES) in L1 across the block's slivers. With every B sliver streamed past each row tile from L2, the
    // broadcast operand, read 12 times per step, stays in L1 (BLIS keeps its broadcast operand
    // there too). Session 14, on the Xeon (one JVM): float 1024^3, 2048^3 +3-7% against slivers
    // outer with the 6 MiB panel of NC = 3072 in L3; with NC = 3072 and row tiles outer, 0.83x.
    static final int B_BLOCK_BYTES = 1 << 20;
    // Handing work to a parked worker costs tens of microseconds; a share must take longer than
    // that (2^21 multiply-adds is about 20 us at this core's 200 GFLOP/s float peak).
    static final long MIN_FLOPS_PER_THREAD = 1L << 21;
    // So a product runs on one thread below two threads' shares (GemmShapes.parts); callers that
    // split their own work use the same line (Parallel.minMultiplyAdds).
    static final long SMALL_FLOPS = 2 * MIN_FLOPS_PER_THREAD;
    // A product split by rows that copies A runs each k panel over chunks of its rows, this many
    // per thread at least, but never less than a row tile (GemmShapes.rowChunks,
    // DriverF32.panelsInRowChunks): 1024 rows on two threads are 64 chunks of one or two tiles.
    // Each panel ends when its last chunk does, so small chunks leave the other thread less to
    // wait for. 32 against 4 (session 16, two threads, one JVM, both call orders, geometric mean
    // of the two): float and double 1024^3, 2048^3 +2-4%; one tile per chunk gave the same.
    static final int ROW_CHUNKS_PER_THREAD = 32;
    // 8 column tiles: the double MLP products (7 tiles at n = 100) gained 3-12% over 4; reading A in
    // place for every width lost 2-6% at n = 512 and 1024 (interleaved A/B run, docs/architecture.md).
    static final int DIRECT_A_MAX_COLUMN_TILES = 8;
    // The fused forward epilogue of tanh / logistic / softplus adds the bias in its flat pass over a
    // block of C from the bias row repeated over lcm(n, L) values (EpilogueF32.prepare); wider
    // repeats than this (16 KB of float) fall back to one pass per row.
    static final int BIAS_PATTERN_MAX = 4096;

    // Row-major B is read in place (not packed) by a narrow product over at most this many MC
    // blocks of rows. Best-of timing in one JVM, float / double: 200x100x784 +4% / +3% on one
    // thread and +9% / +8% on two (each packs all of B for 100 rows otherwise); but predicting
    // 2000 rows lost 4% / 6% (each sliver is reread 14 times, strided) and 784x100x200 TN -2% / +3%.
    static final int DIRECT_B_MAX_ROW_BLOCKS = 2;

    // A product whose row-major A is mostly zeros runs each row tile's micro-kernel only over the
    // steps where some row of the tile is nonzero (SparseF32). Taken when those steps, over a
    // sample of SPARSE_SAMPLE_TILES tiles, are at most SPARSE_MAX_UNION of k, and k is at least
    // SPARSE_MIN_DEPTH (see docs/architecture.md for what was measured).
    static final double SPARSE_MAX_UNION = 0.75;
    static final int SPARSE_MIN_DEPTH = 64;
    static final int SPARSE_SAMPLE_TILES = 4;

    /** The tuning for a vector species with {@code lanes} elements of {@code bytes} bytes each. */
    static GemmTuning forLanes(int lanes, int bytes) {
        int nr = NR_VECTORS * lanes;
        int kcCopiedA = Math.min(KC, A_TILE_BYTES / (MR * bytes));
        int nc = roundDown(B_BLOCK_BYTES / (kcCopiedA * bytes), nr);
        return new GemmTuning(MR, nr, KC, kcCopiedA, MC, nc, MIN_FLOPS_PER_THREAD, DIRECT_A_MAX_COLUMN_TILES * nr);
    }

    private static int roundDown(int value, int multiple) {
        return Math.max(multiple, value / multiple * multiple);
    }
}
