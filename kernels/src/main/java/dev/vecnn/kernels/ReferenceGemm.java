package dev.vecnn.kernels;

import dev.vecnn.kernels.gemm.ReferenceF32;
import dev.vecnn.kernels.gemm.ReferenceF64;

/**
 * The scalar twin of {@link Gemm}: the same contract, computed as one plain dot product per
 * element. It is the reference the fast path is tested against and the fallback without the
 * vector module; use it to check other code, not for speed.
 */
public final class ReferenceGemm {
    private ReferenceGemm() {
    }

    /**
     * Float GEMM, scalar: same arguments and contract as {@link Gemm#sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)}.
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
     * @param beta    scale of C's old values; 0 leaves them unread
     * @param c       array holding C, overwritten; must not overlap A or B
     * @param cOffset index of C's first element, {@code >= 0}
     * @param ldc     leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        ReferenceF32.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /**
     * Double GEMM, scalar: same arguments and contract as {@link Gemm#dgemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[], int, int)}.
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
     * @param beta    scale of C's old values; 0 leaves them unread
     * @param c       array holding C, overwritten; must not overlap A or B
     * @param cOffset index of C's first element, {@code >= 0}
     * @param ldc     leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                             double beta, double[] c, int cOffset, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        ReferenceF64.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /**
     * Float GEMM with A as one array per row, scalar: same contract as the {@link Gemm} overload.
     *
     * @param transB  whether op(B) is B transposed (B then stored n x k)
     * @param m       rows of A and C, {@code >= 0}
     * @param n       columns of op(B) and C, {@code >= 0}
     * @param k       columns of A and rows of op(B), {@code >= 0}
     * @param alpha   scale of the product
     * @param a       rows of A: at least m non-null arrays of {@code >= aColumn + k} values, none c
     * @param aColumn index within each row of A's first column, {@code >= 0}
     * @param b       array holding B, not null
     * @param bOffset index of B's first element, {@code >= 0}
     * @param ldb     leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param beta    scale of C's old values; 0 leaves them unread
     * @param c       array holding C, overwritten; must not overlap B
     * @param cOffset index of C's first element, {@code >= 0}
     * @param ldc     leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void sgemm(boolean transB, int m, int n, int k, float alpha, float[][] a, int aColumn,
                             float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        GemmArguments.checkRowArrays(transB, m, n, k, a, aColumn, b, bOffset, ldb, c, cOffset, ldc);
        ReferenceF32.gemmRowArrays(transB, m, n, k, alpha, a, aColumn, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /**
     * Double GEMM with A as one array per row, scalar: same contract as the {@link Gemm} overload.
     *
     * @param transB  whether op(B) is B transposed (B then stored n x k)
     * @param m       rows of A and C, {@code >= 0}
     * @param n       columns of op(B) and C, {@code >= 0}
     * @param k       columns of A and rows of op(B), {@code >= 0}
     * @param alpha   scale of the product
     * @param a       rows of A: at least m non-null arrays of {@code >= aColumn + k} values, none c
     * @param aColumn index within each row of A's first column, {@code >= 0}
     * @param b       array holding B, not null
     * @param bOffset index of B's first element, {@code >= 0}
     * @param ldb     leading dimension of B as stored, {@code >= max(1, its columns)}
     * @param beta    scale of C's old values; 0 leaves them unread
     * @param c       array holding C, overwritten; must not overlap B
     * @param cOffset index of C's first element, {@code >= 0}
     * @param ldc     leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void dgemm(boolean transB, int m, int n, int k, double alpha, double[][] a, int aColumn,
                             double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        GemmArguments.checkRowArrays(transB, m, n, k, a, aColumn, b, bOffset, ldb, c, cOffset, ldc);
        ReferenceF64.gemmRowArrays(transB, m, n, k, alpha, a, aColumn, b, bOffset, ldb, beta, c, cOffset, ldc);
    }
}
