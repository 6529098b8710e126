package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernel "12x2v": a tile of 12 rows by 2 vectors of C accumulated in
 * vector registers over a depth of {@code kc}.
 *
 * <p>Assumptions (established by {@link PackF32}): the A sliver is packed as {@code kc} groups of
 * {@link GemmTuning#MR} consecutive values (row {@code i} of step {@code p} at
 * {@code aOff + p * MR + i}), zero-padded past the last valid row; the B sliver holds, for each
 * step {@code p}, two full vectors of consecutive columns starting at {@code bOff + p * bStride}
 * (packed: {@code bStride = NR}, zero-padded past the last valid column; direct: the caller's row
 * stride, with all NR columns valid).
 *
 * <p>The accumulation loop is unrolled by hand (generated once, kept as source) and passes no
 * vector to another method: C2 keeps vectors in registers only when everything is inlined. The
 * finished tile is spilled to a small scratch array and written to C by {@link TileStoreF32},
 * which keeps this method small enough for the JIT to compile it early.
 */
final class KernelF32 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = GemmTuning.MR;
    static final int NR = GemmTuning.NR_VECTORS * L;

    private KernelF32() {
    }

    /** {@code acc[MR x NR] = A * B} over depth kc (row-major, row stride NR). */
    static void tile(int kc, float[] a, int aOff, float[] b, int bOff, int bStride, float[] acc) {
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
        c00.intoArray(acc, 0 * L);
        c01.intoArray(acc, 1 * L);
        c10.intoArray(acc, 2 * L);
        c11.intoArray(acc, 3 * L);
        c20.intoArray(acc, 4 * L);
        c21.intoArray(acc, 5 * L);
        c30.intoArray(acc, 6 * L);
        c31.intoArray(acc, 7 * L);
        c40.intoArray(acc, 8 * L);
        c41.intoArray(acc, 9 * L);
        c50.intoArray(acc, 10 * L);
        c51.intoArray(acc, 11 * L);
        c60.intoArray(acc, 12 * L);
        c61.intoArray(acc, 13 * L);
        c70.intoArray(acc, 14 * L);
        c71.intoArray(acc, 15 * L);
        c80.intoArray(acc, 16 * L);
        c81.intoArray(acc, 17 * L);
        c90.intoArray(acc, 18 * L);
        c91.intoArray(acc, 19 * L);
        c100.intoArray(acc, 20 * L);
        c101.intoArray(acc, 21 * L);
        c110.intoArray(acc, 22 * L);
        c111.intoArray(acc, 23 * L);
    }
}
