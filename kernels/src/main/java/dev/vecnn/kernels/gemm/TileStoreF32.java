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
 *
 * <p>The partial vector repeats the body with a mask instead of sharing it through a mask that is
 * null for full vectors: a null {@code VectorMask} merged into the intrinsic path made C2 (JDK
 * 25.0.3) emit code that stopped the JVM with "fatal error: DEBUG MESSAGE: (null)".
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
        int fullEnd = nr / L * L;
        VectorMask<Float> tail = S.indexInRange(fullEnd, nr);
        for (int i = 0; i < mr; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < fullEnd; j += L) {
                FloatVector v = FloatVector.fromArray(S, acc, i * NR + j).mul(va);
                if (beta != 0) {
                    v = FloatVector.fromArray(S, c, row + j).fma(vb, v);
                }
                if (kind == EpilogueF32.BIAS_ACTIVATION) {
                    if (e.bias != null) {
                        v = v.add(FloatVector.fromArray(S, e.bias, e.biasOff + col0 + j));
                    }
                    v = ActivationF32.apply(e.activation, e.slope, v);
                } else if (kind == EpilogueF32.ACTIVATION_DERIVATIVE) {
                    FloatVector y = FloatVector.fromArray(S, e.z, e.zOff + (row0 + i) * e.ldz + col0 + j);
                    v = ActivationF32.derivative(e.activation, e.slope, y, v);
                }
                v.intoArray(c, row + j);
            }
            if (fullEnd < nr) {
                int j = fullEnd;
                FloatVector v = FloatVector.fromArray(S, acc, i * NR + j).mul(va);
                if (beta != 0) {
                    v = FloatVector.fromArray(S, c, row + j, tail).fma(vb, v);
                }
                if (kind == EpilogueF32.BIAS_ACTIVATION) {
                    if (e.bias != null) {
                        v = v.add(FloatVector.fromArray(S, e.bias, e.biasOff + col0 + j, tail));
                    }
                    v = ActivationF32.apply(e.activation, e.slope, v);
                } else if (kind == EpilogueF32.ACTIVATION_DERIVATIVE) {
                    FloatVector y = FloatVector.fromArray(S, e.z, e.zOff + (row0 + i) * e.ldz + col0 + j, tail);
                    v = ActivationF32.derivative(e.activation, e.slope, y, v);
                }
                v.intoArray(c, row + j, tail);
            }
        }
    }
}
