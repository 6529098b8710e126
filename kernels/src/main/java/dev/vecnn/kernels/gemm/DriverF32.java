package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.Activation;

/**
 * The BLIS loop nest for {@code C = alpha * op(A) * op(B) + beta * C} on row-major float arrays.
 *
 * <p>Five loops around the micro-kernels of {@link KernelF32}: jc over NC columns, pc over KC
 * depth (pack B), ic over MC rows (pack A), jr over NR columns, ir over MR rows. Work is split
 * over threads by whole rows or whole columns of C, never over k, so every element of C is
 * computed by the same sequence of operations whatever the thread count: results are bitwise
 * identical for any count. A is one row-major array, or one array per row
 * ({@link #gemmRowArrays}); either way the same kernels' arithmetic runs, so the bits agree.
 *
 * <p>Internal: arguments were validated by {@code dev.vecnn.kernels.Gemm}.
 */
public final class DriverF32 {
    private static final GemmTuning T = GemmTuning.forLanes(KernelF32.L, Float.BYTES);
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    // Numbers the panels of products run in row chunks, so a thread knows whether its buffers hold one.
    private static final java.util.concurrent.atomic.AtomicLong PANELS = new java.util.concurrent.atomic.AtomicLong();
    // Tests turn the sparse path and the tail kernel off to compare their bits with the slivers'.
    static volatile boolean sparseEnabled = true;
    static volatile boolean tailEnabled = true;
    // Tests turn the kernels' own addition of later k panels off to compare with the tile store's.
    static volatile boolean addInKernelEnabled = true;
    // Tests turn the 6-row kernels for a last tile of few rows off to compare with the 12-row kernel's.
    static volatile boolean halfTilesEnabled = true;

    /** Per-thread packing buffers, allocated once per thread and reused by every call. */
    private static final class Buffers {
        // Two vectors of slack: TailKernelF32 loads whole vectors from a sliver's last step.
        final float[] a = new float[T.mc() * T.kc() + 2 * KernelF32.L];
        // A block of B for a copied A, or a narrow product's whole B panel (at most
        // directAMaxColumns columns, the last sliver up to two vectors wider).
        final float[] b = new float[Math.max(T.kcCopiedA() * T.nc(),
                T.kc() * (T.directAMaxColumns() + 2 * KernelF32.L))];
        final float[] tile = new float[T.mr() * T.nr()];
        // Scratch for packing a transposed B by gathers (PackF32.gatherTransposedSliver).
        final int[] gatherIndex = new int[2 * KernelF32.L];
        // B's tail columns, each step's values repeated over a vector (PackF32.packTail).
        final float[] bTail = new float[T.kc() * KernelF32.L];
        // The tail results of two row tiles (TailKernelF32.tiles).
        final float[] tail1 = new float[TailKernelF32.OUT_LENGTH];
        final float[] tail2 = new float[T.mr() * KernelF32.L];
        // The tail columns of a whole block of rows, L apart (TailColumnsF32), and its scratch.
        final float[] tailRows = new float[T.mc() * KernelF32.L + KernelF32.L];
        final float[] tailScratch = new float[TailColumnsF32.SCRATCH_LENGTH];
        // Where the current k panel's beta term is read (TileStoreF32): C, or in the first panel
        // of an EpilogueF32.ADDEND product its addend Z; rows ldOld apart, row 0 of C at oldOff.
        float[] old;
        int oldOff;
        int ldOld;

        int oldAt(int row, int col) {
            return oldOff + row * ldOld + col;
        }
        // The bias values of one tile (at most a wide tile's 4L of them).
        final float[] biasTile = new float[T.mr() * T.nr()];
        final EpilogueF32 epilogue = new EpilogueF32();
        // Which panel of a product run in row chunks b and bTail hold (PANELS), 0: none.
        long packedPanel;
        // Sparse A (SparseF32): the steps of each row tile of the current MC block, KC + L apart,
        // and how many each tile has.
        final int[] steps = new int[T.mc() / T.mr() * (T.kc() + KernelF32.L)];
        final int[] stepCount = new int[T.mc() / T.mr()];
        final long[] stepBits = new long[T.kc() / KernelF32.L + 1];
    }

    private DriverF32() {
    }

    /** The deepest packed panel (KC): products deeper than this take several k panels. */
    public static int depthBlock() {
        return T.kc();
    }

    /** Plain GEMM: {@code C = alpha * op(A) * op(B) + beta * C}. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc, int threads) {
        run(transA, transB, m, n, k, alpha, a, aOff, lda, null, b, bOff, ldb, beta, c, cOff, ldc, threads,
                BUFFERS.get().epilogue.none());
    }

    /**
     * Plain GEMM {@code C = alpha * A * op(B) + beta * C} with A given as one array per row:
     * {@code A(i, p) = aRows[i][aCol + p]}, read in place, so the rows of a caller's
     * {@code float[][]} are multiplied without being copied into one array first.
     */
    public static void gemmRowArrays(boolean transB, int m, int n, int k, float alpha, float[][] aRows, int aCol,
                                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                                     int threads) {
        run(false, transB, m, n, k, alpha, null, aCol, 0, aRows, b, bOff, ldb, beta, c, cOff, ldc, threads,
                BUFFERS.get().epilogue.none());
    }

    /** {@code C = act(A * op(B) + bias)} with A given as one array per row, as in {@link #gemmRowArrays}. */
    public static void gemmRowArraysBiasActivation(boolean transB, int m, int n, int k, float[][] aRows, int aCol,
                                                   float[] b, int bOff, int ldb, float[] bias, int biasOff,
                                                   Activation activation, float slope, float[] c, int cOff, int ldc,
                                                   int threads) {
        EpilogueF32 e = BUFFERS.get().epilogue.set(EpilogueF32.BIAS_ACTIVATION, bias, biasOff, activation, slope,
                null, 0, 0);
        run(false, transB, m, n, k, 1, null, aCol, 0, aRows, b, bOff, ldb, 0, c, cOff, ldc, threads, e);
    }

    /** {@code C = act(op(A) * op(B) + bias)}, the activation applied while each tile is in registers. */
    public static void gemmBiasActivation(boolean transA, boolean transB, int m, int n, int k,
                                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                          float[] bias, int biasOff, Activation activation, float slope,
                                          float[] c, int cOff, int ldc, int threads) {
        EpilogueF32 e = BUFFERS.get().epilogue.set(EpilogueF32.BIAS_ACTIVATION, bias, biasOff,
                activation, slope, null, 0, 0);
        run(transA, transB, m, n, k, 1, a, aOff, lda, null, b, bOff, ldb, 0, c, cOff, ldc, threads, e);
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * Z}: a GEMM whose beta term comes from Z rather than
     * from C (C's old values are never read). Z may be C itself at the same offset and stride.
     */
    public static void gemmPlusScaled(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                      float beta, float[] z, int zOff, int ldz, float[] c, int cOff, int ldc,
                                      int threads) {
        EpilogueF32 e = BUFFERS.get().epilogue.set(EpilogueF32.ADDEND, null, 0, Activation.IDENTITY, 0,
                z, zOff, ldz);
        run(transA, transB, m, n, k, alpha, a, aOff, lda, null, b, bOff, ldb, beta, c, cOff, ldc, threads, e);
    }

    /** {@code C = (op(A) * op(B)) * act'(Z)} elementwise, act' computed from the stored outputs Z. */
    public static void gemmActivationDerivative(boolean transA, boolean transB, int m, int n, int k,
                                                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                                Activation activation, float slope, float[] z, int zOff, int ldz,
                                                float[] c, int cOff, int ldc, int threads) {
        EpilogueF32 e = BUFFERS.get().epilogue.set(EpilogueF32.ACTIVATION_DERIVATIVE, null, 0,
                activation, slope, z, zOff, ldz);
        run(transA, transB, m, n, k, 1, a, aOff, lda, null, b, bOff, ldb, 0, c, cOff, ldc, threads, e);
    }

    private static void run(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[][] aRows, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc, int threads, EpilogueF32 e) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            if (e.readsAddend()) {
                scaleFrom(m, n, beta, e.z, e.zOff, e.ldz, c, cOff, ldc);
            } else {
                scale(m, n, beta, c, cOff, ldc);
            }
            e.applyScalar(m, n, c, cOff, ldc);
            return;
        }
        e.prepare(n);
        boolean directA = GemmShapes.readAInPlace(n, T);
        int kc = GemmShapes.balancedDepth(k, directA, T);
        int parts = GemmShapes.parts(m, n, k, threads, T);
        // Row-major A read in place and mostly zero: each row tile skips its all-zero steps (SparseF32).
        Buffers buf = BUFFERS.get();
        boolean sparse = directA && !transA && sparseEnabled
                && SparseF32.prefer(transB, m, n, k, a, aOff, lda, aRows, b, bOff, ldb, buf.steps, buf.stepBits);
        if (parts == 1) {
            block(transA, transB, 0, m, 0, n, k, kc, directA, sparse, alpha, a, aOff, lda, aRows, b, bOff, ldb,
                    beta, c, cOff, ldc, e);
            return;
        }
        boolean splitRows = GemmShapes.splitRows(m, n, T);
        if (splitRows && !directA) {
            panelsInRowChunks(transA, transB, m, n, k, kc, parts, alpha, a, aOff, lda, aRows, b, bOff, ldb, beta, c,
                    cOff, ldc, e);
            return;
        }
        int tiles = splitRows ? GemmShapes.ceilDiv(m, T.mr()) : GemmShapes.ceilDiv(n, T.nr());
        Workers.run(parts, part -> {
            int t0 = Workers.partStart(tiles, part, parts);
            int t1 = Workers.partStart(tiles, part + 1, parts);
            if (splitRows) {
                block(transA, transB, t0 * T.mr(), Math.min(m, t1 * T.mr()), 0, n, k, kc, directA, sparse, alpha,
                        a, aOff, lda, aRows, b, bOff, ldb, beta, c, cOff, ldc, e);
            } else {
                block(transA, transB, 0, m, t0 * T.nr(), Math.min(n, t1 * T.nr()), k, kc, directA, sparse, alpha,
                        a, aOff, lda, aRows, b, bOff, ldb, beta, c, cOff, ldc, e);
            }
        });
    }

    /**
     * Computes rows [i0, i1) and columns [j0, j1) of C. B is packed (or, for a narrow product,
     * read in place); A is read in place when the product has few column tiles to amortize
     * packing over (then only a partial last sliver of rows is copied), else copied block by
     * block: a row-major A as rows, a transposed one into the Columns layout. A is {@code a} from
     * {@code aOff} with leading dimension {@code lda}, or, when {@code aRows} is not null (never
     * transposed), one array per row from column {@code aOff}.
     */
    private static void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1,
                              int k, int kcMax, boolean directA, boolean sparse, float alpha, float[] a, int aOff, int lda,
                              float[][] aRows, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                              EpilogueF32 e) {
        long widestSliverBytes = (long) kcMax * GemmTuning.NR_VECTORS_WIDEST * KernelF32.L * Float.BYTES;
        int widest = GemmShapes.widestSliver(directA, sparse, widestSliverBytes);
        int tailWidth = tailWidth(transA, j1 - j0);
        int tailCols = tailWidth == 0 ? 0 : (j1 - j0) % KernelF32.L;
        for (int jc = j0; jc < j1; jc += T.nc()) {
            int nc = Math.min(T.nc(), j1 - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                panel(transA, transB, i0, i1, j1 - j0, jc, nc, tailCols, tailWidth, pc, Math.min(kcMax, k - pc), k,
                        directA, sparse, widest, alpha, a, aOff, lda, aRows, b, bOff, ldb, beta, c, cOff, ldc, e,
                        null, null);
            }
        }
    }

    /**
     * The tail kernel's width for a column range of {@code cols} columns, 0 for none: when every
     * tile reads A in the Columns layout (a transposed A, in place or packed), the last few columns
     * (n mod L, at most L / 4) go to a tail kernel instead of a sliver that spends a whole vector
     * per row and step on them: TailColumnsF32 over each block of rows of an A read in place,
     * TailKernelF32 (which uses the width) tile by tile for a copied one. A row-major A is packed
     * as rows. Not when that would leave one vector of columns to the slivers (double n = 10 as
     * 8 + 2): the one-vector kernel's broadcast per multiply-add costs what the wasted lanes did
     * (with either tail kernel, docs/architecture.md).
     */
    private static int tailWidth(boolean transA, int cols) {
        int width = tailEnabled && transA && cols <= T.nc() ? TailKernelF32.width(cols) : 0;
        int tailCols = width == 0 ? 0 : cols % KernelF32.L;
        int mainCols = cols - tailCols;
        return mainCols > 0 && mainCols <= KernelF32.L ? 0 : width;
    }

    /**
     * A product split by rows over threads that copies A, panel by panel: each k panel of each
     * block of B's columns is one parallel call over chunks of C's rows ({@link GemmShapes#rowChunks}),
     * in which every thread packs its own copy of the panel's B (kept in its own L2, as when the
     * rows were split once for the whole product) and runs its own range of chunks, then takes
     * what is left of the others' from their ends ({@link Workers#run(int, int, IntConsumer)}).
     * On equal cores each thread computes the same rows as with one fixed split; when one core
     * is slowed (another tenant on a shared machine), the other takes over its last chunks at
     * every panel instead of waiting for it at the end. Every element is computed as by
     * {@link #block}, so the bits do not depend on the thread count.
     */
    private static void panelsInRowChunks(boolean transA, boolean transB, int m, int n, int k, int kcMax,
                                          int threads, float alpha, float[] a, int aOff, int lda, float[][] aRows,
                                          float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                                          EpilogueF32 e) {
        final int nr = T.nr();
        final int tailWidth = tailWidth(transA, n);
        final int tailCols = tailWidth == 0 ? 0 : n % KernelF32.L;
        final int tiles = GemmShapes.ceilDiv(m, T.mr());
        final int chunks = GemmShapes.rowChunks(tiles, threads, T);
        for (int jc0 = 0; jc0 < n; jc0 += T.nc()) {
            final int jc = jc0;
            final int nc = Math.min(T.nc(), n - jc);
            final int nMain = nc - tailCols;
            for (int pc0 = 0; pc0 < k; pc0 += kcMax) {
                final int pc = pc0;
                final int kc = Math.min(kcMax, k - pc);
                final long token = PANELS.incrementAndGet();
                Workers.run(chunks, threads, chunk -> {
                    Buffers own = BUFFERS.get();
                    if (own.packedPanel != token) {
                        // This thread's first chunk of the panel: its own copy of B's block, in its own L2.
                        PackF32.packB(transB, b, bOff, ldb, pc, kc, jc, nMain, nr, GemmTuning.NR_VECTORS_WIDE, own.b,
                                own.gatherIndex);
                        if (tailCols > 0) {
                            PackF32.packTail(transB, b, bOff, ldb, pc, kc, jc + nMain, tailCols, tailWidth, own.bTail);
                        }
                        own.packedPanel = token;
                    }
                    int i0 = (int) ((long) tiles * chunk / chunks) * T.mr();
                    int i1 = Math.min(m, (int) ((long) tiles * (chunk + 1) / chunks) * T.mr());
                    panel(transA, transB, i0, i1, n, jc, nc, tailCols, tailWidth, pc, kc, k, false, false,
                            GemmTuning.NR_VECTORS_WIDE,
                            alpha, a, aOff, lda, aRows, b, bOff, ldb, beta, c, cOff, ldc, e, own.b, own.bTail);
                });
            }
        }
    }

    /**
     * One k panel {@code [pc, pc + kc)} of one block of B's columns {@code [jc, jc + nc)} (its last
     * {@code tailCols} for the tail kernel) over rows [i0, i1) of C, for a part of the product
     * whose column range is {@code rangeCols} wide (all of C's, or a thread's share of them, of
     * which this block is one). B's panel is packed here into this thread's buffer unless
     * {@code packedB} (and {@code packedTail}, for the tail) hold it already
     * ({@link #panelsInRowChunks}).
     */
    private static void panel(boolean transA, boolean transB, int i0, int i1, int rangeCols, int jc, int nc,
                              int tailCols, int tailWidth, int pc, int kc, int k, boolean directA, boolean sparse,
                              int widest, float alpha, float[] a, int aOff, int lda, float[][] aRows,
                              float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, EpilogueF32 e,
                              float[] packedB, float[] packedTail) {
        Buffers buf = BUFFERS.get();
        final int mr = T.mr();
        final int nr = T.nr();
        float[] bPacked = packedB == null ? buf.b : packedB;
        float[] bTail = packedTail == null ? buf.bTail : packedTail;
        // The columns the slivers compute; the tail, if any, follows them.
        int nMain = nc - tailCols;
        float betaPanel = pc == 0 ? beta : 1;
        boolean addend = pc == 0 && e.readsAddend();
        buf.old = addend ? e.z : c;
        buf.oldOff = addend ? e.zOff : cOff;
        buf.ldOld = addend ? e.ldz : ldc;
        EpilogueF32 last = pc + kc == k ? e : null;
        // A narrow product's first panel with alpha, or with beta on an addend Z (a layer's
        // weight gradient), stores its tiles as a plain product and applies both in one pass
        // over each finished block, still in L2: per tile, the tile store's round trip
        // through its buffer cost 8% of the MNIST weight gradient. The same operations, so
        // the same bits. Not for beta on C itself (or an addend in C's array): the plain
        // tiles would overwrite the old values first.
        boolean scaleInBlocks = pc == 0 && directA && (alpha != 1 || beta != 0)
                && (beta == 0 || addend && e.z != c)
                && (last == null || !last.needsTileStore());
        float tileAlpha = scaleInBlocks ? 1 : alpha;
        float tileBeta = scaleInBlocks ? 0 : betaPanel;
        // A full tile with nothing left to do to it (alpha 1, beta 0, no bias or activation
        // for the tile store: the same bits as the store's alpha * acc) goes from the
        // registers straight to C.
        boolean plain = tileAlpha == 1 && tileBeta == 0 && (last == null || !last.needsTileStore());
        // C's rows back to back and one sliver as wide as they are (the 200 x 10 output
        // layer): a tile's whole vectors may go straight to C too, see spillsWholeVectors.
        boolean packedRows = plain && ldc == nc && rangeCols == nc;
        // A later k panel (alpha 1, beta 1 on C itself, nothing else to do): a full tile adds
        // itself to C in the kernel's spill, the tile store's sum without its buffer's round trip
        // (the same bits). The sparse kernels keep the tile store.
        boolean addsToC = addInKernelEnabled && tileAlpha == 1 && tileBeta == 1 && !sparse
                && buf.old == c && buf.oldOff == cOff && buf.ldOld == ldc
                && (last == null || !last.needsTileStore());
        // Row-major B of a narrow product is read where it is (see GemmShapes.readBInPlace);
        // only a last sliver whose full vectors would run past the end of b is packed.
        boolean bDirect = !transB && GemmShapes.readBInPlace(i1 - i0, rangeCols, T);
        if (!bDirect && packedB == null) {
            PackF32.packB(transB, b, bOff, ldb, pc, kc, jc, nMain, nr, widest, buf.b, buf.gatherIndex);
        }
        // Where B's panel is read in place: in b, or, when the slivers' whole-vector loads
        // of the last steps would run past the end of b (a B with nothing after it, as a
        // benchmark allocates it), in one copy of the panel with zeros after it. Packing
        // the slivers instead cost 7-11% of 200x10x50 (session 13). Same values, same bits.
        float[] bPanel = b;
        int bPanelAt = bOff + pc * ldb + jc;
        int lastStart = GemmShapes.lastSliverStart(nMain, nr, KernelF32.L, widest);
        if (bDirect) {
            // Every sliver's loads end before this: the slivers before the last read their nr
            // columns, the last one whole vectors up to its width (sliverRead), which can pass
            // the panel's last column by up to 2L - 1. Measured exactly, not bounded: the
            // columns of a transposed A's tail are not read by slivers, so with a tail the
            // slivers usually end inside B's rows, and copying the whole panel for nothing cost
            // 5-6% of 100x50x200 TN (B allocated to its exact size, session 27).
            // Not when B's rows are much wider than the panel (a narrow column block of a
            // wide B): the copy would move far more than packing the slivers does.
            long reach = (long) (kc - 1) * ldb
                    + (nMain > 0 ? lastStart + sliverRead(nMain - lastStart, nr, widest) : 0);
            long packed = (long) kc * (nMain + 3L * KernelF32.L);
            if (bPanelAt + reach > b.length && reach <= buf.b.length && reach <= 2 * packed) {
                int copied = (int) Math.min(reach, b.length - bPanelAt);
                System.arraycopy(b, bPanelAt, buf.b, 0, copied);
                java.util.Arrays.fill(buf.b, copied, (int) reach, 0f);
                bPanel = buf.b;
                bPanelAt = 0;
            }
        }
        // The tail columns of a transposed A read in place take TailColumnsF32 over each whole
        // block of rows, with B's values broadcast where they are; copied tiles take TailKernelF32.
        boolean tailInPlace = tailCols > 0 && directA;
        if (tailCols > 0 && packedTail == null && !tailInPlace) {
            PackF32.packTail(transB, b, bOff, ldb, pc, kc, jc + nMain, tailCols, tailWidth, buf.bTail);
        }
        int slivers = nMain > 0 ? lastStart / nr + 1 : 0;
        // A narrow product runs its last sliver first: when C's rows lie back to back, that
        // sliver's tiles spill whole vectors, whose lanes past n land on the next row's first
        // columns, and the first sliver, computed after it, overwrites them there. A copied A keeps
        // the slivers in order (last first made float 1024^3 3-12% slower).
        boolean lastFirst = directA;
        for (int ic = i0; ic < i1; ic += T.mc()) {
            int mc = Math.min(T.mc(), i1 - ic);
            // Rows [0, full) are read in place when directA; the rest is copied to buf.a in
            // the layout the in-place kernel expects, so each product keeps one kernel family hot.
            // A row-major A is packed as plain row copies (kc apart) for the Rows kernels: a
            // scatter into the Columns layout, one element at a time, took 7.9% of a float
            // 1024^3 product (JFR, session 14); the copies gain 2-8% there (same bits).
            int full = directA ? mc / mr * mr : 0;
            boolean rowMajorA = !transA;
            // A copied row-major A is copied one row tile at a time, just before the tile's
            // slivers run (below), into the start of buf.a: the copy lands in L1 where the kernel
            // reads it, and the block's copy does not take L2 from the B block (float and double
            // 512^3 and 1024^3 about 3% faster). A transposed A is still packed a block at a time:
            // a tile's 12 columns come from kc rows of the stored A, 4 KiB apart at 1024^3, and the
            // next tile reads the same cache lines, which the B block evicts in between when
            // packed tile by tile (1024^3 TN 0.90-0.94x). Its tail columns (tailTiles) also read
            // the whole block's copy. The sparse path copies its rows while it finds their steps.
            boolean copiesEachTile = !directA && !sparse && rowMajorA;
            // The copied rows' stride: a tile's own copy puts them A_ROWS_APART apart, a constant
            // the kernel (tileRowsKC) addresses A by; a block's copy, kc apart.
            int aRowStride = copiesEachTile ? KernelF32.A_ROWS_APART : kc;
            if (full < mc && !sparse && !copiesEachTile) {
                copyA(a, aOff, lda, aRows, rowMajorA, ic + full, mc - full, pc, kc, buf.a, kc);
            }
            if (sparse) {
                for (int ir = 0; ir < mc; ir += mr) {
                    int rows = Math.min(mr, mc - ir);
                    int at = ir / mr * (T.kc() + KernelF32.L);
                    buf.stepCount[ir / mr] = SparseF32.union(a, aOff, lda, aRows, ic + ir, rows, pc, kc,
                            buf.steps, at, buf.stepBits, buf.a, ir * GemmTuning.KC);
                }
            }
            // A copied A: row tiles outer, so each tile's rows stay in L1 while every sliver of
            // the L2-resident B block goes by (see GemmTuning.B_BLOCK_BYTES). A read in place
            // (a narrow product, small B): slivers outer, all row tiles in one pass.
            int rowStep = directA ? mc : mr;
            for (int ir0 = 0; ir0 < mc; ir0 += rowStep) {
                // The row of the block whose copy starts buf.a.
                int copiedFrom = full;
                if (copiesEachTile) {
                    copyA(a, aOff, lda, aRows, rowMajorA, ic + ir0, Math.min(mr, mc - ir0), pc, kc, buf.a,
                            aRowStride);
                    copiedFrom = ir0;
                }
                for (int s = 0; s < slivers; s++) {
                    int jr = lastFirst ? (s == 0 ? lastStart : (s - 1) * nr) : s * nr;
                    int width = jr == lastStart ? GemmShapes.sliverWidth(nMain - jr, nr, KernelF32.L, widest) : nr;
                    int cols = Math.min(width, nMain - jr);
                    float[] bs = bPacked;
                    int bAt = jr * kc;
                    int bStride = width;
                    if (bDirect) {
                        int read = sliverRead(nMain - jr, nr, widest);
                        int first = bPanelAt + jr;
                        if ((long) first + (long) (kc - 1) * ldb + read <= bPanel.length) {
                            bs = bPanel;
                            bAt = first;
                            bStride = ldb;
                        } else if (ic == i0 && ir0 == 0) {
                            // Only when the panel was too large to copy (bPanel is b then).
                            PackF32.packB(false, b, bOff, ldb, pc, kc, jc + jr, nMain - jr, nr, widest,
                                    buf.b, buf.gatherIndex);
                            bAt = 0;
                        } else {
                            bAt = 0;
                        }
                    }
                    for (int ir = ir0; ir < Math.min(mc, ir0 + rowStep); ir += mr) {
                        int rows = Math.min(mr, mc - ir);
                        if (width > nr) {
                            // The wide last sliver: the 12-row tile as two 6-row halves.
                            for (int h = 0; h < rows; h += KernelF32.MRW) {
                                int row = ic + ir + h;
                                int halfRows = Math.min(KernelF32.MRW, rows - h);
                                // Non-short-circuit operators: no branch for the JIT to
                                // speculate on (an unseen side was a trap in the first fit).
                                boolean whole = halfRows == KernelF32.MRW & cols == width;
                                boolean direct = plain & halfRows == KernelF32.MRW & (cols == width
                                        | packedRows & jr + cols == nc & (lastFirst | jr == 0)
                                        & spillsWholeVectors(row, halfRows, jr + width, ldc, i1))
                                        | addsToC & whole;
                                float[] out = direct ? c : buf.tile;
                                int outAt = direct ? cOff + row * ldc + jc + jr : 0;
                                int outStride = direct ? ldc : width;
                                wideTile(ir, h, full, copiedFrom, aRowStride, rowMajorA, transA, kc, ic, pc, a, aOff,
                                        lda, aRows,
                                        buf, bs, bAt, bStride, out, outAt, outStride,
                                        width > GemmTuning.NR_VECTORS_WIDE * KernelF32.L, addsToC & whole);
                                if (!direct) {
                                    TileStoreF32.store(buf.tile, halfRows, cols, width, tileAlpha, tileBeta, c,
                                            cOff + row * ldc + jc + jr, ldc, buf.old, buf.oldAt(row, jc + jr),
                                            buf.ldOld, last, jc + jr, buf.biasTile);
                                }
                            }
                            continue;
                        }
                        int row = ic + ir;
                        boolean added = addsToC & rows == mr & cols == nr;
                        boolean direct = plain & rows == mr & (cols == nr
                                | packedRows & jr + cols == nc & (lastFirst | jr == 0)
                                & spillsWholeVectors(row, rows, jr + (cols <= KernelF32.L ? KernelF32.L : nr), ldc,
                                i1)) | added;
                        float[] out = direct ? c : buf.tile;
                        int outAt = direct ? cOff + row * ldc + jc + jr : 0;
                        int outStride = direct ? ldc : nr;
                        if (sparse) {
                            sparseTile(ir, cols, buf, bs, bAt, bStride, out, outAt, outStride);
                        } else if (ir >= full && rows <= KernelF32.MRW && cols > KernelF32.L && halfTilesEnabled) {
                            // A last row tile of at most half the rows: the 6-row kernel, half the
                            // multiply-adds of a 12-row tile that is mostly zero rows.
                            if (rowMajorA) {
                                KernelF32.tileRowsHalf(kc, buf.a, (ir - copiedFrom) * aRowStride, aRowStride, bs, bAt,
                                        bStride, out, outAt, outStride);
                            } else {
                                KernelF32.tileColumnsHalf(kc, buf.a, (ir - copiedFrom) * aRowStride, mr, bs, bAt,
                                        bStride, out, outAt, outStride);
                            }
                        } else if (ir >= full) {
                            tile(rowMajorA, cols, kc, buf.a, (ir - copiedFrom) * aRowStride,
                                    rowMajorA ? aRowStride : mr, bs, bAt, bStride, out, outAt, outStride, added);
                        } else if (aRows != null) {
                            tileRowArrays(cols, kc, aRows, row, aOff + pc, bs, bAt, bStride, out, outAt,
                                    outStride, added);
                        } else if (transA) {
                            tile(false, cols, kc, a, aOff + pc * lda + row, lda, bs, bAt, bStride, out, outAt,
                                    outStride, added);
                        } else {
                            tile(true, cols, kc, a, aOff + row * lda + pc, lda, bs, bAt, bStride, out, outAt,
                                    outStride, added);
                        }
                        if (!direct) {
                            TileStoreF32.store(buf.tile, rows, cols, nr, tileAlpha, tileBeta,
                                    c, cOff + row * ldc + jc + jr, ldc, buf.old, buf.oldAt(row, jc + jr),
                                    buf.ldOld, last, jc + jr, buf.biasTile);
                        }
                    }
                }
            }
            if (tailInPlace) {
                int col = jc + nMain;
                TailColumnsF32.columns(mc, tailCols, kc, a, aOff + pc * lda + ic, lda, b,
                        transB ? bOff + col * ldb + pc : bOff + pc * ldb + col, transB ? 1 : ldb,
                        transB ? ldb : 1, buf.tailRows, buf.tailScratch);
                TileStoreF32.store(buf.tailRows, mc, tailCols, KernelF32.L, tileAlpha, tileBeta, c,
                        cOff + ic * ldc + col, ldc, buf.old, buf.oldAt(ic, col), buf.ldOld, last, col,
                        buf.biasTile);
            }
            for (int ir = 0; tailCols > 0 && !tailInPlace && ir < mc; ) {
                ir += tailTiles(ir, mc, kc, ic, jc + nMain, tailWidth, tailCols, buf, bTail, tileAlpha, tileBeta,
                        c, cOff, ldc, last);
            }
            if (scaleInBlocks) {
                TileStoreF32.scaleBlock(c, cOff + ic * ldc + jc, ldc, buf.old, buf.oldAt(ic, jc), buf.ldOld,
                        mc, nc, alpha, beta);
            }
            if (last != null && last.appliesToBlocks()) {
                last.applyToBlock(c, cOff + ic * ldc + jc, ldc, ic, jc, mc, nc);
            }
        }
    }

    /**
     * The tail columns {@code [col, col + tailCols)} of the row tiles at {@code ir} and, when it
     * exists, {@code ir + MR} of the block at row {@code ic}, from a copied A (packed in the
     * Columns layout, MR rows per step; a transposed A read in place takes
     * {@link TailColumnsF32} instead). Returns how many rows it did: one tile or two.
     */
    private static int tailTiles(int ir, int mc, int kc, int ic, int col, int tailWidth,
                                  int tailCols, Buffers buf, float[] bTail,
                                  float alpha, float beta, float[] c, int cOff, int ldc, EpilogueF32 last) {
        final int mr = T.mr();
        int ir2 = ir + mr;
        boolean two = ir2 < mc;
        TailKernelF32.tiles(kc, tailWidth, buf.a, ir * kc, two ? ir2 * kc : ir * kc, mr, bTail, buf.tail1,
                buf.tail2);
        TileStoreF32.store(buf.tail1, Math.min(mr, mc - ir), tailCols, KernelF32.L, alpha, beta, c,
                cOff + (ic + ir) * ldc + col, ldc, buf.old, buf.oldAt(ic + ir, col), buf.ldOld, last, col,
                buf.biasTile);
        if (two) {
            TileStoreF32.store(buf.tail2, Math.min(mr, mc - ir2), tailCols, KernelF32.L, alpha, beta, c,
                    cOff + (ic + ir2) * ldc + col, ldc, buf.old, buf.oldAt(ic + ir2, col), buf.ldOld, last, col,
                    buf.biasTile);
        }
        return two ? 2 * mr : mr;
    }

    /**
     * How many of B's columns, from its first, the sliver that starts with {@code remaining}
     * columns of the panel left reads per step ({@link PackF32#readWidth}).
     */
    private static int sliverRead(int remaining, int nr, int widest) {
        int width = GemmShapes.sliverWidth(remaining, nr, KernelF32.L, widest);
        return PackF32.readWidth(Math.min(width, remaining), width);
    }

    /**
     * Whether a full tile of a sliver narrower than its width may spill its whole vectors straight
     * into C. It applies when C's rows lie back to back ({@code ldc} is the sliver's column count)
     * and the sliver holds whole rows: each row's lanes past n then land on the next rows' first
     * columns, which the kernel's later rows (it spills in ascending order) or this thread's later
     * tiles overwrite with their values before anything reads C, so no mask and no tile buffer is
     * needed. Only where the last lane stays below row {@code i1}: rows from there on belong to
     * another thread or lie outside the matrix, and that tile goes through the tile store.
     * {@code width} is how many values the kernel spills per row.
     */
    private static boolean spillsWholeVectors(int row, int rows, int width, int ldc, int i1) {
        return (long) (row + rows - 1) * ldc + width <= (long) i1 * ldc;
    }

    /**
     * One register tile from a B sliver whose steps are {@code bStride} apart (a packed sliver, or
     * row-major B read in place): A is row-major ({@code rows}: A(i, p) at
     * {@code a[at + i * stride + p]}) or column-ordered (A(i, p) at {@code a[at + p * stride + i]});
     * a sliver of at most one vector of columns takes the one-vector kernel, row-major rows
     * {@link KernelF32#A_ROWS_APART} apart (a copied row tile) the kernel for that constant
     * stride. {@code addOut}: the Add kernels, which add the tile to what out holds.
     */
    private static void tile(boolean rows, int cols, int kc, float[] a, int at, int stride,
                             float[] b, int bAt, int bStride, float[] out, int outAt, int outStride,
                             boolean addOut) {
        if (cols <= KernelF32.L) {
            if (rows) {
                KernelF32.tileRows1v(kc, a, at, stride, b, bAt, bStride, out, outAt, outStride);
            } else {
                KernelF32.tileColumns1v(kc, a, at, stride, b, bAt, bStride, out, outAt, outStride);
            }
        } else if (rows && stride == KernelF32.A_ROWS_APART) {
            // A copied row tile (or an A whose rows lie that far apart anyway: the same values).
            if (addOut) {
                KernelF32.tileRowsKCAdd(kc, a, at, b, bAt, bStride, out, outAt, outStride);
            } else {
                KernelF32.tileRowsKC(kc, a, at, b, bAt, bStride, out, outAt, outStride);
            }
        } else if (rows) {
            if (addOut) {
                KernelF32.tileRowsAdd(kc, a, at, stride, b, bAt, bStride, out, outAt, outStride);
            } else {
                KernelF32.tileRows(kc, a, at, stride, b, bAt, bStride, out, outAt, outStride);
            }
        } else {
            if (addOut) {
                KernelF32.tileColumnsAdd(kc, a, at, stride, b, bAt, bStride, out, outAt, outStride);
            } else {
                KernelF32.tileColumns(kc, a, at, stride, b, bAt, bStride, out, outAt, outStride);
            }
        }
    }

    /**
     * Rows [i0, i0 + rows) of A's panel at pc copied into {@code dst} for the kernels that read
     * buf.a; a row-major A's rows {@code rowStride} apart (a transposed one is packed as Columns).
     */
    private static void copyA(float[] a, int aOff, int lda, float[][] aRows, boolean rowMajorA, int i0, int rows,
                              int pc, int kc, float[] dst, int rowStride) {
        if (aRows != null) {
            PackF32.copyRowArrays(aRows, aOff, i0, rows, pc, kc, dst, rowStride);
        } else if (rowMajorA) {
            PackF32.copyRows(a, aOff, lda, i0, rows, pc, kc, dst, rowStride);
        } else {
            PackF32.packTransposedA(a, aOff, lda, i0, rows, pc, kc, dst);
        }
    }

    /**
     * Half {@code h} (rows h .. h + MRW - 1) of the 12-row tile at {@code ir} of the block, against
     * the wide last B sliver at {@code bAt} (three vectors, or four when {@code fourVectors}): A is
     * read where the 12-row tile would read it (rows from {@code full} on copied to buf.a, the row
     * {@code copiedFrom} first, a row-major copy's rows {@code aRowStride} apart; else in place),
     * offset by h rows. {@code addOut}: the Add kernels (see {@link KernelF32}).
     */
    private static void wideTile(int ir, int h, int full, int copiedFrom, int aRowStride, boolean rowMajorA,
                                 boolean transA, int kc, int ic, int pc, float[] a, int aOff, int lda, float[][] aRows, Buffers buf,
                                 float[] b, int bAt, int bStride, float[] out, int outAt, int outStride,
                                 boolean fourVectors, boolean addOut) {
        int row = ic + ir + h;
        if (ir >= full && rowMajorA) {
            int at = (ir - copiedFrom + h) * aRowStride;
            if (fourVectors) {
                if (addOut) {
                    KernelF32.tileRows4vAdd(kc, buf.a, at, aRowStride, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileRows4v(kc, buf.a, at, aRowStride, b, bAt, bStride, out, outAt, outStride);
                }
            } else {
                if (addOut) {
                    KernelF32.tileRows3vAdd(kc, buf.a, at, aRowStride, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileRows3v(kc, buf.a, at, aRowStride, b, bAt, bStride, out, outAt, outStride);
                }
            }
        } else if (ir >= full) {
            int at = (ir - copiedFrom) * kc + h;
            if (fourVectors) {
                if (addOut) {
                    KernelF32.tileColumns4vAdd(kc, buf.a, at, T.mr(), b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileColumns4v(kc, buf.a, at, T.mr(), b, bAt, bStride, out, outAt, outStride);
                }
            } else {
                if (addOut) {
                    KernelF32.tileColumns3vAdd(kc, buf.a, at, T.mr(), b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileColumns3v(kc, buf.a, at, T.mr(), b, bAt, bStride, out, outAt, outStride);
                }
            }
        } else if (aRows != null) {
            if (fourVectors) {
                if (addOut) {
                    KernelF32.tileRowArrays4vAdd(kc, aRows, row, aOff + pc, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileRowArrays4v(kc, aRows, row, aOff + pc, b, bAt, bStride, out, outAt, outStride);
                }
            } else {
                if (addOut) {
                    KernelF32.tileRowArrays3vAdd(kc, aRows, row, aOff + pc, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileRowArrays3v(kc, aRows, row, aOff + pc, b, bAt, bStride, out, outAt, outStride);
                }
            }
        } else if (transA) {
            int at = aOff + pc * lda + row;
            if (fourVectors) {
                if (addOut) {
                    KernelF32.tileColumns4vAdd(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileColumns4v(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                }
            } else {
                if (addOut) {
                    KernelF32.tileColumns3vAdd(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileColumns3v(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                }
            }
        } else {
            int at = aOff + row * lda + pc;
            if (fourVectors) {
                if (addOut) {
                    KernelF32.tileRows4vAdd(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileRows4v(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                }
            } else {
                if (addOut) {
                    KernelF32.tileRows3vAdd(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                } else {
                    KernelF32.tileRows3v(kc, a, at, lda, b, bAt, bStride, out, outAt, outStride);
                }
            }
        }
    }

    /**
     * {@link #tile} for row-major A over the steps of this row tile's union only (SparseF32), A's
     * rows read from the panel the union copied them to (buf.a, KC apart from row ir).
     */
    private static void sparseTile(int ir, int cols, Buffers buf, float[] b, int bAt, int bStride, float[] out,
                                   int outAt, int outStride) {
        int from = ir / T.mr() * (T.kc() + KernelF32.L);
        int to = from + buf.stepCount[ir / T.mr()];
        if (cols <= KernelF32.L) {
            IndexedKernelF32.tileRows1v(from, to, buf.steps, buf.a, ir * GemmTuning.KC, b, bAt, bStride, out, outAt,
                    outStride);
        } else {
            IndexedKernelF32.tileRows(from, to, buf.steps, buf.a, ir * GemmTuning.KC, b, bAt, bStride, out, outAt,
                    outStride);
        }
    }

    /** {@link #tile} with A given as one array per row (see KernelF32). */
    private static void tileRowArrays(int cols, int kc, float[][] rows, int rowAt, int col, float[] b, int bAt,
                                      int bStride, float[] out, int outAt, int outStride, boolean addOut) {
        if (cols <= KernelF32.L) {
            KernelF32.tileRowArrays1v(kc, rows, rowAt, col, b, bAt, bStride, out, outAt, outStride);
        } else {
            if (addOut) {
                KernelF32.tileRowArraysAdd(kc, rows, rowAt, col, b, bAt, bStride, out, outAt, outStride);
            } else {
                KernelF32.tileRowArrays(kc, rows, rowAt, col, b, bAt, bStride, out, outAt, outStride);
            }
        }
    }

    /** {@code C = beta * Z}; beta 0 writes zeros without reading Z. */
    private static void scaleFrom(int m, int n, float beta, float[] z, int zOff, int ldz, float[] c, int cOff,
                                  int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * ldc + j] = beta == 0 ? 0 : beta * z[zOff + i * ldz + j];
            }
        }
    }

    /** {@code C = beta * C}; beta 0 writes zeros without reading C (NaN in C is overwritten). */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0 ? 0 : beta * c[row + j];
            }
        }
    }
}
