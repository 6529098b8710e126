package dev.vecnn.kernels;

import dev.vecnn.kernels.gemm.DriverF32;
import dev.vecnn.kernels.gemm.DriverF64;
import dev.vecnn.kernels.gemm.ReferenceF32;
import dev.vecnn.kernels.gemm.ReferenceF64;
import dev.vecnn.kernels.gemm.Workers;

/**
 * General matrix multiply on row-major arrays, in the spirit of BLAS level 3:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is X or its transpose.
 *
 * <p>{@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n} and C is {@code m x n}. Each
 * matrix lives in an array at an offset with a leading dimension (the distance between the
 * starts of two stored rows), so sub-matrices can be used in place. As in BLAS, {@code beta == 0}
 * does not read C (NaN or garbage there is overwritten) and {@code alpha == 0} or {@code k == 0}
 * only scales C by beta.
 *
 * <p>Large products run on {@link #threads()} threads; the result is bitwise identical for every
 * thread count. Invalid arguments throw {@link IllegalArgumentException} naming the argument,
 * before anything is written. When the vector module is absent the scalar twin
 * ({@link ReferenceGemm}) runs instead (see {@link VectorSupport}).
 *
 * <pre>{@code
 * float[] a = ..., b = ..., c = new float[m * n];
 * Gemm.sgemm(m, n, k, a, b, c);                    // C = A * B
 * Gemm.sgemm(true, false, m, n, k, 1f, a, 0, m,    // C = A^T * B + C, A stored k x m
 *            b, 0, n, 1f, c, 0, n);
 * }</pre>
 */
public final class Gemm {
    private Gemm() {
    }

    /**
     * Float GEMM: {@code C = alpha * op(A) * op(B) + beta * C}; see the class comment.
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
        if (VectorSupport.enabled()) {
            DriverF32.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF32.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }
    }

    /**
     * Double GEMM: {@code C = alpha * op(A) * op(B) + beta * C}; see the class comment.
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
        if (VectorSupport.enabled()) {
            DriverF64.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc, Workers.available());
        } else {
            ReferenceF64.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }
    }

    /**
     * Float GEMM {@code C = alpha * A * op(B) + beta * C} with A given as one array per row, as
     * Java code often holds a matrix: row {@code i} of A is {@code a[i][aColumn ... aColumn + k)}.
     * The rows are read where they are, without being copied into one array first; the result has
     * the bits of the flat call on a copy of them. B and C are as in the flat form.
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
        if (VectorSupport.enabled()) {
            DriverF32.gemmRowArrays(transB, m, n, k, alpha, a, aColumn, b, bOffset, ldb, beta, c, cOffset, ldc,
                    Workers.available());
        } else {
            ReferenceF32.gemmRowArrays(transB, m, n, k, alpha, a, aColumn, b, bOffset, ldb, beta, c, cOffset, ldc);
        }
    }

    /**
     * Double GEMM with A given as one array per row; see the float form.
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
        if (VectorSupport.enabled()) {
            DriverF64.gemmRowArrays(transB, m, n, k, alpha, a, aColumn, b, bOffset, ldb, beta, c, cOffset, ldc,
                    Workers.available());
        } else {
            ReferenceF64.gemmRowArrays(transB, m, n, k, alpha, a, aColumn, b, bOffset, ldb, beta, c, cOffset, ldc);
        }
    }

    /**
     * {@code C = A * B} for whole row-major arrays: A is m x k, B is k x n, C is m x n.
     *
     * @param m rows of A and C, {@code >= 0}
     * @param n columns of B and C, {@code >= 0}
     * @param k columns of A and rows of B, {@code >= 0}
     * @param a A, at least {@code m * k} values, not null
     * @param b B, at least {@code k * n} values, not null
     * @param c C, at least {@code m * n} values, not a or b; overwritten without being read
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void sgemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(false, false, m, n, k, 1f, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0f, c, 0, Math.max(1, n));
    }

    /**
     * {@code C = A * B} for whole row-major arrays: A is m x k, B is k x n, C is m x n.
     *
     * @param m rows of A and C, {@code >= 0}
     * @param n columns of B and C, {@code >= 0}
     * @param k columns of A and rows of B, {@code >= 0}
     * @param a A, at least {@code m * k} values, not null
     * @param b B, at least {@code k * n} values, not null
     * @param c C, at least {@code m * n} values, not a or b; overwritten without being read
     * @throws IllegalArgumentException if an argument is invalid, before C is written
     */
    public static void dgemm(int m, int n, int k, double[] a, double[] b, double[] c) {
        dgemm(false, false, m, n, k, 1d, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0d, c, 0, Math.max(1, n));
    }

    /**
     * The number of threads large products are split over. Defaults to the environment variable
     * {@code VECNN_THREADS} if it holds a positive integer, else the number of available processors.
     *
     * @return the thread count, at least 1
     */
    public static int threads() {
        return Workers.threads();
    }

    /**
     * Sets the number of threads for all later calls, from any thread.
     *
     * @param threads the thread count, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static void setThreads(int threads) {
        Workers.setThreads(threads);
    }
}
