package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.Activation;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparse-A path gives the dense kernels' bits: the same products with the path switched off
 * are compared element for element (not within a tolerance), over shapes with partial chunks,
 * several k panels, offsets, leading dimensions larger than the rows, rows given as arrays, fused
 * epilogues, -0.0 and NaN in A, and 1 to 3 threads. B with an infinity must take the dense path.
 */
class SparseGemmTest {
    private static final int[][] SHAPES = {
        // m, n, k
        {1, 32, 64}, {13, 33, 100}, {37, 100, 784}, {200, 100, 784}, {25, 150, 1100}, {12, 300, 97},
        {61, 17, 200}, {29, 64, 129},
    };

    @AfterEach
    void restore() {
        DriverF32.sparseEnabled = true;
        DriverF64.sparseEnabled = true;
    }

    @Test
    void plainProductsHaveTheDenseBits() {
        Random random = new Random(3);
        for (int[] s : SHAPES) {
            for (double density : new double[] {0.03, 0.2}) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                int lda = k + 3;
                int ldb = n + 5;
                int ldc = n + 2;
                float[] a = sparse(random, 7 + m * lda, density);
                float[] b = dense(random, 4 + k * ldb);
                float[] c0 = dense(random, 1 + m * ldc);
                for (float[] ab : new float[][] {{1f, 0f}, {0.5f, -1.25f}}) {
                    float alpha = ab[0];
                    float beta = ab[1];
                    // A 12-row tile of random entries at density d has a union of 1 - (1 - d)^12 of k:
                    // 31% at 0.03 (sparse path), 93% at 0.2 (dense path).
                    assertTrue(prefers(m, n, k, a, 7, lda, b, 4, ldb) == (density < 0.1 && m >= 12),
                            "sparse path chosen for " + Arrays.toString(s) + " at density " + density);
                    float[] expected = c0.clone();
                    DriverF32.sparseEnabled = false;
                    DriverF32.gemm(false, false, m, n, k, alpha, a, 7, lda, b, 4, ldb, beta, expected, 1, ldc, 1);
                    DriverF32.sparseEnabled = true;
                    for (int threads = 1; threads <= 3; threads++) {
                        float[] actual = c0.clone();
                        DriverF32.gemm(false, false, m, n, k, alpha, a, 7, lda, b, 4, ldb, beta, actual, 1, ldc,
                                threads);
                        assertArrayEquals(expected, actual, Arrays.toString(s) + " density " + density
                                + " alpha " + alpha + " beta " + beta + " threads " + threads);
                    }
                    double[] ad = toDouble(a);
                    double[] bd = toDouble(b);
                    double[] expectedD = toDouble(c0);
                    DriverF64.sparseEnabled = false;
                    DriverF64.gemm(false, false, m, n, k, alpha, ad, 7, lda, bd, 4, ldb, beta, expectedD, 1, ldc, 1);
                    DriverF64.sparseEnabled = true;
                    double[] actualD = toDouble(c0);
                    DriverF64.gemm(false, false, m, n, k, alpha, ad, 7, lda, bd, 4, ldb, beta, actualD, 1, ldc, 2);
                    assertArrayEquals(expectedD, actualD, "double " + Arrays.toString(s) + " density " + density);
                }
            }
        }
    }

    /** A transposed product (no sparse path) keeps the dense bits and declines the path. */
    @Test
    void transposedProductsTakeTheDensePath() {
        Random random = new Random(11);
        int m = 40;
        int n = 50;
        int k = 120;
        float[] a = sparse(random, k * m, 0.03);
        float[] b = dense(random, k * n);
        float[][] results = offAndOn(true, m, n, k, a, b);
        assertArrayEquals(results[0], results[1]);
    }

    @Test
    void fusedLayersOnRowArraysHaveTheDenseBits() {
        Random random = new Random(4);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[][] rows = new float[m][];
            for (int i = 0; i < m; i++) {
                rows[i] = sparse(random, k + 2, 0.04);
            }
            float[] flat = new float[m * k];
            for (int i = 0; i < m; i++) {
                System.arraycopy(rows[i], 2, flat, i * k, k);
            }
            float[] w = dense(random, k * n);
            float[] bias = dense(random, n);
            for (Activation act : new Activation[] {Activation.RELU, Activation.TANH, Activation.LOGISTIC}) {
                float[] expected = new float[m * n];
                DriverF32.sparseEnabled = false;
                DriverF32.gemmBiasActivation(false, false, m, n, k, flat, 0, k, w, 0, n, bias, 0, act, 0f,
                        expected, 0, n, 1);
                DriverF32.sparseEnabled = true;
                float[] fromRows = new float[m * n];
                DriverF32.gemmRowArraysBiasActivation(false, m, n, k, rows, 2, w, 0, n, bias, 0, act, 0f,
                        fromRows, 0, n, 2);
                assertArrayEquals(expected, fromRows, act + " rows " + Arrays.toString(s));
                float[] fromFlat = new float[m * n];
                DriverF32.gemmBiasActivation(false, false, m, n, k, flat, 0, k, w, 0, n, bias, 0, act, 0f,
                        fromFlat, 0, n, 3);
                assertArrayEquals(expected, fromFlat, act + " flat " + Arrays.toString(s));
            }
        }
    }

    @Test
    void negativeZeroAndNaNInAAreHandledAsTheDenseKernelsDo() {
        Random random = new Random(5);
        int m = 30;
        int n = 70;
        int k = 300;
        float[] a = sparse(random, m * k, 0.03);
        for (int i = 0; i < a.length; i += 7) {
            if (a[i] == 0) {
                a[i] = -0f;
            }
        }
        a[5 * k + 17] = Float.NaN;
        a[9 * k + 3] = Float.POSITIVE_INFINITY;
        float[] b = dense(random, k * n);
        float[][] results = offAndOn(false, m, n, k, a, b);
        float[] actual = results[1];
        assertArrayEquals(results[0], actual);
        assertTrue(prefers(m, n, k, a, 0, k, b, 0, n), "the sparse path is taken");
        assertTrue(Float.isNaN(actual[5 * n]), "a NaN in row 5 of A makes row 5 of C NaN");
    }

    @Test
    void anInfiniteValueInBTakesTheDensePath() {
        Random random = new Random(6);
        int m = 20;
        int n = 40;
        int k = 100;
        float[] a = sparse(random, m * k, 0.03);
        float[] b = dense(random, k * n);
        assertTrue(prefers(m, n, k, a, 0, k, b, 0, n));
        b[3 * n + 4] = Float.POSITIVE_INFINITY;
        assertFalse(prefers(m, n, k, a, 0, k, b, 0, n));
        float[] c = new float[m * n];
        DriverF32.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n, 1);
        // Every row of A has a zero in column 3, and 0 * inf is NaN: column 4 of C is NaN throughout.
        for (int i = 0; i < m; i++) {
            assertTrue(a[i * k + 3] != 0 || Float.isNaN(c[i * n + 4]), "row " + i);
        }
    }

    @Test
    void denseInputsKeepTheDensePath() {
        Random random = new Random(7);
        float[] a = sparse(random, 50 * 200, 0.2);
        float[] b = dense(random, 200 * 64);
        assertFalse(prefers(50, 64, 200, a, 0, 200, b, 0, 64));
    }

    /** {@code op(A) B} over whole row-major arrays, with the sparse path off, then on (one thread). */
    private static float[][] offAndOn(boolean transA, int m, int n, int k, float[] a, float[] b) {
        float[][] out = new float[2][m * n];
        for (int on = 0; on < 2; on++) {
            DriverF32.sparseEnabled = on == 1;
            DriverF32.gemm(transA, false, m, n, k, 1f, a, 0, transA ? m : k, b, 0, n, 0f, out[on], 0, n, 1);
        }
        return out;
    }

    private static boolean prefers(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb) {
        return SparseF32.prefer(false, m, n, k, a, aOff, lda, null, b, bOff, ldb, new int[GemmTuning.KC + KernelF32.L],
                new long[GemmTuning.KC / KernelF32.L + 1]);
    }

    private static float[] sparse(Random random, int n, double density) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < density) {
                x[i] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    private static float[] dense(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
