package dev.vecnn.kernels.gemm;

/**
 * Decisions that depend only on the shape of a product, shared by both precisions. Because none
 * of them looks at the thread count, except how many parts the work is cut into, every element
 * of C is computed the same way for any thread count.
 */
final class GemmShapes {
    private GemmShapes() {
    }

    /**
     * Whether A is read in place instead of packed: packing costs about one pass over A, which
     * pays off only when each packed sliver is reused across many column tiles.
     */
    static boolean readAInPlace(int n, GemmTuning t) {
        return n <= t.directAMaxColumns();
    }

    /**
     * Whether row-major B is read in place instead of packed: for the narrow products whose A is
     * read in place, when few row blocks reuse each sliver. Packing copies all of B per call (per
     * thread when the rows are split); reading it in place costs strided loads at every reuse, so
     * it pays only for short row ranges (see {@link GemmTuning#DIRECT_B_MAX_ROW_BLOCKS}).
     */
    static boolean readBInPlace(int rows, int n, GemmTuning t) {
        return n <= t.directAMaxColumns() && rows <= GemmTuning.DIRECT_B_MAX_ROW_BLOCKS * t.mc();
    }

    /** Split C by rows if it has at least as many row tiles as column tiles, else by columns. */
    static boolean splitRows(int m, int n, GemmTuning t) {
        return ceilDiv(m, t.mr()) >= ceilDiv(n, t.nr());
    }

    /**
     * How many threads get a share: each share at least minFlopsPerThread multiply-adds (so one
     * thread below {@link GemmTuning#SMALL_FLOPS}), never more than there are tiles. Written
     * without a branch on the size: the warm-up's small products never took the other side, and
     * the JIT compiles a branch that never ran as a trap, which the first real product springs.
     */
    static int parts(int m, int n, int k, int threads, GemmTuning t) {
        long work = (long) m * n * k;
        int tiles = splitRows(m, n, t) ? ceilDiv(m, t.mr()) : ceilDiv(n, t.nr());
        return (int) Math.min(Math.min(threads, tiles), Math.max(1, work / t.minFlopsPerThread()));
    }

    /**
     * Into how many chunks of whole row tiles (at most MC rows each) a product run panel by panel
     * in row chunks ({@code DriverF32.panelsInRowChunks}) cuts C's rows: a multiple of the thread
     * count, {@link GemmTuning#ROW_CHUNKS_PER_THREAD} per thread at least (but no more chunks than
     * tiles), so that threads of equal speed finish each panel together and a slower one is left
     * at most a small chunk (MC-row blocks, 1024 rows as seven of 144 and one of 16, kept one
     * thread waiting for most of a block at every panel).
     */
    static int rowChunks(int tiles, int threads, GemmTuning t) {
        int atMostMc = ceilDiv(tiles, t.mc() / t.mr());
        int chunks = ceilDiv(Math.max(threads * GemmTuning.ROW_CHUNKS_PER_THREAD, atMostMc), threads) * threads;
        return Math.min(chunks, Math.max(tiles, atMostMc));
    }

    /**
     * The depth of each packed panel: at most the tuning's depth for how A is read (see
     * {@link GemmTuning#kcCopiedA}), and equal panels rather than one thin last one.
     */
    static int balancedDepth(int k, boolean directA, GemmTuning t) {
        int panels = ceilDiv(k, directA ? t.kc() : t.kcCopiedA());
        return ceilDiv(k, panels);
    }

    /**
     * The widest last sliver, in vectors, that a part of a product may end with: the 6-row kernels
     * of {@link GemmTuning#NR_VECTORS_WIDE} vectors for every product, and of
     * {@link GemmTuning#NR_VECTORS_WIDEST} for one that reads A in place (a narrow one) while such a
     * sliver of B, {@code widestSliverBytes} over the panel's depth, fits
     * {@link GemmTuning#WIDEST_SLIVER_MAX_BYTES}; none ({@link GemmTuning#NR_VECTORS}) on the sparse
     * path, whose 6-row, three-vector kernel over a tile's nonzero steps was slower than a
     * one-vector sliver for the last columns (predict_proba on MNIST's 2000 rows, float: 1.54-1.56
     * ms with it, 1.40-1.50 without). The four-vector sliver is for narrow products only: at the end
     * of every 512-column block of a copied A it made float 512^3 and 1024^3 5-9% slower.
     */
    static int widestSliver(boolean directA, boolean sparse, long widestSliverBytes) {
        if (sparse) {
            return GemmTuning.NR_VECTORS;
        }
        return directA && widestSliverBytes <= GemmTuning.WIDEST_SLIVER_MAX_BYTES ? GemmTuning.NR_VECTORS_WIDEST
                : GemmTuning.NR_VECTORS_WIDE;
    }

    /**
     * The width of the B sliver that starts with {@code remaining} columns of the panel left:
     * {@code nr}, or, when the rest is more than {@code nr} and fits in {@code widest} vectors, a
     * last sliver of as many whole vectors as it needs (3 or 4; see {@link GemmTuning#MR_WIDE}),
     * so that no one-vector sliver or partial two-vector sliver follows. Slivers before the last
     * are always {@code nr} wide.
     */
    static int sliverWidth(int remaining, int nr, int lanes, int widest) {
        boolean wide = remaining > nr && remaining <= widest * lanes;
        return wide ? ceilDiv(remaining, lanes) * lanes : nr;
    }

    /** Where the last sliver of {@code cols} columns starts (every sliver before it is {@code nr} wide). */
    static int lastSliverStart(int cols, int nr, int lanes, int widest) {
        int start = 0;
        while (cols - start > nr && sliverWidth(cols - start, nr, lanes, widest) == nr) {
            start += nr;
        }
        return start;
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
