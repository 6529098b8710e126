package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernel "12x2v": a tile of 12 rows by 2 vectors of C accumulated in
 * 24 vector registers over a depth of {@code kc}.
 *
 * <p>Assumptions (established by {@link PackF32}): the A sliver is packed as {@code kc} groups of
 * {@link GemmTuning#MR} consecutive values (row {@code i} of step {@code p} at
 * {@code aOff + p * MR + i}), zero-padded past the last valid row; the B sliver holds, for each
 * step {@code p}, two full vectors of consecutive columns starting at {@code bOff + p * bStride}
 * (packed: {@code bStride = NR}, zero-padded past the last valid column; direct: the caller's row
 * stride, with all NR columns valid). Only {@code mr x nr} of the tile are stored: C is never read
 * or written outside the matrix.
 */
final class KernelF32 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = GemmTuning.MR;
    static final int NR = GemmTuning.NR_VECTORS * L;

    private KernelF32() {
    }

    /** {@code C[0:mr, 0:nr] = alpha * (A * B) + beta * C} over depth kc; beta 0 does not read C. */
    static void tile(int kc, float[] a, int aOff, float[] b, int bOff, int bStride,
                     float[] c, int cOff, int ldc, int mr, int nr, float alpha, float beta) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero, c01 = zero;
        FloatVector c10 = zero, c11 = zero;
        FloatVector c20 = zero, c21 = zero;
        FloatVector c30 = zero, c31 = zero;
        FloatVector c40 = zero, c41 = zero;
        FloatVector c50 = zero, c51 = zero;
        FloatVector c60 = zero, c61 = zero;
        FloatVector c70 = zero, c71 = zero;
        FloatVector c80 = zero, c81 = zero;
        FloatVector c90 = zero, c91 = zero;
        FloatVector c100 = zero, c101 = zero;
        FloatVector c110 = zero, c111 = zero;
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector av;
            av = FloatVector.broadcast(S, a[ai + 0]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[ai + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[ai + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[ai + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[ai + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[ai + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(S, a[ai + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(S, a[ai + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
            av = FloatVector.broadcast(S, a[ai + 8]);
            c80 = av.fma(b0, c80);
            c81 = av.fma(b1, c81);
            av = FloatVector.broadcast(S, a[ai + 9]);
            c90 = av.fma(b0, c90);
            c91 = av.fma(b1, c91);
            av = FloatVector.broadcast(S, a[ai + 10]);
            c100 = av.fma(b0, c100);
            c101 = av.fma(b1, c101);
            av = FloatVector.broadcast(S, a[ai + 11]);
            c110 = av.fma(b0, c110);
            c111 = av.fma(b1, c111);
            ai += MR;
            bi += bStride;
        }
        storeRow(c00, c01, c, cOff + 0 * ldc, alpha, beta, nr);
        if (mr > 1) storeRow(c10, c11, c, cOff + 1 * ldc, alpha, beta, nr);
        if (mr > 2) storeRow(c20, c21, c, cOff + 2 * ldc, alpha, beta, nr);
        if (mr > 3) storeRow(c30, c31, c, cOff + 3 * ldc, alpha, beta, nr);
        if (mr > 4) storeRow(c40, c41, c, cOff + 4 * ldc, alpha, beta, nr);
        if (mr > 5) storeRow(c50, c51, c, cOff + 5 * ldc, alpha, beta, nr);
        if (mr > 6) storeRow(c60, c61, c, cOff + 6 * ldc, alpha, beta, nr);
        if (mr > 7) storeRow(c70, c71, c, cOff + 7 * ldc, alpha, beta, nr);
        if (mr > 8) storeRow(c80, c81, c, cOff + 8 * ldc, alpha, beta, nr);
        if (mr > 9) storeRow(c90, c91, c, cOff + 9 * ldc, alpha, beta, nr);
        if (mr > 10) storeRow(c100, c101, c, cOff + 10 * ldc, alpha, beta, nr);
        if (mr > 11) storeRow(c110, c111, c, cOff + 11 * ldc, alpha, beta, nr);
    }

    /** Stores one row of the tile: {@code alpha * acc + beta * C} on the first {@code nr} columns. */
    private static void storeRow(FloatVector v0, FloatVector v1, float[] c, int off,
                                 float alpha, float beta, int nr) {
        if (nr == NR) {
            storeVector(v0, c, off, alpha, beta);
            storeVector(v1, c, off + L, alpha, beta);
        } else {
            storeMasked(v0, c, off, alpha, beta, S.indexInRange(0, nr));
            storeMasked(v1, c, off + L, alpha, beta, S.indexInRange(L, nr));
        }
    }

    private static void storeVector(FloatVector v, float[] c, int off, float alpha, float beta) {
        if (beta == 0) {
            v.mul(alpha).intoArray(c, off);
        } else {
            v.fma(FloatVector.broadcast(S, alpha), FloatVector.fromArray(S, c, off).mul(beta)).intoArray(c, off);
        }
    }

    private static void storeMasked(FloatVector v, float[] c, int off, float alpha, float beta,
                                    VectorMask<Float> m) {
        if (!m.anyTrue()) {
            return;
        }
        if (beta == 0) {
            v.mul(alpha).intoArray(c, off, m);
        } else {
            v.fma(FloatVector.broadcast(S, alpha), FloatVector.fromArray(S, c, off, m).mul(beta)).intoArray(c, off, m);
        }
    }
}
