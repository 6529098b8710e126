package dev.vecnn.kernels;

import dev.vecnn.kernels.gemm.DriverF32;
import jdk.incubator.vector.FloatVector;

/**
 * The float half of {@link Warmup}: calls every public float kernel on tiny operands, over and
 * over, so that the JIT compiles them before real work arrives.
 *
 * <p>Why tiny: until C2 compiles a method, every Vector API operation in it runs interpreted or
 * in C1 code, where each vector is an object on the heap, a hundred or more times slower than
 * compiled code. The JIT promotes a method after a number of calls (and loop iterations), not
 * after an amount of work, so calls with a depth of a few steps reach the thresholds at a small
 * fraction of what the first real products cost (a 200x100x784 product per call: seconds). The
 * shapes are chosen to reach every code path the real products take: full and one-vector
 * column slivers, a partial last sliver of rows, A read in place (row-major, transposed, and one
 * array per row) and packed (wide C), every transpose, every activation in both fused epilogues, every loss and
 * update. Depths of at least two keep the inner loops' back edges in the profile.
 */
final class WarmupF32 {
    private static final int L = FloatVector.SPECIES_PREFERRED.length();
    // Vectors per call of the element-wise kernels. The JIT's last tier counts loop iterations as
    // well as calls: with one vector per call (and one call per round) the updates, reductions and
    // softmax were still C1 code after the warm-up, where a vector is a heap object, and the first
    // epoch of a fit ran them 10 times slower (PrintCompilation, docs/architecture.md).
    // Nine: two rounds of the reductions' four-vector loops, then their one-vector loop (a loop
    // that never ran is a trap in the compiled code), then a tail.
    private static final int VECTORS = 9;

    private WarmupF32() {
    }

    /**
     * {@code count} rounds over every kernel, on operands allocated once, then one call of each
     * kind that is large enough to be split over the threads.
     */
    static void rounds(int count) {
        // The rounds run on every thread a kernel may run on, each its share on its own operands:
        // a training step on two threads calls the kernels inside parallel parts, on the workers
        // too, and with the warm-up on the calling thread alone the workers' first real calls
        // found their per-thread buffers missing (ThreadLocal.get's other branch), which sent
        // the compiled driver and reductions back to the interpreter in the first fit.
        int threads = Parallel.threads();
        Parallel.run(threads, part -> {
            Operands o = new Operands();
            for (int i = 0; i < count / threads; i++) {
                round(i, o);
            }
        });
        large(new Operands());
    }

    /**
     * Products and updates above the size where work is split over threads, so that their
     * parallel paths (and a product's size branches) are compiled before the first real batch.
     * Once per call of {@link #rounds}: by then the kernels are compiled, so these cost
     * microseconds, where their first runs as C1 code cost milliseconds.
     */
    private static void large(Operands o) {
        Gemm.sgemm(false, false, o.bigM, o.bigN, o.bigK, 1f, o.bigA, 0, o.bigK, o.bigB, 0, o.bigN, 0f, o.bigC, 0,
                o.bigN);
        FusedGemm.sgemmBiasActivation(false, false, o.bigM, o.bigN, o.bigK, o.bigA, 0, o.bigK, o.bigB, 0, o.bigN,
                o.bigBias, 0, Activation.RELU, 0f, o.bigC, 0, o.bigN);
        Updates.sgd(o.bigW, o.bigG, 1e-3f);
        Updates.momentum(o.bigW, o.bigG, o.bigS1, 1e-3f, 0.9f, true);
        Updates.adam(o.bigW, o.bigG, o.bigS1, o.bigS2, 1e-3f, 0.9f, 0.999f, 1e-8f, 1);
    }

    /** Round {@code i} over every kernel. */
    private static void round(int i, Operands o) {
        // An odd depth, then an even one: the row-major kernels take two steps per iteration and
        // one more for an odd depth, and a warm-up of odd depths only left that branch's other side
        // a trap; the first real product (MNIST's depths are even) sent the kernel back to tier-3
        // code for about half a second (-Xlog:deoptimization: unstable_if in tileRows).
        int depth = o.k + (i & 1);
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0;
            boolean tb = (t & 2) != 0;
            gemm(ta, tb, o.narrowN, depth, o);
            gemm(ta, tb, o.partialN, depth, o);
            gemm(ta, tb, o.oneVectorN, depth, o);
            // The 6x3v kernels: with calls from only two of the transpose cases C2 compiled
            // one of the three during the warm-up.
            gemm(ta, tb, o.mergedN, depth, o);
        }
        tails(o);
        // A layer's weight gradient (X^T D + alpha W) / n: transposed A read in place, a beta term
        // from another array, alpha and beta applied per finished block (TileStoreF32.scaleBlock).
        // Never called here before session 13: scaleBlock ran interpreted through the first epoch.
        // Every sliver kind, the wide ones with a partial width (MNIST's 100 columns in double).
        for (int rows : new int[] {o.m, o.wholeM}) {
            for (int n : new int[] {o.narrowN, o.partialN, o.oneVectorN, o.mergedN}) {
                FusedGemm.sgemmPlusScaled(true, false, rows, n, depth, 0.5f, o.a, 0, rows, o.b, 0, n, 0.25f, o.z, 0,
                        n, o.c, 0, n);
            }
        }
        // A given as one array per row (a model predicting from a caller's float[][]). The flat
        // kernels get calls from every transpose case, these only from here: with one call a
        // round C2 never compiled the two-vector kernel during the warm-up (PrintCompilation);
        // with four it does in some runs, and otherwise on the first real predictions.
        for (int n : new int[] {o.narrowN, o.narrowN, o.narrowN, o.narrowN, o.partialN, o.oneVectorN, o.mergedN,
                o.mergedN, o.mergedN, o.mergedN}) {
            FusedGemm.sgemmBiasActivation(false, o.m, n, depth, o.rowsA, 0, o.b, 0, n, o.bias, 0, Activation.RELU,
                    0f, o.c, 0, n);
        }
        // A mostly zero (SparseF32: the indexed kernels over each row tile's nonzero steps), flat
        // and one array per row, for the three sliver kinds.
        // Every other round the rows are whole tiles only, as in real batches (200 = 16 x 12 + 8
        // is split into blocks of 144 rows): a branch that never ran is compiled as a trap, and
        // the first real product sends the method back to the interpreter (JFR deoptimizations).
        int m = (i & 1) == 0 ? o.m : o.wholeM;
        FusedGemm.sgemmBiasActivation(false, false, m, o.narrowN, depth, o.a, 0, depth, o.b, 0, o.narrowN, o.bias,
                0, Activation.RELU, 0f, o.c, 0, o.narrowN);
        // Half zeros, in a pattern whose 12-row unions are dense (relu outputs): the sparse test
        // declines after its sample.
        FusedGemm.sgemmBiasActivation(false, false, m, o.narrowN, o.sparseK, o.halfA, 0, o.sparseK, o.sparseB, 0,
                o.narrowN, o.bias, 0, Activation.RELU, 0f, o.c, 0, o.narrowN);
        // A mini-batch's gather (Rows, RowCopyF32): groups of eight rows, single rows, a tail of columns.
        Rows.gather(o.sparseA, o.sparseK, o.reversed, 0, m, o.gathered);
        for (int n : new int[] {o.narrowN, o.oneVectorN, o.mergedN}) {
            FusedGemm.sgemmBiasActivation(false, false, m, n, o.sparseK, o.sparseA, 0, o.sparseK, o.sparseB, 0, n,
                    o.bias, 0, Activation.RELU, 0f, o.c, 0, n);
            FusedGemm.sgemmBiasActivation(false, m, n, o.sparseK, o.sparseRows, 0, o.sparseB, 0, n, o.bias, 0,
                    Activation.RELU, 0f, o.c, 0, n);
        }
        if (i % 8 == 0) {
            // The packed-A path: its vector code is the kernels above, so fewer calls suffice.
            gemm(false, false, o.wideN, depth, o);
            gemm(true, false, o.wideN, depth, o);
        }
        if (i % 4 == 0) {
            // More rows than the narrow products read B in place for (GemmShapes.readBInPlace), as
            // when predicting many rows.
            FusedGemm.sgemmBiasActivation(false, false, o.tallM, o.oneVectorN, o.k, o.tallA, 0, o.k, o.b, 0,
                    o.oneVectorN, o.bias, 0, Activation.RELU, 0f, o.tallC, 0, o.oneVectorN);
        }
        if (i % 16 == 0) {
            // Several k panels: the store of a panel that is not the last one (no epilogue, beta 1).
            // Without it that branch has never run when C2 compiles, and the first real product
            // deeper than KC throws the driver and the store back to the interpreter.
            FusedGemm.sgemmBiasActivation(false, false, o.m, o.oneVectorN, o.deepK, o.deepA, 0, o.deepK, o.deepB, 0,
                    o.oneVectorN, o.bias, 0, Activation.RELU, 0, o.c, 0, o.oneVectorN);
        }
        for (Activation act : Activation.values()) {
            // Fresh values each time: repeated derivatives would shrink x into subnormals.
            java.util.Arrays.fill(o.x, 0.1f);
            FusedGemm.sgemmBiasActivation(false, false, o.m, o.narrowN, depth, o.a, 0, depth, o.b, 0, o.narrowN,
                    o.bias, 0, act, 0.01f, o.c, 0, o.narrowN);
            FusedGemm.sgemmActivationDerivative(false, true, o.m, o.narrowN, depth, o.a, 0, depth, o.b, 0, depth,
                    act, 0.01f, o.z, 0, o.narrowN, o.c, 0, o.narrowN);
            Activations.forward(act, 0.01f, o.x, 0, o.rows * o.cols);
            Activations.derivative(act, 0.01f, o.z, o.x, 0, o.rows * o.cols);
        }
        // Rows of a vector and a tail, rows shorter than a vector (ten classes in float), rows of
        // three values (three classes) and rows of more than two vectors: each width has a
        // softmax loop of its own.
        for (int cols : new int[] {o.cols, o.shortCols, 3, 2 * L + 3}) {
            Activations.softmax(o.x, 0, o.rows, cols);
            for (Loss loss : Loss.values()) {
                Losses.loss(loss, o.p, o.y, null, o.rows, cols, o.x);
                Losses.loss(loss, o.p, o.y, o.weights, o.rows, cols, o.x);
            }
        }
        // Ranges that end their arrays and ranges that do not: a partial last vector is read
        // differently at the end of an array (see ReductionF32). And whole numbers of vectors, with
        // and without a single vector after the unrolled loop, as MNIST's 79,400 parameters are: a
        // branch the rounds always took was compiled as a trap, which the default fit sprang at its
        // start (dot, called by sumOfSquares on every batch, then spent 140 ms in C2 again).
        for (int len : new int[] {o.g.length, o.g.length - L, VECTORS * L, (VECTORS - 1) * L}) {
            Reductions.sumOfSquares(o.g, 0, len);
            Reductions.dot(o.g, o.w, len);
            Reductions.maxAbs(o.g, 0, len);
        }
        Reductions.columnSums(o.x, o.rows, o.cols, o.bias);
        Reductions.columnSums(o.columns, o.rows, o.cols, o.bias);
        // Sums into an array exactly as long as a row (a layer's bias gradient): the last partial
        // vector is stored through a scratch array, a branch the call above never takes.
        Reductions.columnSums(o.columns, o.rows, o.cols, o.columnOut);
        // The updates take whole arrays: every other round arrays of whole vectors (see above).
        boolean whole = (i & 1) == 1;
        float[] w = whole ? o.wholeW : o.w;
        float[] g = whole ? o.wholeG : o.g;
        float[] s1 = whole ? o.wholeS1 : o.s1;
        float[] s2 = whole ? o.wholeS2 : o.s2;
        Updates.sgd(w, g, 1e-3f);
        Updates.momentum(w, g, s1, 1e-3f, 0.9f, false);
        Updates.momentum(w, g, s1, 1e-3f, 0.9f, true);
        Updates.adam(w, g, s1, s2, 1e-3f, 0.9f, 0.999f, 1e-8f, 1);
        Updates.adamW(w, g, s1, s2, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, 1);
        Updates.adagrad(w, g, s2, 1e-3f, 1e-8f);
        Updates.rmsprop(w, g, s2, 1e-3f, 0.9f, 1e-8f);
    }

    /**
     * The tail columns of a transposed A read in place (TailColumnsF32) at each width: 13 rows
     * with room after them (every step loaded in place), the same ending its array (the last
     * steps through the padded copy), and 24 rows ending the array with B ending its array; the
     * slivers around them take their in-place and packed partial tiles. The tile-by-tile kernel of
     * a copied A (TailKernelF32) comes with wideN. Why each case matters: in session 15, without
     * the 13 rows ending their array, float 100x50x200 TN (a 784-100-50-10 network's weight
     * gradient) sprang a trap in the tail path of the time on its first call after the warm-up,
     * and in some runs its first 200 calls ran at 7 GFLOP/s instead of 90 while C2 compiled it
     * again.
     */
    private static void tails(Operands o) {
        for (int w = 1; w <= 4; w *= 2) {
            int n = 3 * L + w;
            Gemm.sgemm(true, false, o.m, n, o.k, 1f, o.a, 0, o.m, o.b, 0, n, 0.5f, o.c, 0, n);
            Gemm.sgemm(true, false, o.m, n, o.k, 1f, o.transposedEndPartial, 0, o.m, o.b, 0, n, 0.5f, o.c, 0, n);
            // B ending its array too: its last steps are packed element by element.
            Gemm.sgemm(true, false, o.wholeM, n, o.k, 1f, o.transposedEnd, 0, o.wholeM, o.b, o.b.length - o.k * n, n,
                    0.5f, o.c, 0, n);
        }
    }

    private static void gemm(boolean ta, boolean tb, int n, int depth, Operands o) {
        Gemm.sgemm(ta, tb, o.m, n, depth, 1f, o.a, 0, ta ? o.m : depth, o.b, 0, tb ? depth : n, 0.5f, o.c, 0, n);
    }

    /** Small operands, allocated once per warm-up; values stay in ranges where nothing overflows. */
    private static final class Operands {
        // m: one full sliver of 12 rows plus a partial one; k: a short but looping depth.
        final int m = 13;
        // Whole 12-row tiles only (MR is 12 in both precisions).
        final int wholeM = 24;
        // More than two blocks of 144 rows.
        final int tallM = 300;
        final int k = 3;
        // A full two-vector sliver and a last one of 3L + 1 columns: the 6-row, four-vector kernels
        // of a product that reads A in place (on the sparse path, two full slivers and one of L + 1).
        final int narrowN = 5 * L + 1;
        // A partial two-vector sliver alone (double's n = 10).
        final int partialN = L + 1;
        final int oneVectorN = L - 1;
        // A last sliver of 2L + 1 columns: the 6-row, three-vector kernels.
        final int mergedN = 2 * L + 1;
        // More column slivers than GemmTuning reads A in place for, so A is packed.
        final int wideN = 9 * 2 * L + 1;
        // The element-wise kernels: rows of one vector and a tail, enough of them that each call's
        // loops run several vectors (see VECTORS).
        final int rows = 8;
        final int cols = L + 1;
        final int shortCols = Math.max(1, L / 2 + 2);
        final int deepK = DriverF32.depthBlock() + 3;
        final float[] deepA = filled(m * deepK, 0.01f);
        final float[] deepB = filled(deepK * oneVectorN, 0.01f);
        // Deep enough for the sparse path, one nonzero per row (each 12-row tile's union is 12 of 67),
        // and not a whole number of vectors: without the union's tail loop in the profile, C2 compiled
        // it as a trap, and the first real sparse product sent it back to slow code.
        final int sparseK = 64 + 3;
        final float[] sparseA = oneNonzeroPerRow(wholeM, sparseK);
        final float[][] sparseRows = splitRows(sparseA, wholeM, sparseK);
        final float[] halfA = alternateZeros(wholeM, sparseK);
        final float[] sparseB = filled(sparseK * wideN, 0.25f);
        // The rows of sparseA last to first, and where Rows.gather copies them.
        final int[] reversed = reversed(wholeM);
        final float[] gathered = new float[wholeM * sparseK];
        // Room for the even depth k + 1 of every other round.
        final float[] a = filled(wholeM * (k + 1), 0.5f);
        // A transposed 24-row A that ends its array (the tail kernel packs such tiles first).
        final float[] transposedEnd = filled(k * wholeM, 0.5f);
        // A transposed A of m rows ending its array: its whole tile is packed alone before the tail
        // reads it, the partial one after it being packed with the block.
        final float[] transposedEndPartial = filled(k * m, 0.5f);
        final float[] tallA = filled(tallM * k, 0.5f);
        final float[] tallC = new float[tallM * oneVectorN];
        final float[][] rowsA = rows(m, k + 1, 0.5f);
        final float[] b = filled((k + 1) * wideN, 0.25f);
        final float[] c = new float[m * wideN];
        final float[] z = filled(wholeM * narrowN, 0.5f);
        final float[] x = filled(m * narrowN, 0.1f);
        final float[] columns = filled(rows * cols, 0.1f);
        final float[] columnOut = new float[cols];
        final float[] p = filled(m * narrowN, 0.3f);
        final float[] y = filled(m * narrowN, 1f);
        final float[] bias = filled(narrowN, 0.1f);
        final float[] weights = filled(rows, 1f);
        final float[] w = filled(VECTORS * L + 3, 0.5f);
        // Above GemmTuning.SMALL_FLOPS multiply-adds and over several row tiles; above twice
        // Updates.PARALLEL_MIN_ELEMENTS parameters.
        final int bigM = 96;
        final int bigN = 64;
        final int bigK = 1024;
        final float[] bigA = filled(bigM * bigK, 0.01f);
        final float[] bigB = filled(bigK * bigN, 0.01f);
        final float[] bigC = new float[bigM * bigN];
        final float[] bigBias = filled(bigN, 0.1f);
        final float[] bigW = filled(2 * Updates.PARALLEL_MIN_ELEMENTS + 3, 0.5f);
        final float[] bigG = filled(bigW.length, 0.01f);
        final float[] bigS1 = new float[bigW.length];
        final float[] bigS2 = new float[bigW.length];
        final float[] g = filled(w.length, 0.01f);
        final float[] s1 = new float[w.length];
        final float[] s2 = new float[w.length];
        final float[] wholeW = filled(VECTORS * L, 0.5f);
        final float[] wholeG = filled(wholeW.length, 0.01f);
        final float[] wholeS1 = new float[wholeW.length];
        final float[] wholeS2 = new float[wholeW.length];

        private static float[][] rows(int count, int length, float value) {
            float[][] out = new float[count][];
            for (int i = 0; i < count; i++) {
                out[i] = filled(length, value);
            }
            return out;
        }

        private static int[] reversed(int count) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = count - 1 - i;
            }
            return out;
        }

        private static float[] oneNonzeroPerRow(int count, int length) {
            float[] out = new float[count * length];
            for (int i = 0; i < count; i++) {
                out[i * length + i * 5 % length] = 0.5f;
            }
            // One in the last columns, past the whole vectors: the union's scalar tail finds it.
            out[count * length - 1] = 0.5f;
            return out;
        }

        /**
         * Row i nonzero where column + i is odd: each row at most half nonzero (so the first row
         * passes the sparse test's one-row check, as relu outputs do, and the test goes on to
         * sample unions), and every two neighbouring rows together nonzero everywhere (so it
         * declines there). With the first row one over half, the test stopped at the first check
         * and its decline after sampling stayed a trap for the first relu layer of a real fit.
         */
        private static float[] alternateZeros(int count, int length) {
            float[] out = new float[count * length];
            for (int i = 0; i < count; i++) {
                for (int j = 1 - (i & 1); j < length; j += 2) {
                    out[i * length + j] = 0.5f;
                }
            }
            return out;
        }

        private static float[][] splitRows(float[] flat, int count, int length) {
            float[][] out = new float[count][];
            for (int i = 0; i < count; i++) {
                out[i] = java.util.Arrays.copyOfRange(flat, i * length, (i + 1) * length);
            }
            return out;
        }

        private static float[] filled(int length, float value) {
            float[] out = new float[length];
            java.util.Arrays.fill(out, value);
            return out;
        }
    }
}
