package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.elementwise.ActivationF32;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Writes a finished register tile into row-major C: {@code C = alpha * acc + beta * C} on the
 * valid {@code mr x nr} corner (beta 0 does not read C), with the epilogue applied to the tile
 * while it is in L1. A partial last vector uses masked loads and stores, so C (and the bias and Z
 * of the epilogue) are never touched outside the matrix.
 *
 * <p>The forward epilogue of the piecewise-linear activations (identity, relu, leaky_relu) and the
 * backward epilogue of the algebraic derivatives (all but softplus) run in registers in the same
 * pass, through the small {@code ActivationF32.piecewiseLinear} and
 * {@code ActivationF32.algebraicDerivative}. Other epilogues take
 * three short passes over the scratch tile instead of one:
 * the sum (and bias) is written back into {@code acc}, the activation or its derivative runs over
 * it as an array loop, then the tile is stored. Calling the vector activation per vector from here
 * was not reliably inlined by C2 (its math is large), and a vector passed to a call that is not
 * inlined is boxed: the tanh epilogue cost twice the product.
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
     * @param zTile scratch of at least {@code MR * NR} elements: the Z tile of the derivative, or
     *              the tile's bias values
     */
    static void store(float[] acc, int mr, int nr, float alpha, float beta, float[] c, int cOff, int ldc,
                      EpilogueF32 e, int row0, int col0, float[] zTile) {
        int kind = e == null ? EpilogueF32.NONE : e.kind;
        if (kind == EpilogueF32.NONE) {
            combine(acc, mr, nr, alpha, beta, c, cOff, ldc, null, null, 0, true);
            return;
        }
        if (kind == EpilogueF32.BIAS_ACTIVATION && ActivationF32.isPiecewiseLinear(e.activation)) {
            float[] bias = biasTile(e, col0, nr, zTile);
            combine(acc, mr, nr, alpha, beta, c, cOff, ldc, bias, e.activation, e.slope, true);
            return;
        }
        if (kind == EpilogueF32.ACTIVATION_DERIVATIVE && e.activation != Activation.SOFTPLUS) {
            storeTimesDerivative(acc, mr, nr, alpha, beta, c, cOff, ldc, e, row0, col0, zTile);
            return;
        }
        combine(acc, mr, nr, alpha, beta, c, cOff, ldc,
                kind == EpilogueF32.BIAS_ACTIVATION ? biasTile(e, col0, nr, zTile) : null, null, 0, false);
        if (kind == EpilogueF32.BIAS_ACTIVATION) {
            ActivationF32.forward(e.activation, e.slope, acc, 0, mr * NR);
        } else {
            for (int i = 0; i < mr; i++) {
                System.arraycopy(e.z, e.zOff + (row0 + i) * e.ldz + col0, zTile, i * NR, nr);
            }
            ActivationF32.derivative(e.activation, e.slope, zTile, acc, 0, mr * NR);
        }
        copy(acc, mr, nr, c, cOff, ldc);
    }

    /**
     * {@code act(alpha * acc + beta * C (+ bias))} with {@code act} null or piecewise linear (applied
     * in registers): into C when {@code toC}, else back into acc (whose lanes past nr are then
     * meaningless but never stored).
     */
    private static void combine(float[] acc, int mr, int nr, float alpha, float beta, float[] c, int cOff,
                                int ldc, float[] bias, Activation act, float slope, boolean toC) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        int fullEnd = nr / L * L;
        VectorMask<Float> tail = S.indexInRange(fullEnd, nr);
        for (int i = 0; i < mr; i++) {
            int row = cOff + i * ldc;
            int at = i * NR;
            for (int j = 0; j < fullEnd; j += L) {
                FloatVector v = FloatVector.fromArray(S, acc, at + j).mul(va);
                if (beta != 0) {
                    v = FloatVector.fromArray(S, c, row + j).fma(vb, v);
                }
                if (bias != null) {
                    v = v.add(FloatVector.fromArray(S, bias, j));
                }
                if (act != null) {
                    v = ActivationF32.piecewiseLinear(act, slope, v);
                }
                if (toC) {
                    v.intoArray(c, row + j);
                } else {
                    v.intoArray(acc, at + j);
                }
            }
            if (fullEnd < nr) {
                int j = fullEnd;
                boolean fits = row + j + L <= c.length;
                FloatVector v = FloatVector.fromArray(S, acc, at + j).mul(va);
                if (beta != 0) {
                    v = tailOf(c, row + j, nr - j, tail, fits, acc, at + j).fma(vb, v);
                }
                if (bias != null) {
                    v = v.add(FloatVector.fromArray(S, bias, j));
                }
                if (act != null) {
                    v = ActivationF32.piecewiseLinear(act, slope, v);
                }
                if (toC && fits) {
                    v.intoArray(c, row + j, tail);
                } else {
                    v.intoArray(acc, at + j);
                    if (toC) {
                        System.arraycopy(acc, at + j, c, row + j, nr - j);
                    }
                }
            }
        }
    }

    /**
     * One pass for the backward epilogue of the algebraic derivatives: {@code (alpha * acc + beta * C)
     * * act'(Z)} with the derivative computed in registers.
     */
    private static void storeTimesDerivative(float[] acc, int mr, int nr, float alpha, float beta, float[] c,
                                             int cOff, int ldc, EpilogueF32 e, int row0, int col0, float[] scratch) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        int fullEnd = nr / L * L;
        VectorMask<Float> tail = S.indexInRange(fullEnd, nr);
        for (int i = 0; i < mr; i++) {
            int row = cOff + i * ldc;
            int z = e.zOff + (row0 + i) * e.ldz + col0;
            for (int j = 0; j < fullEnd; j += L) {
                FloatVector v = FloatVector.fromArray(S, acc, i * NR + j).mul(va);
                if (beta != 0) {
                    v = FloatVector.fromArray(S, c, row + j).fma(vb, v);
                }
                FloatVector y = FloatVector.fromArray(S, e.z, z + j);
                ActivationF32.algebraicDerivative(e.activation, e.slope, y, v).intoArray(c, row + j);
            }
            if (fullEnd < nr) {
                int j = fullEnd;
                int at = i * NR + j;
                boolean fits = row + j + L <= c.length;
                FloatVector v = FloatVector.fromArray(S, acc, at).mul(va);
                if (beta != 0) {
                    v = tailOf(c, row + j, nr - j, tail, fits, acc, at).fma(vb, v);
                }
                FloatVector y = tailOf(e.z, z + j, nr - j, tail, z + j + L <= e.z.length, scratch, 0);
                v = ActivationF32.algebraicDerivative(e.activation, e.slope, y, v);
                if (fits) {
                    v.intoArray(c, row + j, tail);
                } else {
                    v.intoArray(acc, at);
                    System.arraycopy(acc, at, c, row + j, nr - j);
                }
            }
        }
    }

    /**
     * The {@code count < L} values of {@code x} from {@code at} as a vector (lanes past count
     * unspecified). A masked load whose full vector would cross the end of the array takes the
     * JDK's per-lane checking path, hundreds of times slower than the intrinsic; that happens for
     * the last row of a matrix that ends its array, so those few values go through {@code scratch}
     * (from {@code scratchAt}, L elements) instead.
     */
    private static FloatVector tailOf(float[] x, int at, int count, VectorMask<Float> tail, boolean fits,
                                      float[] scratch, int scratchAt) {
        if (fits) {
            return FloatVector.fromArray(S, x, at, tail);
        }
        System.arraycopy(x, at, scratch, scratchAt, count);
        return FloatVector.fromArray(S, scratch, scratchAt);
    }

    /**
     * The tile's {@code nr} bias values (null if the epilogue has no bias) copied into
     * {@code scratch}, zero-padded to NR: each row then adds it with full, unmasked loads from L1.
     * The bias often ends its array (the last layer's, in a flat parameter vector), where a masked
     * load would take the slow path on every row.
     */
    private static float[] biasTile(EpilogueF32 e, int col0, int nr, float[] scratch) {
        if (e.bias == null) {
            return null;
        }
        System.arraycopy(e.bias, e.biasOff + col0, scratch, 0, nr);
        java.util.Arrays.fill(scratch, nr, NR, 0f);
        return scratch;
    }

    /** The valid {@code mr x nr} corner of the tile into C. */
    private static void copy(float[] acc, int mr, int nr, float[] c, int cOff, int ldc) {
        for (int i = 0; i < mr; i++) {
            System.arraycopy(acc, i * NR, c, cOff + i * ldc, nr);
        }
    }
}
