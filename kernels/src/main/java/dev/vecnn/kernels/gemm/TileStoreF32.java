package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Writes a finished register tile into C: {@code C = alpha * acc + beta * C} on the valid
 * {@code mr x nr} corner, where beta 0 does not read C. Partial columns use masked stores, so C
 * is never touched outside the matrix.
 */
final class TileStoreF32 {
    private static final VectorSpecies<Float> S = KernelF32.S;
    private static final int L = KernelF32.L;
    private static final int NR = KernelF32.NR;

    private TileStoreF32() {
    }

    static void store(float[] acc, int mr, int nr, float alpha, float beta, float[] c, int cOff, int ldc) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        for (int i = 0; i < mr; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < nr; j += L) {
                FloatVector v = FloatVector.fromArray(S, acc, i * NR + j).mul(va);
                if (j + L <= nr) {
                    if (beta != 0) {
                        v = FloatVector.fromArray(S, c, row + j).fma(vb, v);
                    }
                    v.intoArray(c, row + j);
                } else {
                    VectorMask<Float> m = S.indexInRange(j, nr);
                    if (beta != 0) {
                        v = FloatVector.fromArray(S, c, row + j, m).fma(vb, v);
                    }
                    v.intoArray(c, row + j, m);
                }
            }
        }
    }
}
