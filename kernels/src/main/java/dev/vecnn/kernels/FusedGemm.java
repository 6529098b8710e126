package dev.vecnn.kernels;

import dev.vecnn.kernels.gemm.DriverF32;
import dev.vecnn.kernels.gemm.DriverF64;
import dev.vecnn.kernels.gemm.ReferenceF32;
import dev.vecnn.kernels.gemm.ReferenceF64;
import dev.vecnn.kernels.gemm.Workers;

/**
 * GEMM with the work of a dense layer fused into its store: the bias and activation of the
 * forward pass, or the activation derivative of the backward pass, are applied to each tile of C
 * while it is still in registers, instead of in a second pass over C.
 *
 * <ul>
 *   <li>{@code biasActivation}: {@code C = act(op(A) op(B) + bias)}, bias a row vector of length n
 *       (or null). With A the layer input and B the weights this is a layer's forward pass.</li>
 *   <li>{@code activationDerivative}: {@code C = (op(A) op(B)) * act'(Z)} elementwise, where Z holds
 *       the outputs {@code act(.)} of the previous layer and act' is written in terms of them, as
 *       scikit-learn does. With A the next layer's delta and op(B) its weights transposed, this is
 *       the backward step {@code D_prev = (D W^T) * act'(Z_prev)}.</li>
 * </ul>
 * Arguments are as in {@link Gemm} (row-major, offsets, leading dimensions); Z is an m x n matrix
 * at {@code zOffset} with leading dimension {@code ldz} and must not overlap C. Results equal the
 * plain product followed by {@link Activations} within the bounds of {@link GemmTolerance} and
 * {@link ElementwiseTolerance}, and are bitwise identical for any thread count. Invalid arguments
 * throw {@link IllegalArgumentException} naming the argument, before anything is written.
 */
public final class FusedGemm {
    private FusedGemm() {
    }

    /** Float {@code C = act(op(A) op(B) + bias)}; {@code slope} is leaky_relu's, else ignored. */
    public static void sgemmBiasActivation(boolean transA, boolean transB, int m, int n, int k,
                                           float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                           float[] bias, int biasOffset, Activation activation, float slope,
                                           float[] c, int cOffset, int ldc) {
        checkBiasActivation(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, bias, biasOffset,
                activation, slope, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF32.gemmBiasActivation(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    bias, biasOffset, activation, slope, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF32.gemmBiasActivation(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    bias, biasOffset, activation, slope, c, cOffset, ldc);
        }
    }

    /** Double {@code C = act(op(A) op(B) + bias)}; {@code slope} is leaky_relu's, else ignored. */
    public static void dgemmBiasActivation(boolean transA, boolean transB, int m, int n, int k,
                                           double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                                           double[] bias, int biasOffset, Activation activation, double slope,
                                           double[] c, int cOffset, int ldc) {
        checkBiasActivation(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, bias, biasOffset,
                activation, slope, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF64.gemmBiasActivation(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    bias, biasOffset, activation, slope, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF64.gemmBiasActivation(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    bias, biasOffset, activation, slope, c, cOffset, ldc);
        }
    }

    /**
     * Float {@code C = act(A op(B) + bias)} with A given as one array per row
     * ({@code A(i, p) = a[i][aColumn + p]}), read in place: a layer's forward pass straight from a
     * caller's {@code float[][]}. See {@link Gemm#sgemm(boolean, int, int, int, float, float[][], int, float[], int, int, float, float[], int, int)}.
     */
    public static void sgemmBiasActivation(boolean transB, int m, int n, int k, float[][] a, int aColumn,
                                           float[] b, int bOffset, int ldb, float[] bias, int biasOffset,
                                           Activation activation, float slope, float[] c, int cOffset, int ldc) {
        GemmArguments.checkRowArrays(transB, m, n, k, a, aColumn, b, bOffset, ldb, c, cOffset, ldc);
        checkEpilogue(n, bias, biasOffset, activation, slope);
        if (VectorSupport.enabled()) {
            DriverF32.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF32.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc);
        }
    }

    /** Double {@code C = act(A op(B) + bias)} with A given as one array per row; see the float form. */
    public static void dgemmBiasActivation(boolean transB, int m, int n, int k, double[][] a, int aColumn,
                                           double[] b, int bOffset, int ldb, double[] bias, int biasOffset,
                                           Activation activation, double slope, double[] c, int cOffset, int ldc) {
        GemmArguments.checkRowArrays(transB, m, n, k, a, aColumn, b, bOffset, ldb, c, cOffset, ldc);
        checkEpilogue(n, bias, biasOffset, activation, slope);
        if (VectorSupport.enabled()) {
            DriverF64.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF64.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc);
        }
    }

    /** Float {@code C = (op(A) op(B)) * act'(Z)} with act' computed from the stored outputs Z. */
    public static void sgemmActivationDerivative(boolean transA, boolean transB, int m, int n, int k,
                                                 float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                                 Activation activation, float slope, float[] z, int zOffset, int ldz,
                                                 float[] c, int cOffset, int ldc) {
        checkActivationDerivative(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, activation, slope,
                z, zOffset, ldz, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF32.gemmActivationDerivative(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    activation, slope, z, zOffset, ldz, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF32.gemmActivationDerivative(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    activation, slope, z, zOffset, ldz, c, cOffset, ldc);
        }
    }

    /** Double {@code C = (op(A) op(B)) * act'(Z)} with act' computed from the stored outputs Z. */
    public static void dgemmActivationDerivative(boolean transA, boolean transB, int m, int n, int k,
                                                 double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                                                 Activation activation, double slope, double[] z, int zOffset, int ldz,
                                                 double[] c, int cOffset, int ldc) {
        checkActivationDerivative(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, activation, slope,
                z, zOffset, ldz, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF64.gemmActivationDerivative(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    activation, slope, z, zOffset, ldz, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF64.gemmActivationDerivative(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb,
                    activation, slope, z, zOffset, ldz, c, cOffset, ldc);
        }
    }

    /**
     * Float {@code C = alpha op(A) op(B) + beta Z}: a GEMM whose beta term is read from Z instead
     * of from C, so C's old values are never read. For a layer's weight gradient
     * {@code (X^T D + alpha W) / n} (Z = W): one product, no copy of W into C beforehand. Z may be
     * C itself at the same offset and leading dimension (then this is {@link Gemm#sgemm}), and
     * must not otherwise overlap C. beta = 0 does not read Z. The bits equal those of
     * {@code sgemm} on a C that holds Z.
     */
    public static void sgemmPlusScaled(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                       float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                       float beta, float[] z, int zOffset, int ldz,
                                       float[] c, int cOffset, int ldc) {
        checkPlusScaled(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, z, zOffset, ldz, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF32.gemmPlusScaled(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta,
                    z, zOffset, ldz, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF32.gemmPlusScaled(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta,
                    z, zOffset, ldz, c, cOffset, ldc);
        }
    }

    /** Double {@code C = alpha op(A) op(B) + beta Z}; see the float form. */
    public static void dgemmPlusScaled(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                       double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                                       double beta, double[] z, int zOffset, int ldz,
                                       double[] c, int cOffset, int ldc) {
        checkPlusScaled(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, z, zOffset, ldz, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF64.gemmPlusScaled(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta,
                    z, zOffset, ldz, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF64.gemmPlusScaled(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta,
                    z, zOffset, ldz, c, cOffset, ldc);
        }
    }

    private static void checkPlusScaled(boolean transA, boolean transB, int m, int n, int k,
                                        Object a, int aOffset, int lda, Object b, int bOffset, int ldb,
                                        Object z, int zOffset, int ldz, Object c, int cOffset, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        GemmArguments.operand("z", "ldz", GemmArguments.length(z), zOffset, ldz, m, n);
        if (z != c || zOffset != cOffset || ldz != ldc) {
            GemmArguments.noOverlap("z", z, zOffset, ldz, m, n, c, cOffset, ldc, m, n);
        }
    }

    private static void checkBiasActivation(boolean transA, boolean transB, int m, int n, int k,
                                            Object a, int aOffset, int lda, Object b, int bOffset, int ldb,
                                            Object bias, int biasOffset, Activation activation, double slope,
                                            Object c, int cOffset, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        checkEpilogue(n, bias, biasOffset, activation, slope);
    }

    private static void checkEpilogue(int n, Object bias, int biasOffset, Activation activation, double slope) {
        Activations.check(activation, slope);
        if (bias != null && n > 0) {
            GemmArguments.operand("bias", "n", GemmArguments.length(bias), biasOffset, n, 1, n);
        }
    }

    private static void checkActivationDerivative(boolean transA, boolean transB, int m, int n, int k,
                                                  Object a, int aOffset, int lda, Object b, int bOffset, int ldb,
                                                  Activation activation, double slope, Object z, int zOffset, int ldz,
                                                  Object c, int cOffset, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        Activations.check(activation, slope);
        GemmArguments.operand("z", "ldz", GemmArguments.length(z), zOffset, ldz, m, n);
        GemmArguments.noOverlap("z", z, zOffset, ldz, m, n, c, cOffset, ldc, m, n);
    }
}
