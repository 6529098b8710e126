package dev.vecnn.kernels;

import java.util.Arrays;
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
 * {@code C = alpha op(A) op(B) + beta Z} ({@link FusedGemm#sgemmPlusScaled}): the bits of
 * {@link Gemm#sgemm} on a C that holds Z, whatever C held before (NaN here: it must not be read),
 * nothing outside C written; over every transpose, several k panels, partial tiles, offsets,
 * padded leading dimensions and 1 to 3 threads, in both precisions. Also Z given as C itself, the
 * k = 0 and alpha = 0 cases, and bad arguments.
 */
class PlusScaledGemmTest {
    private static final double OUTSIDE = 3.5;

    @Provide
    Arbitrary<Integer> dim() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 11, 12, 13, 17, 31, 33, 50, 100),
                Arbitraries.integers().between(1, 160));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 200, 513, 1030), Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Double> scalar() {
        return Arbitraries.of(0.0, 1.0, -1.0, 0.005, 1e-5 / 200, 2.5);
    }

    @Property(tries = 120)
    void plusScaledHasTheBitsOfGemmOnACopyOfZ(@ForAll("dim") int m, @ForAll("dim") int n, @ForAll("depth") int k,
                                             @ForAll boolean transA, @ForAll boolean transB,
                                             @ForAll("scalar") double alpha, @ForAll("scalar") double beta,
                                             @ForAll boolean useDouble, @ForAll @IntRange(min = 1, max = 3) int threads,
                                             @ForAll long seed) {
        Random rnd = new Random(seed);
        int lda = (transA ? m : k) + rnd.nextInt(3);
        int ldb = (transB ? k : n) + rnd.nextInt(3);
        int ldc = n + rnd.nextInt(3);
        int ldz = n + rnd.nextInt(3);
        int off = rnd.nextInt(4);
        double[] a = random(rnd, off + (transA ? k : m) * lda);
        double[] b = random(rnd, off + (transB ? n : k) * ldb);
        double[] z = random(rnd, off + m * ldz);
        int saved = Gemm.threads();
        Gemm.setThreads(threads);
        try {
            double[] fused = new double[off + m * ldc + 5];
            Arrays.fill(fused, OUTSIDE);
            for (int i = 0; i < m; i++) {
                Arrays.fill(fused, off + i * ldc, off + i * ldc + n, Double.NaN);
            }
            double[] plain = fused.clone();
            for (int i = 0; i < m; i++) {
                System.arraycopy(z, off + i * ldz, plain, off + i * ldc, n);
            }
            if (useDouble) {
                FusedGemm.dgemmPlusScaled(transA, transB, m, n, k, alpha, a, off, lda, b, off, ldb, beta, z, off, ldz,
                        fused, off, ldc);
                Gemm.dgemm(transA, transB, m, n, k, alpha, a, off, lda, b, off, ldb, beta, plain, off, ldc);
                assertArrayEquals(plain, fused);
            } else {
                float[] cf = GemmCase.toFloat(fused);
                float[] cp = GemmCase.toFloat(plain);
                FusedGemm.sgemmPlusScaled(transA, transB, m, n, k, (float) alpha, GemmCase.toFloat(a), off, lda,
                        GemmCase.toFloat(b), off, ldb, (float) beta, GemmCase.toFloat(z), off, ldz, cf, off, ldc);
                Gemm.sgemm(transA, transB, m, n, k, (float) alpha, GemmCase.toFloat(a), off, lda, GemmCase.toFloat(b),
                        off, ldb, (float) beta, cp, off, ldc);
                assertArrayEquals(cp, cf);
            }
        } finally {
            Gemm.setThreads(saved);
        }
    }

    @Example
    void zMayBeCItselfAndKZeroOrAlphaZeroScaleZ() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] c = {1, 1, 1, 1};
        // [1 2 3; 4 5 6] [7 8; 9 10; 11 12] = [58 64; 139 154]; plus 2 C.
        FusedGemm.sgemmPlusScaled(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 2f, c, 0, 2, c, 0, 2);
        assertArrayEquals(new float[] {60, 66, 141, 156}, c);
        float[] z = {1, 2, 3, 4};
        float[] out = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        FusedGemm.sgemmPlusScaled(false, false, 2, 2, 0, 1f, a, 0, 1, b, 0, 2, 0.5f, z, 0, 2, out, 0, 2);
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2}, out, "k = 0: C = beta Z");
        double[] zd = {1, 2, 3, 4};
        double[] outd = new double[4];
        FusedGemm.dgemmPlusScaled(false, false, 2, 2, 3, 0, GemmCase.toDouble(a), 0, 3, GemmCase.toDouble(b), 0, 2,
                0, zd, 0, 2, outd, 0, 2);
        assertArrayEquals(new double[4], outd, "alpha = 0, beta = 0: zeros");
    }

    @Example
    void badArgumentsNameTheArgumentAndLeaveCUntouched() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = {9, 9, 9, 9};
        float[] z = new float[4];
        expect("z must not be null",
                () -> FusedGemm.sgemmPlusScaled(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 1f, null, 0, 2, c, 0, 2));
        expect("z is too short",
                () -> FusedGemm.sgemmPlusScaled(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 1f, z, 1, 2, c, 0, 2));
        expect("ldz", () -> FusedGemm.sgemmPlusScaled(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 1f, z, 0, 1, c, 0, 2));
        float[] shared = new float[6];
        expect("c must not overlap z", () -> FusedGemm.sgemmPlusScaled(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2,
                1f, shared, 1, 2, shared, 0, 2));
        expect("lda", () -> FusedGemm.dgemmPlusScaled(false, false, 2, 2, 3, 1, new double[6], 0, 2, new double[6], 0,
                2, 1, new double[4], 0, 2, new double[4], 0, 2));
        assertArrayEquals(new float[] {9, 9, 9, 9}, c, "a rejected call must not write C");
    }

    private static void expect(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' should name " + fragment);
    }

    private static double[] random(Random rnd, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    /**
     * Signed zeros, which random values almost never produce: alpha -1 times a zero product with
     * beta 0, and k = 0 or alpha = 0 with beta -1 times a zero Z, each -0 from sgemm on a copy of
     * Z, and so from the fused form (the scalar fallback, which this class also runs under, added
     * a +0 and returned +0).
     */
    @Example
    void signedZerosAsGemm() {
        float[] zero = {0f};
        float[] one = {1f};
        float[][] cases = {{-1f, 0f, 1}, {1f, -1f, 0}, {0f, -1f, 1}}; // alpha, beta, k
        for (float[] t : cases) {
            int k = (int) t[2];
            float[] viaGemm = {0f};
            Gemm.sgemm(false, false, 1, 1, k, t[0], zero, 0, 1, one, 0, 1, t[1], viaGemm, 0, 1);
            float[] fused = {7f};
            FusedGemm.sgemmPlusScaled(false, false, 1, 1, k, t[0], zero, 0, 1, one, 0, 1, t[1], new float[] {0f}, 0,
                    1, fused, 0, 1);
            assertTrue(Float.floatToRawIntBits(viaGemm[0]) == Float.floatToRawIntBits(fused[0])
                    && Float.floatToRawIntBits(fused[0]) == Float.floatToRawIntBits(-0f),
                    "alpha " + t[0] + ", beta " + t[1] + ", k " + k + ": gemm " + viaGemm[0] + ", fused " + fused[0]);
            double[] viaGemmD = {0};
            Gemm.dgemm(false, false, 1, 1, k, t[0], new double[] {0}, 0, 1, new double[] {1}, 0, 1, t[1], viaGemmD,
                    0, 1);
            double[] fusedD = {7};
            FusedGemm.dgemmPlusScaled(false, false, 1, 1, k, t[0], new double[] {0}, 0, 1, new double[] {1}, 0, 1,
                    t[1], new double[] {0}, 0, 1, fusedD, 0, 1);
            assertTrue(Double.doubleToRawLongBits(fusedD[0]) == Double.doubleToRawLongBits(-0.0)
                    && Double.doubleToRawLongBits(viaGemmD[0]) == Double.doubleToRawLongBits(-0.0),
                    "double: gemm " + viaGemmD[0] + ", fused " + fusedD[0]);
        }
    }
}
