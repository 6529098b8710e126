package dev.vecnn.kernels;

import dev.vecnn.kernels.gemm.DriverF32;
import dev.vecnn.kernels.gemm.DriverF64;
import dev.vecnn.kernels.gemm.ReferenceF32;
import dev.vecnn.kernels.gemm.ReferenceF64;
import dev.vecnn.kernels.gemm.Workers;

/**
 * GEMM with the work of a dense layer fused into it: the bias and activation of the forward pass,
 * or the activation derivative of the backward pass, are applied while C is still in cache
 * instead of in a second pass over all of C: in the tile store's registers for identity, relu
 * and leaky_relu, over each finished block of C (still in L1 or L2) for tanh, logistic, softplus
 * and every derivative.
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

    /**
     * Float {@code C = act(op(A) op(B) + bias)}; {@code slope} is leaky_relu's, else ignored.
     *
     * @param transA     whether op(A) is A transposed (A then stored k x m)
     * @param transB     whether op(B) is B transposed (B then stored n x k)
     * @param m          rows of op(A) and C, {@code >= 0}
     * @param n          columns of op(B) and C, {@code >= 0}
     * @param k          columns of op(A) and rows of op(B), {@code >= 0}
     * @param a          array holding A, not null
     * @param aOffset    index of A's first element, {@code >= 0}
     * @param lda        leading dimension of A as stored, {@code >= max(1, its columns)}
     * @param b          array holding B, not null
     * @param bOffset    index of B's first element, {@code >= 0}
     * @param ldb        leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param bias       row vector of n values added to every row, or null for none; must not overlap C
     * @param biasOffset index of the bias's first value, {@code >= 0} when bias is used
     * @param activation activation applied to each element, not null
     * @param slope      leaky_relu's negative-side slope; finite and {@code >= 0} even when unused
     * @param c          array holding C, overwritten without being read; must not overlap A or B
     * @param cOffset    index of C's first element, {@code >= 0}
     * @param ldc        leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
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

    /**
     * Double {@code C = act(op(A) op(B) + bias)}; {@code slope} is leaky_relu's, else ignored.
     *
     * @param transA     whether op(A) is A transposed (A then stored k x m)
     * @param transB     whether op(B) is B transposed (B then stored n x k)
     * @param m          rows of op(A) and C, {@code >= 0}
     * @param n          columns of op(B) and C, {@code >= 0}
     * @param k          columns of op(A) and rows of op(B), {@code >= 0}
     * @param a          array holding A, not null
     * @param aOffset    index of A's first element, {@code >= 0}
     * @param lda        leading dimension of A as stored, {@code >= max(1, its columns)}
     * @param b          array holding B, not null
     * @param bOffset    index of B's first element, {@code >= 0}
     * @param ldb        leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param bias       row vector of n values added to every row, or null for none; must not overlap C
     * @param biasOffset index of the bias's first value, {@code >= 0} when bias is used
     * @param activation activation applied to each element, not null
     * @param slope      leaky_relu's negative-side slope; finite and {@code >= 0} even when unused
     * @param c          array holding C, overwritten without being read; must not overlap A or B
     * @param cOffset    index of C's first element, {@code >= 0}
     * @param ldc        leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
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
     *
     * @param transB     whether op(B) is B transposed (B then stored n x k)
     * @param m          rows of A and C, {@code >= 0}
     * @param n          columns of op(B) and C, {@code >= 0}
     * @param k          columns of A and rows of op(B), {@code >= 0}
     * @param a          rows of A: at least m non-null arrays of {@code >= aColumn + k} values, none c
     * @param aColumn    index within each row of A's first column, {@code >= 0}
     * @param b          array holding B, not null
     * @param bOffset    index of B's first element, {@code >= 0}
     * @param ldb        leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param bias       row vector of n values added to every row, or null for none; must not overlap C
     * @param biasOffset index of the bias's first value, {@code >= 0} when bias is used
     * @param activation activation applied to each element, not null
     * @param slope      leaky_relu's negative-side slope; finite and {@code >= 0} even when unused
     * @param c          array holding C, overwritten without being read; must not overlap B
     * @param cOffset    index of C's first element, {@code >= 0}
     * @param ldc        leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void sgemmBiasActivation(boolean transB, int m, int n, int k, float[][] a, int aColumn,
                                           float[] b, int bOffset, int ldb, float[] bias, int biasOffset,
                                           Activation activation, float slope, float[] c, int cOffset, int ldc) {
        GemmArguments.checkRowArrays(transB, m, n, k, a, aColumn, b, bOffset, ldb, c, cOffset, ldc);
        checkEpilogue(m, n, bias, biasOffset, activation, slope, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF32.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF32.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc);
        }
    }

    /**
     * Double {@code C = act(A op(B) + bias)} with A given as one array per row; see the float form.
     *
     * @param transB     whether op(B) is B transposed (B then stored n x k)
     * @param m          rows of A and C, {@code >= 0}
     * @param n          columns of op(B) and C, {@code >= 0}
     * @param k          columns of A and rows of op(B), {@code >= 0}
     * @param a          rows of A: at least m non-null arrays of {@code >= aColumn + k} values, none c
     * @param aColumn    index within each row of A's first column, {@code >= 0}
     * @param b          array holding B, not null
     * @param bOffset    index of B's first element, {@code >= 0}
     * @param ldb        leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param bias       row vector of n values added to every row, or null for none; must not overlap C
     * @param biasOffset index of the bias's first value, {@code >= 0} when bias is used
     * @param activation activation applied to each element, not null
     * @param slope      leaky_relu's negative-side slope; finite and {@code >= 0} even when unused
     * @param c          array holding C, overwritten without being read; must not overlap B
     * @param cOffset    index of C's first element, {@code >= 0}
     * @param ldc        leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void dgemmBiasActivation(boolean transB, int m, int n, int k, double[][] a, int aColumn,
                                           double[] b, int bOffset, int ldb, double[] bias, int biasOffset,
                                           Activation activation, double slope, double[] c, int cOffset, int ldc) {
        GemmArguments.checkRowArrays(transB, m, n, k, a, aColumn, b, bOffset, ldb, c, cOffset, ldc);
        checkEpilogue(m, n, bias, biasOffset, activation, slope, c, cOffset, ldc);
        if (VectorSupport.enabled()) {
            DriverF64.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF64.gemmRowArraysBiasActivation(transB, m, n, k, a, aColumn, b, bOffset, ldb, bias, biasOffset,
                    activation, slope, c, cOffset, ldc);
        }
    }

    /**
     * Float {@code C = (op(A) op(B)) * act'(Z)} with act' computed from the stored outputs Z.
     *
     * @param transA     whether op(A) is A transposed (A then stored k x m)
     * @param transB     whether op(B) is B transposed (B then stored n x k)
     * @param m          rows of op(A) and C, {@code >= 0}
     * @param n          columns of op(B) and C, {@code >= 0}
     * @param k          columns of op(A) and rows of op(B), {@code >= 0}
     * @param a          array holding A, not null
     * @param aOffset    index of A's first element, {@code >= 0}
     * @param lda        leading dimension of A as stored, {@code >= max(1, its columns)}
     * @param b          array holding B, not null
     * @param bOffset    index of B's first element, {@code >= 0}
     * @param ldb        leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param activation activation whose derivative multiplies the product, not null
     * @param slope      leaky_relu's negative-side slope; finite and {@code >= 0} even when unused
     * @param z          array holding Z, the stored activation outputs, m x n; must not overlap C
     * @param zOffset    index of Z's first element, {@code >= 0}
     * @param ldz        leading dimension of Z, {@code >= max(1, n)}
     * @param c          array holding C, overwritten without being read; must not overlap A or B
     * @param cOffset    index of C's first element, {@code >= 0}
     * @param ldc        leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
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

    /**
     * Double {@code C = (op(A) op(B)) * act'(Z)} with act' computed from the stored outputs Z.
     *
     * @param transA     whether op(A) is A transposed (A then stored k x m)
     * @param transB     whether op(B) is B transposed (B then stored n x k)
     * @param m          rows of op(A) and C, {@code >= 0}
     * @param n          columns of op(B) and C, {@code >= 0}
     * @param k          columns of op(A) and rows of op(B), {@code >= 0}
     * @param a          array holding A, not null
     * @param aOffset    index of A's first element, {@code >= 0}
     * @param lda        leading dimension of A as stored, {@code >= max(1, its columns)}
     * @param b          array holding B, not null
     * @param bOffset    index of B's first element, {@code >= 0}
     * @param ldb        leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param activation activation whose derivative multiplies the product, not null
     * @param slope      leaky_relu's negative-side slope; finite and {@code >= 0} even when unused
     * @param z          array holding Z, the stored activation outputs, m x n; must not overlap C
     * @param zOffset    index of Z's first element, {@code >= 0}
     * @param ldz        leading dimension of Z, {@code >= max(1, n)}
     * @param c          array holding C, overwritten without being read; must not overlap A or B
     * @param cOffset    index of C's first element, {@code >= 0}
     * @param ldc        leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
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
     *
     * @param transA  whether op(A) is A transposed (A then stored k x m)
     * @param transB  whether op(B) is B transposed (B then stored n x k)
     * @param m       rows of op(A) and C, {@code >= 0}
     * @param n       columns of op(B) and C, {@code >= 0}
     * @param k       columns of op(A) and rows of op(B), {@code >= 0}
     * @param alpha   scale of the product
     * @param a       array holding A, not null
     * @param aOffset index of A's first element, {@code >= 0}
     * @param lda     leading dimension of A as stored, {@code >= max(1, its columns)}
     * @param b       array holding B, not null
     * @param bOffset index of B's first element, {@code >= 0}
     * @param ldb     leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param beta    scale of Z; 0 leaves Z unread
     * @param z       array holding Z, m x n, not null; exactly C or not overlapping it
     * @param zOffset index of Z's first element, {@code >= 0}
     * @param ldz     leading dimension of Z, {@code >= max(1, n)}
     * @param c       array holding C, overwritten (read only as Z); must not overlap A or B
     * @param cOffset index of C's first element, {@code >= 0}
     * @param ldc     leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
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

    /**
     * Double {@code C = alpha op(A) op(B) + beta Z}; see the float form.
     *
     * @param transA  whether op(A) is A transposed (A then stored k x m)
     * @param transB  whether op(B) is B transposed (B then stored n x k)
     * @param m       rows of op(A) and C, {@code >= 0}
     * @param n       columns of op(B) and C, {@code >= 0}
     * @param k       columns of op(A) and rows of op(B), {@code >= 0}
     * @param alpha   scale of the product
     * @param a       array holding A, not null
     * @param aOffset index of A's first element, {@code >= 0}
     * @param lda     leading dimension of A as stored, {@code >= max(1, its columns)}
     * @param b       array holding B, not null
     * @param bOffset index of B's first element, {@code >= 0}
     * @param ldb     leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param beta    scale of Z; 0 leaves Z unread
     * @param z       array holding Z, m x n, not null; exactly C or not overlapping it
     * @param zOffset index of Z's first element, {@code >= 0}
     * @param ldz     leading dimension of Z, {@code >= max(1, n)}
     * @param c       array holding C, overwritten (read only as Z); must not overlap A or B
     * @param cOffset index of C's first element, {@code >= 0}
     * @param ldc     leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
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
        checkEpilogue(m, n, bias, biasOffset, activation, slope, c, cOffset, ldc);
    }

    private static void checkEpilogue(int m, int n, Object bias, int biasOffset, Activation activation, double slope,
                                      Object c, int cOffset, int ldc) {
        Activations.check(activation, slope);
        if (bias != null && n > 0) {
            GemmArguments.operand("bias", "n", GemmArguments.length(bias), biasOffset, n, 1, n);
            // the bias is read while C's rows are written
            GemmArguments.noOverlap("bias", bias, biasOffset, n, 1, n, c, cOffset, ldc, m, n);
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
