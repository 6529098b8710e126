package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels: a tile of MR = 12 rows by 2 vectors ("12x2v") or, for a
 * last sliver of at most one vector of columns, by 1 vector ("12x1v") of C, accumulated in vector
 * registers over a depth of {@code kc}. The "Columns" and "Rows" variants differ only in where A's
 * values come from.
 *
 * <p>Assumptions: the B sliver holds, for each step {@code p}, full vectors of consecutive
 * columns starting at {@code bOff + p * bStride} (packed by {@link PackF32}: {@code bStride = NR},
 * zero-padded past the last valid column). A holds {@link GemmTuning#MR} valid rows (the driver
 * packs a partial last sliver, zero-padded). The tile is returned in {@code acc}, row-major with
 * row stride NR, and written to C by {@link TileStoreF32}.
 *
 * <p>The loops are unrolled by hand (generated once, kept as source) and pass no vector to another
 * method: C2 keeps vectors in registers only when everything is inlined. Spilling the finished
 * tile keeps these methods small enough for the JIT to compile them early.
 */
final class KernelF32 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = GemmTuning.MR;
    static final int NR = GemmTuning.NR_VECTORS * L;

    private KernelF32() {
    }

    /** 12 x 2 vectors; A(i, p) at {@code a[aOff + p * aStride + i]} (packed: aStride = MR; transposed A in place: lda). */
    static void tileColumns(int kc, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                            float[] acc) {
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
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
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
            ai += aStride;
            bi += bStride;
        }
        c00.intoArray(acc, 0 * NR + 0 * L);
        c01.intoArray(acc, 0 * NR + 1 * L);
        c10.intoArray(acc, 1 * NR + 0 * L);
        c11.intoArray(acc, 1 * NR + 1 * L);
        c20.intoArray(acc, 2 * NR + 0 * L);
        c21.intoArray(acc, 2 * NR + 1 * L);
        c30.intoArray(acc, 3 * NR + 0 * L);
        c31.intoArray(acc, 3 * NR + 1 * L);
        c40.intoArray(acc, 4 * NR + 0 * L);
        c41.intoArray(acc, 4 * NR + 1 * L);
        c50.intoArray(acc, 5 * NR + 0 * L);
        c51.intoArray(acc, 5 * NR + 1 * L);
        c60.intoArray(acc, 6 * NR + 0 * L);
        c61.intoArray(acc, 6 * NR + 1 * L);
        c70.intoArray(acc, 7 * NR + 0 * L);
        c71.intoArray(acc, 7 * NR + 1 * L);
        c80.intoArray(acc, 8 * NR + 0 * L);
        c81.intoArray(acc, 8 * NR + 1 * L);
        c90.intoArray(acc, 9 * NR + 0 * L);
        c91.intoArray(acc, 9 * NR + 1 * L);
        c100.intoArray(acc, 10 * NR + 0 * L);
        c101.intoArray(acc, 10 * NR + 1 * L);
        c110.intoArray(acc, 11 * NR + 0 * L);
        c111.intoArray(acc, 11 * NR + 1 * L);
    }

    /** 12 x 2 vectors; A(i, p) at {@code a[aOff + i * lda + p]}: row-major A read in place. */
    static void tileRows(int kc, float[] a, int aOff, int lda, float[] b, int bOff, int bStride,
                         float[] acc) {
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
        final int r0 = aOff + 0 * lda;
        final int r1 = aOff + 1 * lda;
        final int r2 = aOff + 2 * lda;
        final int r3 = aOff + 3 * lda;
        final int r4 = aOff + 4 * lda;
        final int r5 = aOff + 5 * lda;
        final int r6 = aOff + 6 * lda;
        final int r7 = aOff + 7 * lda;
        final int r8 = aOff + 8 * lda;
        final int r9 = aOff + 9 * lda;
        final int r10 = aOff + 10 * lda;
        final int r11 = aOff + 11 * lda;
        int bi = bOff;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector av;
            av = FloatVector.broadcast(S, a[r0 + p]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[r1 + p]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[r2 + p]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[r3 + p]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[r4 + p]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[r5 + p]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(S, a[r6 + p]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(S, a[r7 + p]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
            av = FloatVector.broadcast(S, a[r8 + p]);
            c80 = av.fma(b0, c80);
            c81 = av.fma(b1, c81);
            av = FloatVector.broadcast(S, a[r9 + p]);
            c90 = av.fma(b0, c90);
            c91 = av.fma(b1, c91);
            av = FloatVector.broadcast(S, a[r10 + p]);
            c100 = av.fma(b0, c100);
            c101 = av.fma(b1, c101);
            av = FloatVector.broadcast(S, a[r11 + p]);
            c110 = av.fma(b0, c110);
            c111 = av.fma(b1, c111);
            bi += bStride;
        }
        c00.intoArray(acc, 0 * NR + 0 * L);
        c01.intoArray(acc, 0 * NR + 1 * L);
        c10.intoArray(acc, 1 * NR + 0 * L);
        c11.intoArray(acc, 1 * NR + 1 * L);
        c20.intoArray(acc, 2 * NR + 0 * L);
        c21.intoArray(acc, 2 * NR + 1 * L);
        c30.intoArray(acc, 3 * NR + 0 * L);
        c31.intoArray(acc, 3 * NR + 1 * L);
        c40.intoArray(acc, 4 * NR + 0 * L);
        c41.intoArray(acc, 4 * NR + 1 * L);
        c50.intoArray(acc, 5 * NR + 0 * L);
        c51.intoArray(acc, 5 * NR + 1 * L);
        c60.intoArray(acc, 6 * NR + 0 * L);
        c61.intoArray(acc, 6 * NR + 1 * L);
        c70.intoArray(acc, 7 * NR + 0 * L);
        c71.intoArray(acc, 7 * NR + 1 * L);
        c80.intoArray(acc, 8 * NR + 0 * L);
        c81.intoArray(acc, 8 * NR + 1 * L);
        c90.intoArray(acc, 9 * NR + 0 * L);
        c91.intoArray(acc, 9 * NR + 1 * L);
        c100.intoArray(acc, 10 * NR + 0 * L);
        c101.intoArray(acc, 10 * NR + 1 * L);
        c110.intoArray(acc, 11 * NR + 0 * L);
        c111.intoArray(acc, 11 * NR + 1 * L);
    }

    /** 12 x 1 vector, for a last column sliver of at most L columns; A as in {@link #tileColumns}. */
    static void tileColumns1v(int kc, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                              float[] acc) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero;
        FloatVector c10 = zero;
        FloatVector c20 = zero;
        FloatVector c30 = zero;
        FloatVector c40 = zero;
        FloatVector c50 = zero;
        FloatVector c60 = zero;
        FloatVector c70 = zero;
        FloatVector c80 = zero;
        FloatVector c90 = zero;
        FloatVector c100 = zero;
        FloatVector c110 = zero;
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector av;
            av = FloatVector.broadcast(S, a[ai + 0]);
            c00 = av.fma(b0, c00);
            av = FloatVector.broadcast(S, a[ai + 1]);
            c10 = av.fma(b0, c10);
            av = FloatVector.broadcast(S, a[ai + 2]);
            c20 = av.fma(b0, c20);
            av = FloatVector.broadcast(S, a[ai + 3]);
            c30 = av.fma(b0, c30);
            av = FloatVector.broadcast(S, a[ai + 4]);
            c40 = av.fma(b0, c40);
            av = FloatVector.broadcast(S, a[ai + 5]);
            c50 = av.fma(b0, c50);
            av = FloatVector.broadcast(S, a[ai + 6]);
            c60 = av.fma(b0, c60);
            av = FloatVector.broadcast(S, a[ai + 7]);
            c70 = av.fma(b0, c70);
            av = FloatVector.broadcast(S, a[ai + 8]);
            c80 = av.fma(b0, c80);
            av = FloatVector.broadcast(S, a[ai + 9]);
            c90 = av.fma(b0, c90);
            av = FloatVector.broadcast(S, a[ai + 10]);
            c100 = av.fma(b0, c100);
            av = FloatVector.broadcast(S, a[ai + 11]);
            c110 = av.fma(b0, c110);
            ai += aStride;
            bi += bStride;
        }
        c00.intoArray(acc, 0 * NR + 0 * L);
        c10.intoArray(acc, 1 * NR + 0 * L);
        c20.intoArray(acc, 2 * NR + 0 * L);
        c30.intoArray(acc, 3 * NR + 0 * L);
        c40.intoArray(acc, 4 * NR + 0 * L);
        c50.intoArray(acc, 5 * NR + 0 * L);
        c60.intoArray(acc, 6 * NR + 0 * L);
        c70.intoArray(acc, 7 * NR + 0 * L);
        c80.intoArray(acc, 8 * NR + 0 * L);
        c90.intoArray(acc, 9 * NR + 0 * L);
        c100.intoArray(acc, 10 * NR + 0 * L);
        c110.intoArray(acc, 11 * NR + 0 * L);
    }

    /** 12 x 1 vector, for a last column sliver of at most L columns; A as in {@link #tileRows}. */
    static void tileRows1v(int kc, float[] a, int aOff, int lda, float[] b, int bOff, int bStride,
                           float[] acc) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero;
        FloatVector c10 = zero;
        FloatVector c20 = zero;
        FloatVector c30 = zero;
        FloatVector c40 = zero;
        FloatVector c50 = zero;
        FloatVector c60 = zero;
        FloatVector c70 = zero;
        FloatVector c80 = zero;
        FloatVector c90 = zero;
        FloatVector c100 = zero;
        FloatVector c110 = zero;
        final int r0 = aOff + 0 * lda;
        final int r1 = aOff + 1 * lda;
        final int r2 = aOff + 2 * lda;
        final int r3 = aOff + 3 * lda;
        final int r4 = aOff + 4 * lda;
        final int r5 = aOff + 5 * lda;
        final int r6 = aOff + 6 * lda;
        final int r7 = aOff + 7 * lda;
        final int r8 = aOff + 8 * lda;
        final int r9 = aOff + 9 * lda;
        final int r10 = aOff + 10 * lda;
        final int r11 = aOff + 11 * lda;
        int bi = bOff;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector av;
            av = FloatVector.broadcast(S, a[r0 + p]);
            c00 = av.fma(b0, c00);
            av = FloatVector.broadcast(S, a[r1 + p]);
            c10 = av.fma(b0, c10);
            av = FloatVector.broadcast(S, a[r2 + p]);
            c20 = av.fma(b0, c20);
            av = FloatVector.broadcast(S, a[r3 + p]);
            c30 = av.fma(b0, c30);
            av = FloatVector.broadcast(S, a[r4 + p]);
            c40 = av.fma(b0, c40);
            av = FloatVector.broadcast(S, a[r5 + p]);
            c50 = av.fma(b0, c50);
            av = FloatVector.broadcast(S, a[r6 + p]);
            c60 = av.fma(b0, c60);
            av = FloatVector.broadcast(S, a[r7 + p]);
            c70 = av.fma(b0, c70);
            av = FloatVector.broadcast(S, a[r8 + p]);
            c80 = av.fma(b0, c80);
            av = FloatVector.broadcast(S, a[r9 + p]);
            c90 = av.fma(b0, c90);
            av = FloatVector.broadcast(S, a[r10 + p]);
            c100 = av.fma(b0, c100);
            av = FloatVector.broadcast(S, a[r11 + p]);
            c110 = av.fma(b0, c110);
            bi += bStride;
        }
        c00.intoArray(acc, 0 * NR + 0 * L);
        c10.intoArray(acc, 1 * NR + 0 * L);
        c20.intoArray(acc, 2 * NR + 0 * L);
        c30.intoArray(acc, 3 * NR + 0 * L);
        c40.intoArray(acc, 4 * NR + 0 * L);
        c50.intoArray(acc, 5 * NR + 0 * L);
        c60.intoArray(acc, 6 * NR + 0 * L);
        c70.intoArray(acc, 7 * NR + 0 * L);
        c80.intoArray(acc, 8 * NR + 0 * L);
        c90.intoArray(acc, 9 * NR + 0 * L);
        c100.intoArray(acc, 10 * NR + 0 * L);
        c110.intoArray(acc, 11 * NR + 0 * L);
    }
}
