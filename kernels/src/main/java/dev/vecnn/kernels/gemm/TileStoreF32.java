package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.elementwise.ActivationF32;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Writes a finished register tile into row-major C: {@code C = alpha * acc + beta * C} on the
 * valid {@code mr x nr} corner (beta 0 does not read C), followed by the epilogue while each
 * vector is still in a register. A partial last vector uses masked loads and stores, so C (and
 * the bias and Z of the epilogue) are never touched outside the matrix.
 */
final class TileStoreF32 {
    private static final VectorSpecies<Float> S = KernelF32.S;
    private static final int L = KernelF32.L;
    private static final int NR = KernelF32.NR;

    private TileStoreF32() {
    }

    /**
     * @param e    the epilogue, or null when this is not the last k panel
     * @param row0 the row of C where this tile starts (for Z)
     * @param col0 the column of C where this tile starts (for the bias and Z)
     */
    static void store(float[] acc, int mr, int nr, float alpha, float beta, float[] c, int cOff, int ldc,
                      EpilogueF32 e, int row0, int col0) {
        int kind = e == null ? EpilogueF32.NONE : e.kind;
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        for (int i = 0; i < mr; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < nr; j += L) {
                boolean full = j + L <= nr;
                VectorMask<Float> m = full ? null : S.indexInRange(j, nr);
                FloatVector v = FloatVector.fromArray(S, acc, i * NR + j).mul(va);
                if (beta != 0) {
                    FloatVector old = full ? FloatVector.fromArray(S, c, row + j)
                            : FloatVector.fromArray(S, c, row + j, m);
                    v = old.fma(vb, v);
                }
                if (kind == EpilogueF32.BIAS_ACTIVATION) {
                    if (e.bias != null) {
                        int at = e.biasOff + col0 + j;
                        v = v.add(full ? FloatVector.fromArray(S, e.bias, at) : FloatVector.fromArray(S, e.bias, at, m));
                    }
                    v = ActivationF32.apply(e.activation, e.slope, v);
                } else if (kind == EpilogueF32.ACTIVATION_DERIVATIVE) {
                    int at = e.zOff + (row0 + i) * e.ldz + col0 + j;
                    FloatVector y = full ? FloatVector.fromArray(S, e.z, at) : FloatVector.fromArray(S, e.z, at, m);
                    v = ActivationF32.derivative(e.activation, e.slope, y, v);
                }
                if (full) {
                    v.intoArray(c, row + j);
                } else {
                    v.intoArray(c, row + j, m);
                }
            }
        }
    }
}
