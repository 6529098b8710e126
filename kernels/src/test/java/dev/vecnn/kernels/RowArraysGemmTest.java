package dev.vecnn.kernels;

import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GEMM with A given as one array per row: exactly the bits of the flat call on a copy of the rows
 * (the same operations run, only A's addresses differ), in the fast path, the scalar twin and the
 * fused forward, for both B layouts and any thread count.
 */
class RowArraysGemmTest {
    @Provide
    Arbitrary<Integer> dim() {
        // 0, 1, primes, the float vector length +- 1 (16 here), the register tile (12 rows, 2
        // vectors) +- 1, KC +- 1, and widths past the in-place limit of 8 column tiles (packed A).
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 7, 11, 12, 13, 15, 17, 31, 33, 97, 257, 511, 513),
                Arbitraries.integers().between(0, 300));
    }

    @Property(tries = 150)
    void rowArraysGiveTheBitsOfTheFlatCopy(@ForAll("dim") int m, @ForAll("dim") int n, @ForAll("dim") int k,
                                           @ForAll boolean transB, @ForAll @IntRange(max = 3) int column,
                                           @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll long seed) {
        Random rnd = new Random(seed);
        // Rows of different lengths (at least column + k), as a jagged Java matrix may have.
        double[][] rows = new double[m][];
        double[] flat = new double[m * Math.max(1, k)];
        for (int i = 0; i < m; i++) {
            rows[i] = random(rnd, column + k + rnd.nextInt(3));
            System.arraycopy(rows[i], column, flat, i * Math.max(1, k), k);
        }
        int ldb = Math.max(1, transB ? k : n);
        double[] b = random(rnd, (transB ? n : k) * ldb);
        double[] c0 = random(rnd, m * Math.max(1, n));
        double[] bias = random(rnd, n);
        int ldc = Math.max(1, n);
        int lda = Math.max(1, k);
        float[][] rowsF = new float[m][];
        for (int i = 0; i < m; i++) {
            rowsF[i] = GemmCase.toFloat(rows[i]);
        }
        float[] flatF = GemmCase.toFloat(flat);
        float[] bF = GemmCase.toFloat(b);
        int previous = Gemm.threads();
        Gemm.setThreads(threads);
        try {
            float[] got = GemmCase.toFloat(c0);
            float[] want = GemmCase.toFloat(c0);
            Gemm.sgemm(transB, m, n, k, 0.75f, rowsF, column, bF, 0, ldb, 0.5f, got, 0, ldc);
            Gemm.sgemm(false, transB, m, n, k, 0.75f, flatF, 0, lda, bF, 0, ldb, 0.5f, want, 0, ldc);
            assertArrayEquals(want, got, "float fast path");

            got = GemmCase.toFloat(c0);
            want = GemmCase.toFloat(c0);
            ReferenceGemm.sgemm(transB, m, n, k, 0.75f, rowsF, column, bF, 0, ldb, 0.5f, got, 0, ldc);
            ReferenceGemm.sgemm(false, transB, m, n, k, 0.75f, flatF, 0, lda, bF, 0, ldb, 0.5f, want, 0, ldc);
            assertArrayEquals(want, got, "float scalar twin");

            float[] biasF = GemmCase.toFloat(bias);
            got = new float[m * ldc];
            want = new float[m * ldc];
            FusedGemm.sgemmBiasActivation(transB, m, n, k, rowsF, column, bF, 0, ldb, biasF, 0, Activation.TANH, 0f,
                    got, 0, ldc);
            FusedGemm.sgemmBiasActivation(false, transB, m, n, k, flatF, 0, lda, bF, 0, ldb, biasF, 0,
                    Activation.TANH, 0f, want, 0, ldc);
            assertArrayEquals(want, got, "float fused forward");

            double[] gotD = c0.clone();
            double[] wantD = c0.clone();
            Gemm.dgemm(transB, m, n, k, 0.75, rows, column, b, 0, ldb, 0.5, gotD, 0, ldc);
            Gemm.dgemm(false, transB, m, n, k, 0.75, flat, 0, lda, b, 0, ldb, 0.5, wantD, 0, ldc);
            assertArrayEquals(wantD, gotD, "double fast path");

            gotD = new double[m * ldc];
            wantD = new double[m * ldc];
            FusedGemm.dgemmBiasActivation(transB, m, n, k, rows, column, b, 0, ldb, bias, 0, Activation.RELU, 0,
                    gotD, 0, ldc);
            FusedGemm.dgemmBiasActivation(false, transB, m, n, k, flat, 0, lda, b, 0, ldb, bias, 0,
                    Activation.RELU, 0, wantD, 0, ldc);
            assertArrayEquals(wantD, gotD, "double fused forward");
        } finally {
            Gemm.setThreads(previous);
        }
    }

    @Example
    void badRowsNameTheArgumentAndLeaveCUntouched() {
        float[] b = new float[8];
        float[] c = {1, 2, 3, 4, 5, 6};
        float[] before = c.clone();
        expect("a must not be null", () -> Gemm.sgemm(false, 3, 2, 4, 1f, null, 0, b, 0, 2, 0f, c, 0, 2));
        expect("a has 2 rows, m is 3", () -> Gemm.sgemm(false, 3, 2, 4, 1f, new float[2][4], 0, b, 0, 2, 0f, c, 0, 2));
        expect("a[1] must not be null", () -> Gemm.sgemm(false, 3, 2, 4, 1f, new float[][] {new float[4], null,
                new float[4]}, 0, b, 0, 2, 0f, c, 0, 2));
        expect("a[2] is too short", () -> Gemm.sgemm(false, 3, 2, 4, 1f, new float[][] {new float[5], new float[5],
                new float[4]}, 1, b, 0, 2, 0f, c, 0, 2));
        expect("aColumn must be >= 0", () -> Gemm.sgemm(false, 3, 2, 4, 1f, new float[3][4], -1, b, 0, 2, 0f, c, 0,
                2));
        expect("c must not be one of the rows of a", () -> Gemm.sgemm(false, 1, 2, 4, 1f, new float[][] {c}, 0, b,
                0, 2, 0f, c, 0, 2));
        expect("b is too short", () -> FusedGemm.sgemmBiasActivation(false, 3, 2, 4, new float[3][4], 0,
                new float[7], 0, 2, null, 0, Activation.RELU, 0f, c, 0, 2));
        expect("bias is too short", () -> FusedGemm.sgemmBiasActivation(false, 3, 2, 4, new float[3][4], 0, b, 0,
                2, new float[1], 0, Activation.RELU, 0f, c, 0, 2));
        double[] cd = {1, 2, 3, 4, 5, 6};
        expect("a[0] is too short", () -> Gemm.dgemm(false, 3, 2, 4, 1, new double[3][3], 0, new double[8], 0, 2,
                0, cd, 0, 2));
        assertArrayEquals(before, c);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, cd);
    }

    private static void expect(String fragment, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '"
                + fragment + "'");
    }

    private static double[] random(Random rnd, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }
}
