package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Writes a finished register tile into C: {@code C = alpha * acc + beta * C} on the valid
 * {@code mr x nr} corner, where beta 0 does not read C. Element (i, j) of the tile goes to
 * {@code c[cOff + i * rowStride + j * colStride]}: row-major C has column stride 1 and takes
 * vector stores (masked on a partial last vector, so C is never touched outside the matrix);
 * a transposed C (when the driver solves {@code C^T = B^T A^T}) is written element by element.
 */
final class TileStoreF32 {
    private static final VectorSpecies<Float> S = KernelF32.S;
    private static final int L = KernelF32.L;
    private static final int NR = KernelF32.NR;

    private TileStoreF32() {
    }

    static void store(float[] acc, int mr, int nr, float alpha, float beta,
                      float[] c, int cOff, int rowStride, int colStride) {
        if (colStride != 1) {
            storeStrided(acc, mr, nr, alpha, beta, c, cOff, rowStride, colStride);
            return;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        for (int i = 0; i < mr; i++) {
            int row = cOff + i * rowStride;
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

    private static void storeStrided(float[] acc, int mr, int nr, float alpha, float beta,
                                     float[] c, int cOff, int rowStride, int colStride) {
        // Walk C's contiguous direction (the tile's rows) innermost.
        for (int j = 0; j < nr; j++) {
            int col = cOff + j * colStride;
            for (int i = 0; i < mr; i++) {
                float v = alpha * acc[i * NR + j];
                int ci = col + i * rowStride;
                c[ci] = beta == 0 ? v : beta * c[ci] + v;
            }
        }
    }
}
