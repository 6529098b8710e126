package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.Activation;

/**
 * The scalar twin of {@link DriverF32}: the textbook definition of GEMM, one dot product per
 * element in ascending k, accumulated in float. It is the specification the fast path is tested
 * against and the fallback when the vector module is absent.
 *
 * <p>Internal: arguments were validated by the public facade.
 */
public final class ReferenceF32 {
    private ReferenceF32() {
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        // A(i, p) and B(p, j) through the stored layout of each operand.
        int aRow = transA ? 1 : lda;
        int aCol = transA ? lda : 1;
        int bRow = transB ? 1 : ldb;
        int bCol = transB ? ldb : 1;
        if (alpha == 0 || k == 0) {
            // As BLAS: no product term at all (an infinite or NaN alpha times an empty sum would
            // be NaN), C scaled by beta, zeroed for beta = 0, kept bit for bit for beta = 1.
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int ci = cOff + i * ldc + j;
                    c[ci] = beta == 0 ? 0 : beta * c[ci];
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = cOff + i * ldc + j;
                float dot = 0;
                for (int p = 0; p < k; p++) {
                    dot += a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                }
                c[ci] = beta == 0 ? alpha * dot : alpha * dot + beta * c[ci];
            }
        }
    }

    /** {@code C = alpha op(A) op(B) + beta Z}: the dot products, then the beta term from Z. */
    public static void gemmPlusScaled(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                      float beta, float[] z, int zOff, int ldz, float[] c, int cOff, int ldc) {
        int aRow = transA ? 1 : lda;
        int aCol = transA ? lda : 1;
        int bRow = transB ? 1 : ldb;
        int bCol = transB ? ldb : 1;
        boolean product = alpha != 0 && k != 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // Z's value before C's element is written: Z may be C itself. The same expressions
                // as gemm's with Z for C, so the same bits (-0 included).
                float zv = beta == 0 ? 0 : z[zOff + i * ldz + j];
                float value;
                if (!product) {
                    value = beta == 0 ? 0 : beta * zv;
                } else {
                    float dot = 0;
                    for (int p = 0; p < k; p++) {
                        dot += a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                    }
                    value = beta == 0 ? alpha * dot : alpha * dot + beta * zv;
                }
                c[cOff + i * ldc + j] = value;
            }
        }
    }

    /** {@code C = act(op(A) op(B) + bias)}: the plain product, then the epilogue element by element. */
    public static void gemmBiasActivation(boolean transA, boolean transB, int m, int n, int k,
                                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                          float[] bias, int biasOff, Activation activation, float slope,
                                          float[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, 1, a, aOff, lda, b, bOff, ldb, 0, c, cOff, ldc);
        new EpilogueF32().set(EpilogueF32.BIAS_ACTIVATION, bias, biasOff, activation, slope, null, 0, 0)
                .applyScalar(m, n, c, cOff, ldc);
    }

    /** {@code C = (op(A) op(B)) * act'(Z)}: the plain product, then the epilogue element by element. */
    public static void gemmActivationDerivative(boolean transA, boolean transB, int m, int n, int k,
                                                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                                Activation activation, float slope, float[] z, int zOff, int ldz,
                                                float[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, 1, a, aOff, lda, b, bOff, ldb, 0, c, cOff, ldc);
        new EpilogueF32().set(EpilogueF32.ACTIVATION_DERIVATIVE, null, 0, activation, slope, z, zOff, ldz)
                .applyScalar(m, n, c, cOff, ldc);
    }

    /** {@link #gemm} with A given as one array per row: {@code A(i, p) = aRows[i][aCol + p]}, never transposed. */
    public static void gemmRowArrays(boolean transB, int m, int n, int k, float alpha, float[][] aRows, int aCol,
                                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            gemm(false, transB, 1, n, k, alpha, aRows[i], aCol, Math.max(1, k), b, bOff, ldb, beta, c, cOff + i * ldc,
                    ldc);
        }
    }

    /** {@link #gemmBiasActivation} with A given as one array per row, as in {@link #gemmRowArrays}. */
    public static void gemmRowArraysBiasActivation(boolean transB, int m, int n, int k, float[][] aRows, int aCol,
                                                   float[] b, int bOff, int ldb, float[] bias, int biasOff,
                                                   Activation activation, float slope, float[] c, int cOff, int ldc) {
        gemmRowArrays(transB, m, n, k, 1, aRows, aCol, b, bOff, ldb, 0, c, cOff, ldc);
        new EpilogueF32().set(EpilogueF32.BIAS_ACTIVATION, bias, biasOff, activation, slope, null, 0, 0)
                .applyScalar(m, n, c, cOff, ldc);
    }
}
