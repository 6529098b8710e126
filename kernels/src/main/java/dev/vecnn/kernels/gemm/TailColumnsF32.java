package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The last few columns of C (n mod L of them) over a whole block of rows, for a product whose
 * transposed A is read in place (A(i, p) at {@code a[at + p * stride + i]}: C's rows are
 * contiguous in A). Each vector holds L consecutive rows of one column: per step, the block's
 * rows are loaded as whole vectors and multiplied by B's value of that column, broadcast. Four
 * vectors (64 float rows) and up to four columns per call keep eight or sixteen independent
 * chains of multiply-adds going, with no shuffle and no packed copy of B's tail.
 *
 * <p>Every element is the chain of fused multiply-adds over p in ascending order from zero, so
 * the bits equal the sliver kernels' (and {@link TailKernelF32}'s).
 */
final class TailColumnsF32 {
    static final VectorSpecies<Float> S = KernelF32.S;
    static final int L = KernelF32.L;
    /** Rows per group: four vectors. */
    static final int GROUP = 4 * L;
    /** Steps copied at a time where whole-vector loads would leave A (see {@link #columns}). */
    static final int COPIED_STEPS = 8;
    /** Length {@link #columns} needs of its {@code scratch}: the accumulators, then the copied steps. */
    static final int SCRATCH_LENGTH = 4 * GROUP + COPIED_STEPS * GROUP;

    private TailColumnsF32() {
    }

    /**
     * {@code out[i * L + j] = sum_p A(i, p) B(p, j)} for rows i in [0, rows) and columns j in
     * [0, cols), where A(i, p) is {@code a[at + p * stride + i]} and B(p, j) is
     * {@code b[bAt + p * bStep + j * bNext]}. {@code out} holds {@code rows * L} values.
     * The loads cover whole vectors of rows: lanes past {@code rows} compute values nobody reads.
     * The steps whose loads would run past the end of {@code a} go through {@code scratch}, as
     * copies of their rows padded with zeros.
     */
    static void columns(int rows, int cols, int kc, float[] a, int at, int stride, float[] b, int bAt, int bStep,
                        int bNext, float[] out, float[] scratch) {
        for (int r0 = 0; r0 < rows; r0 += GROUP) {
            int n = Math.min(GROUP, rows - r0);
            int first = at + r0;
            // Steps [0, direct) load four whole vectors inside a.
            long room = (long) a.length - GROUP - first;
            int direct = room < 0 ? 0 : (int) Math.min(kc, room / stride + 1);
            for (int j = 0; j < cols; ) {
                int width = cols - j >= 4 ? 4 : Math.min(2, cols - j);
                java.util.Arrays.fill(scratch, 0, width * GROUP, 0f);
                int bj = bAt + j * bNext;
                run(width, direct, a, first, stride, b, bj, bStep, bNext, scratch);
                for (int p = direct; p < kc; p += COPIED_STEPS) {
                    int steps = Math.min(COPIED_STEPS, kc - p);
                    for (int s = 0; s < steps; s++) {
                        int to = 4 * GROUP + s * GROUP;
                        System.arraycopy(a, first + (p + s) * stride, scratch, to, n);
                        java.util.Arrays.fill(scratch, to + n, to + GROUP, 0f);
                    }
                    run(width, steps, scratch, 4 * GROUP, GROUP, b, bj + p * bStep, bStep, bNext, scratch);
                }
                for (int c = 0; c < width; c++) {
                    for (int i = 0; i < n; i++) {
                        out[(r0 + i) * L + j + c] = scratch[c * GROUP + i];
                    }
                }
                j += width;
            }
        }
    }

    private static void run(int width, int steps, float[] a, int at, int stride, float[] b, int bAt, int bStep,
                            int bNext, float[] acc) {
        if (width == 4) {
            quad(steps, a, at, stride, b, bAt, bStep, bNext, acc);
        } else if (width == 2) {
            pair(steps, a, at, stride, b, bAt, bStep, bNext, acc);
        } else {
            single(steps, a, at, stride, b, bAt, bStep, acc);
        }
    }

    /** Two columns of 4L rows: the accumulators in {@code acc} (column c's at c * GROUP) are read and written back. */
    private static void pair(int steps, float[] a, int at, int stride, float[] b, int bAt, int bStep, int bNext,
                             float[] acc) {
        FloatVector c00 = FloatVector.fromArray(S, acc, 0);
        FloatVector c10 = FloatVector.fromArray(S, acc, L);
        FloatVector c20 = FloatVector.fromArray(S, acc, 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, acc, 3 * L);
        FloatVector c01 = FloatVector.fromArray(S, acc, GROUP);
        FloatVector c11 = FloatVector.fromArray(S, acc, GROUP + L);
        FloatVector c21 = FloatVector.fromArray(S, acc, GROUP + 2 * L);
        FloatVector c31 = FloatVector.fromArray(S, acc, GROUP + 3 * L);
        for (int p = 0; p < steps; p++) {
            int q = at + p * stride;
            int bq = bAt + p * bStep;
            FloatVector b0 = FloatVector.broadcast(S, b[bq]);
            FloatVector b1 = FloatVector.broadcast(S, b[bq + bNext]);
            FloatVector a0 = FloatVector.fromArray(S, a, q);
            FloatVector a1 = FloatVector.fromArray(S, a, q + L);
            FloatVector a2 = FloatVector.fromArray(S, a, q + 2 * L);
            FloatVector a3 = FloatVector.fromArray(S, a, q + 3 * L);
            c00 = a0.fma(b0, c00);
            c10 = a1.fma(b0, c10);
            c20 = a2.fma(b0, c20);
            c30 = a3.fma(b0, c30);
            c01 = a0.fma(b1, c01);
            c11 = a1.fma(b1, c11);
            c21 = a2.fma(b1, c21);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(acc, 0);
        c10.intoArray(acc, L);
        c20.intoArray(acc, 2 * L);
        c30.intoArray(acc, 3 * L);
        c01.intoArray(acc, GROUP);
        c11.intoArray(acc, GROUP + L);
        c21.intoArray(acc, GROUP + 2 * L);
        c31.intoArray(acc, GROUP + 3 * L);
    }

    /**
     * Four columns of 4L rows, as {@link #pair}: each vector of A loaded once for four
     * multiply-adds. A's rows come from L2 at every step (a weight gradient's A is the whole
     * batch), so a pair per call loaded them twice for four columns.
     */
    private static void quad(int steps, float[] a, int at, int stride, float[] b, int bAt, int bStep, int bNext,
                             float[] acc) {
        FloatVector c00 = FloatVector.fromArray(S, acc, 0);
        FloatVector c10 = FloatVector.fromArray(S, acc, L);
        FloatVector c20 = FloatVector.fromArray(S, acc, 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, acc, 3 * L);
        FloatVector c01 = FloatVector.fromArray(S, acc, GROUP);
        FloatVector c11 = FloatVector.fromArray(S, acc, GROUP + L);
        FloatVector c21 = FloatVector.fromArray(S, acc, GROUP + 2 * L);
        FloatVector c31 = FloatVector.fromArray(S, acc, GROUP + 3 * L);
        FloatVector c02 = FloatVector.fromArray(S, acc, 2 * GROUP);
        FloatVector c12 = FloatVector.fromArray(S, acc, 2 * GROUP + L);
        FloatVector c22 = FloatVector.fromArray(S, acc, 2 * GROUP + 2 * L);
        FloatVector c32 = FloatVector.fromArray(S, acc, 2 * GROUP + 3 * L);
        FloatVector c03 = FloatVector.fromArray(S, acc, 3 * GROUP);
        FloatVector c13 = FloatVector.fromArray(S, acc, 3 * GROUP + L);
        FloatVector c23 = FloatVector.fromArray(S, acc, 3 * GROUP + 2 * L);
        FloatVector c33 = FloatVector.fromArray(S, acc, 3 * GROUP + 3 * L);
        for (int p = 0; p < steps; p++) {
            int q = at + p * stride;
            int bq = bAt + p * bStep;
            FloatVector a0 = FloatVector.fromArray(S, a, q);
            FloatVector a1 = FloatVector.fromArray(S, a, q + L);
            FloatVector a2 = FloatVector.fromArray(S, a, q + 2 * L);
            FloatVector a3 = FloatVector.fromArray(S, a, q + 3 * L);
            FloatVector bv = FloatVector.broadcast(S, b[bq]);
            c00 = a0.fma(bv, c00);
            c10 = a1.fma(bv, c10);
            c20 = a2.fma(bv, c20);
            c30 = a3.fma(bv, c30);
            bv = FloatVector.broadcast(S, b[bq + bNext]);
            c01 = a0.fma(bv, c01);
            c11 = a1.fma(bv, c11);
            c21 = a2.fma(bv, c21);
            c31 = a3.fma(bv, c31);
            bv = FloatVector.broadcast(S, b[bq + 2 * bNext]);
            c02 = a0.fma(bv, c02);
            c12 = a1.fma(bv, c12);
            c22 = a2.fma(bv, c22);
            c32 = a3.fma(bv, c32);
            bv = FloatVector.broadcast(S, b[bq + 3 * bNext]);
            c03 = a0.fma(bv, c03);
            c13 = a1.fma(bv, c13);
            c23 = a2.fma(bv, c23);
            c33 = a3.fma(bv, c33);
        }
        c00.intoArray(acc, 0);
        c10.intoArray(acc, L);
        c20.intoArray(acc, 2 * L);
        c30.intoArray(acc, 3 * L);
        c01.intoArray(acc, GROUP);
        c11.intoArray(acc, GROUP + L);
        c21.intoArray(acc, GROUP + 2 * L);
        c31.intoArray(acc, GROUP + 3 * L);
        c02.intoArray(acc, 2 * GROUP);
        c12.intoArray(acc, 2 * GROUP + L);
        c22.intoArray(acc, 2 * GROUP + 2 * L);
        c32.intoArray(acc, 2 * GROUP + 3 * L);
        c03.intoArray(acc, 3 * GROUP);
        c13.intoArray(acc, 3 * GROUP + L);
        c23.intoArray(acc, 3 * GROUP + 2 * L);
        c33.intoArray(acc, 3 * GROUP + 3 * L);
    }

    /** One column of 4L rows, as {@link #pair}. */
    private static void single(int steps, float[] a, int at, int stride, float[] b, int bAt, int bStep,
                               float[] acc) {
        FloatVector c0 = FloatVector.fromArray(S, acc, 0);
        FloatVector c1 = FloatVector.fromArray(S, acc, L);
        FloatVector c2 = FloatVector.fromArray(S, acc, 2 * L);
        FloatVector c3 = FloatVector.fromArray(S, acc, 3 * L);
        for (int p = 0; p < steps; p++) {
            int q = at + p * stride;
            FloatVector bp = FloatVector.broadcast(S, b[bAt + p * bStep]);
            c0 = FloatVector.fromArray(S, a, q).fma(bp, c0);
            c1 = FloatVector.fromArray(S, a, q + L).fma(bp, c1);
            c2 = FloatVector.fromArray(S, a, q + 2 * L).fma(bp, c2);
            c3 = FloatVector.fromArray(S, a, q + 3 * L).fma(bp, c3);
        }
        c0.intoArray(acc, 0);
        c1.intoArray(acc, L);
        c2.intoArray(acc, 2 * L);
        c3.intoArray(acc, 3 * L);
    }
}
