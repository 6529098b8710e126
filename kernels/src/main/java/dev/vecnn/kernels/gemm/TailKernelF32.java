package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The last few columns of C (n mod L of them, at most L / 4) for a 12-row tile of a copied A,
 * packed in the "Columns" layout (A(i, p) at {@code a[at + p * stride + i]}, stride MR). A
 * transposed A read in place takes {@link TailColumnsF32} instead, over whole blocks of rows.
 *
 * <p>The sliver kernels spend a whole vector per row and step on such columns: n = 50 in float is
 * 48 + 2 columns, and the 2 cost as much as 16. Here each vector holds {@code L / w} rows by
 * {@code w} columns: per step, A's next rows are loaded as one vector (they are contiguous in this
 * layout), spread so that each row's value fills its {@code w} lanes, and multiplied with B's
 * {@code w} values repeated across the vector ({@link PackF32#packTail}). Twelve rows take one to
 * three vectors instead of twelve. Every element is still the chain of fused multiply-adds over p
 * in ascending order from zero, so the bits equal the sliver kernels'.
 *
 * <p>Output: each 12 x w tile with row stride L, as {@link TileStoreF32} expects (its rows must
 * not overlap); the vectors go to the end of {@code out} first and their values to their rows
 * after the loop.
 */
final class TailKernelF32 {
    static final VectorSpecies<Float> S = KernelF32.S;
    static final int L = KernelF32.L;
    /** The widest tail: L / 4 columns, so that 12 rows need at most three vectors. */
    static final int MAX_WIDTH = L / 4;
    // Where in out the kernels leave their vectors (three per tile) before the values move to rows L apart.
    private static final int PACKED = GemmTuning.MR * L;
    /** The length {@link #tiles} needs of {@code out} (of {@code out2}: {@code MR * L}). */
    static final int OUT_LENGTH = PACKED + 6 * L;
    // Lane l takes lane l / 2 (l / 4): each row's value fills 2 (4) lanes.
    private static final VectorShuffle<Float> SPREAD2 = VectorShuffle.fromOp(S, l -> l / 2);
    private static final VectorShuffle<Float> SPREAD4 = VectorShuffle.fromOp(S, l -> l / 4);
    // Lane l takes lane l mod 2 (l mod 4): B's tail values repeated over a vector (PackF32.packTail).
    static final VectorShuffle<Float> REPEAT2 = VectorShuffle.fromOp(S, l -> l % 2);
    static final VectorShuffle<Float> REPEAT4 = VectorShuffle.fromOp(S, l -> l % 4);

    private TailKernelF32() {
    }

    /**
     * The padded tail width for {@code cols} columns: the power of two at or above
     * {@code cols mod L}, or 0 when there is no remainder or it is wider than {@link #MAX_WIDTH}.
     */
    static int width(int cols) {
        int r = cols % L;
        if (r == 0) {
            return 0;
        }
        int w = Integer.highestOneBit(r);
        w = w == r ? w : w * 2;
        return w <= MAX_WIDTH ? w : 0;
    }

    /**
     * The tails of two 12-row tiles whose A starts at {@code at1} and {@code at2} (the same offset
     * twice for a single tile): {@code out[i * L + j] = sum_p A_1(i, p) * bt[p * L + j]} for the
     * {@code w} columns, and the second tile's in {@code out2} the same way. {@code bt} holds per step the w values repeated over
     * the vector. Two tiles at once because each element is one chain of dependent multiply-adds:
     * one tile's one to three chains per step left the loop waiting on the FMA latency (the tail of
     * float 100x50x200 TN took a quarter of the time of its 48 other columns). The packed A has
     * room for the last step's whole-vector loads.
     */
    static void tiles(int kc, int w, float[] a, int at1, int at2, int stride, float[] bt, float[] out,
                      float[] out2) {
        int rowsPerVector = L / w;
        if (rowsPerVector >= GemmTuning.MR) {
            oneVector(kc, a, at1, at2, stride, bt, out);
        } else if (2 * rowsPerVector >= GemmTuning.MR) {
            if (w == 1) {
                twoVectors(kc, a, at1, at2, stride, bt, out);
            } else {
                twoVectorsSpread2(kc, a, at1, at2, stride, bt, out);
            }
        } else if (w == 2) {
            threeVectorsSpread2(kc, a, at1, at2, stride, bt, out);
        } else {
            threeVectorsSpread4(kc, a, at1, at2, stride, bt, out);
        }
        for (int i = 0; i < GemmTuning.MR; i++) {
            for (int j = 0; j < w; j++) {
                out[i * L + j] = out[PACKED + i * w + j];
                out2[i * L + j] = out[PACKED + 3 * L + i * w + j];
            }
        }
    }

    // One method per vector count and spread, their loop bodies written out with the shuffle as a
    // constant (a shuffle passed in as a value measured 0.64x). Rows per vector: L / w. Generated
    // by kernels/tools/gen_microkernels.py from TailKernelF32.java.tmpl.

    private static void oneVector(int kc, float[] a, int at1, int at2, int stride, float[] bt, float[] out) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero, c10 = zero;
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(S, bt, p * L);
            int q1 = at1 + p * stride;
            int q2 = at2 + p * stride;
            c00 = FloatVector.fromArray(S, a, q1).fma(b, c00);
            c10 = FloatVector.fromArray(S, a, q2).fma(b, c10);
        }
        c00.intoArray(out, PACKED);
        c10.intoArray(out, PACKED + 3 * L);
    }

    private static void twoVectors(int kc, float[] a, int at1, int at2, int stride, float[] bt, float[] out) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero, c01 = zero, c10 = zero, c11 = zero;
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(S, bt, p * L);
            int q1 = at1 + p * stride;
            int q2 = at2 + p * stride;
            c00 = FloatVector.fromArray(S, a, q1).fma(b, c00);
            c01 = FloatVector.fromArray(S, a, q1 + L).fma(b, c01);
            c10 = FloatVector.fromArray(S, a, q2).fma(b, c10);
            c11 = FloatVector.fromArray(S, a, q2 + L).fma(b, c11);
        }
        c00.intoArray(out, PACKED);
        c01.intoArray(out, PACKED + 1 * L);
        c10.intoArray(out, PACKED + 3 * L);
        c11.intoArray(out, PACKED + 4 * L);
    }

    private static void twoVectorsSpread2(int kc, float[] a, int at1, int at2, int stride, float[] bt, float[] out) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero, c01 = zero, c10 = zero, c11 = zero;
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(S, bt, p * L);
            int q1 = at1 + p * stride;
            int q2 = at2 + p * stride;
            c00 = FloatVector.fromArray(S, a, q1).rearrange(SPREAD2).fma(b, c00);
            c01 = FloatVector.fromArray(S, a, q1 + L / 2).rearrange(SPREAD2).fma(b, c01);
            c10 = FloatVector.fromArray(S, a, q2).rearrange(SPREAD2).fma(b, c10);
            c11 = FloatVector.fromArray(S, a, q2 + L / 2).rearrange(SPREAD2).fma(b, c11);
        }
        c00.intoArray(out, PACKED);
        c01.intoArray(out, PACKED + 1 * L);
        c10.intoArray(out, PACKED + 3 * L);
        c11.intoArray(out, PACKED + 4 * L);
    }

    private static void threeVectorsSpread2(int kc, float[] a, int at1, int at2, int stride, float[] bt, float[] out) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c10 = zero, c11 = zero, c12 = zero;
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(S, bt, p * L);
            int q1 = at1 + p * stride;
            int q2 = at2 + p * stride;
            c00 = FloatVector.fromArray(S, a, q1).rearrange(SPREAD2).fma(b, c00);
            c01 = FloatVector.fromArray(S, a, q1 + L / 2).rearrange(SPREAD2).fma(b, c01);
            c02 = FloatVector.fromArray(S, a, q1 + L).rearrange(SPREAD2).fma(b, c02);
            c10 = FloatVector.fromArray(S, a, q2).rearrange(SPREAD2).fma(b, c10);
            c11 = FloatVector.fromArray(S, a, q2 + L / 2).rearrange(SPREAD2).fma(b, c11);
            c12 = FloatVector.fromArray(S, a, q2 + L).rearrange(SPREAD2).fma(b, c12);
        }
        c00.intoArray(out, PACKED);
        c01.intoArray(out, PACKED + 1 * L);
        c02.intoArray(out, PACKED + 2 * L);
        c10.intoArray(out, PACKED + 3 * L);
        c11.intoArray(out, PACKED + 4 * L);
        c12.intoArray(out, PACKED + 5 * L);
    }

    private static void threeVectorsSpread4(int kc, float[] a, int at1, int at2, int stride, float[] bt, float[] out) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c10 = zero, c11 = zero, c12 = zero;
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(S, bt, p * L);
            int q1 = at1 + p * stride;
            int q2 = at2 + p * stride;
            c00 = FloatVector.fromArray(S, a, q1).rearrange(SPREAD4).fma(b, c00);
            c01 = FloatVector.fromArray(S, a, q1 + L / 4).rearrange(SPREAD4).fma(b, c01);
            c02 = FloatVector.fromArray(S, a, q1 + L / 2).rearrange(SPREAD4).fma(b, c02);
            c10 = FloatVector.fromArray(S, a, q2).rearrange(SPREAD4).fma(b, c10);
            c11 = FloatVector.fromArray(S, a, q2 + L / 4).rearrange(SPREAD4).fma(b, c11);
            c12 = FloatVector.fromArray(S, a, q2 + L / 2).rearrange(SPREAD4).fma(b, c12);
        }
        c00.intoArray(out, PACKED);
        c01.intoArray(out, PACKED + 1 * L);
        c02.intoArray(out, PACKED + 2 * L);
        c10.intoArray(out, PACKED + 3 * L);
        c11.intoArray(out, PACKED + 4 * L);
        c12.intoArray(out, PACKED + 5 * L);
    }
}
