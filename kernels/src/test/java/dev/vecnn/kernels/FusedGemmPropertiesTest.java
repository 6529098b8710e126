package dev.vecnn.kernels;

import dev.vecnn.kernels.ElementwiseTolerance.Function;
import dev.vecnn.kernels.elementwise.ActivationScalarF32;
import dev.vecnn.kernels.elementwise.ActivationScalarF64;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fused equals unfused: {@link FusedGemm} against the plain {@link Gemm} followed by the bias add
 * and the scalar twin of the activation (or its derivative), for every epilogue, on ragged shapes.
 *
 * <p>The fused store sees exactly the values the plain GEMM would store (same micro-kernel, same
 * order, alpha 1 and beta 0 are exact; the bias add is one IEEE addition either way), so the only
 * difference left is the activation: vector against scalar twin, bounded by
 * {@link ElementwiseTolerance#vectorVersusTwin}. The derivative polynomials are the same on both
 * sides (0 ulps) except softplus', which goes through expm1, plus its final product (2 ulps).
 */
class FusedGemmPropertiesTest {
    private static final int L = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
    private static final double SLOPE = 0.03;

    @Provide
    Arbitrary<Integer> dim() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 7, 13, L - 1, L, L + 1, 2 * L + 1, 4 * L - 1, 11, 12, 25, 97),
                Arbitraries.integers().between(0, 150));
    }

    @Property(tries = 250)
    void fusedEqualsUnfused(@ForAll("dim") int m, @ForAll("dim") int n, @ForAll("dim") int k,
                           @ForAll boolean transA, @ForAll boolean transB, @ForAll Activation act,
                           @ForAll boolean forward, @ForAll boolean withBias, @ForAll boolean asFloat,
                           @ForAll @IntRange(max = 3) int offset, @ForAll @IntRange(max = 1000) int seed) {
        Statistics.label("epilogue").collect(forward ? "bias+activation" : "activation derivative");
        Statistics.label("n % L").collect(n % L == 0 ? "full" : "ragged");
        GemmCase g = GemmCase.random(transA, transB, m, n, k, 1, 0, offset, 1 + seed % 3, seed);
        double[] bias = withBias ? random(offset + n, seed + 1, 1) : null;
        // Outputs of an activation, the Z a backward step reads.
        double[] z = random(offset + m * Math.max(1, n), seed + 2, 3);
        ActivationScalarF64.forward(act, SLOPE, z, 0, z.length);
        double ulps = forward ? activationUlps(act, asFloat)
                : act == Activation.SOFTPLUS ? ElementwiseTolerance.vectorVersusTwin(Function.EXP, asFloat) + 2 : 0;
        double[] got = asFloat ? fusedFloat(g, bias, z, act, forward, offset) : fusedDouble(g, bias, z, act, forward, offset);
        double[] want = unfused(g, bias, z, act, forward, offset, asFloat);
        ActivationsTest.assertClose(got, want, ulps, asFloat, g + " " + act + (forward ? " forward" : " backward"));
    }

    @Test
    void kZeroGivesTheEpilogueOfZero() {
        float[] c = new float[6];
        Arrays.fill(c, Float.NaN);
        FusedGemm.sgemmBiasActivation(false, false, 2, 3, 0, new float[0], 0, 1, new float[0], 0, 3,
                new float[] {-1, 0, 2}, 0, Activation.RELU, 0, c, 0, 3);
        assertArrayEquals(new float[] {0, 0, 2, 0, 0, 2}, c);
    }

    @Test
    void badArgumentsNameTheArgumentAndLeaveCUntouched() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        Arrays.fill(c, 7);
        float[] before = c.clone();
        expect("bias is too short", () -> FusedGemm.sgemmBiasActivation(false, false, 2, 2, 3, a, 0, 3, b, 0, 2,
                new float[1], 0, Activation.TANH, 0, c, 0, 2));
        expect("activation must not be null", () -> FusedGemm.sgemmBiasActivation(false, false, 2, 2, 3, a, 0, 3,
                b, 0, 2, null, 0, null, 0, c, 0, 2));
        expect("slope", () -> FusedGemm.sgemmBiasActivation(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, null, 0,
                Activation.LEAKY_RELU, -1, c, 0, 2));
        expect("z is too short", () -> FusedGemm.sgemmActivationDerivative(false, false, 2, 2, 3, a, 0, 3, b, 0, 2,
                Activation.TANH, 0, new float[3], 0, 2, c, 0, 2));
        expect("c must not overlap z", () -> FusedGemm.sgemmActivationDerivative(false, false, 2, 2, 3, a, 0, 3,
                b, 0, 2, Activation.TANH, 0, c, 0, 2, c, 0, 2));
        expect("ldc", () -> FusedGemm.dgemmBiasActivation(false, false, 2, 2, 3, new double[6], 0, 3,
                new double[6], 0, 2, null, 0, Activation.RELU, 0, new double[4], 0, 1));
        // the bias would be read after rows of C overwrote it
        expect("c must not overlap bias", () -> FusedGemm.sgemmBiasActivation(false, false, 2, 2, 3, a, 0, 3, b, 0,
                2, c, 2, Activation.IDENTITY, 0, c, 0, 2));
        float[][] rows = {new float[3], new float[3]};
        expect("c must not overlap bias", () -> FusedGemm.sgemmBiasActivation(false, 2, 2, 3, rows, 0, b, 0, 2, c,
                1, Activation.IDENTITY, 0, c, 0, 2));
        assertArrayEquals(before, c);
    }

    private static double activationUlps(Activation act, boolean asFloat) {
        return switch (act) {
            case LOGISTIC -> ElementwiseTolerance.vectorVersusTwin(Function.LOGISTIC, asFloat);
            case TANH -> ElementwiseTolerance.vectorVersusTwin(Function.TANH, asFloat);
            case SOFTPLUS -> ElementwiseTolerance.vectorVersusTwin(Function.SOFTPLUS, asFloat);
            case IDENTITY, RELU, LEAKY_RELU -> 0;
        };
    }

    private static double[] fusedFloat(GemmCase g, double[] bias, double[] z, Activation act, boolean forward, int off) {
        float[] c = GemmCase.toFloat(g.c0());
        float[] a = GemmCase.toFloat(g.a());
        float[] b = GemmCase.toFloat(g.b());
        if (forward) {
            FusedGemm.sgemmBiasActivation(g.transA(), g.transB(), g.m(), g.n(), g.k(), a, g.aOff(), g.lda(), b, g.bOff(),
                    g.ldb(), bias == null ? null : GemmCase.toFloat(bias), off, act, (float) SLOPE, c, g.cOff(), g.ldc());
        } else {
            FusedGemm.sgemmActivationDerivative(g.transA(), g.transB(), g.m(), g.n(), g.k(), a, g.aOff(), g.lda(), b,
                    g.bOff(), g.ldb(), act, (float) SLOPE, GemmCase.toFloat(z), off, Math.max(1, g.n()), c, g.cOff(), g.ldc());
        }
        return GemmCase.toDouble(c);
    }

    private static double[] fusedDouble(GemmCase g, double[] bias, double[] z, Activation act, boolean forward, int off) {
        double[] c = g.c0().clone();
        if (forward) {
            FusedGemm.dgemmBiasActivation(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.a(), g.aOff(), g.lda(), g.b(),
                    g.bOff(), g.ldb(), bias, off, act, SLOPE, c, g.cOff(), g.ldc());
        } else {
            FusedGemm.dgemmActivationDerivative(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.a(), g.aOff(), g.lda(),
                    g.b(), g.bOff(), g.ldb(), act, SLOPE, z, off, Math.max(1, g.n()), c, g.cOff(), g.ldc());
        }
        return c;
    }

    /** The plain fast GEMM (alpha 1, beta 0), then bias and the scalar twin element by element. */
    private static double[] unfused(GemmCase g, double[] bias, double[] z, Activation act, boolean forward, int off,
                                    boolean asFloat) {
        GemmCase plain = new GemmCase(g.transA(), g.transB(), g.m(), g.n(), g.k(), 1, 0, g.aOff(), g.lda(), g.bOff(),
                g.ldb(), g.cOff(), g.ldc(), g.a(), g.b(), g.c0());
        double[] c = asFloat ? plain.runFloat(true) : plain.runDouble(true);
        int ldz = Math.max(1, g.n());
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                int ci = g.cOff() + i * g.ldc() + j;
                int zi = off + i * ldz + j;
                if (asFloat) {
                    float x = (float) c[ci];
                    c[ci] = forward
                            ? ActivationScalarF32.apply(act, (float) SLOPE, bias == null ? x : x + (float) bias[off + j])
                            : ActivationScalarF32.derivative(act, (float) SLOPE, (float) z[zi], x);
                } else {
                    double x = c[ci];
                    c[ci] = forward
                            ? ActivationScalarF64.apply(act, SLOPE, bias == null ? x : x + bias[off + j])
                            : ActivationScalarF64.derivative(act, SLOPE, z[zi], x);
                }
            }
        }
        return c;
    }

    private static double[] random(int n, long seed, double scale) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        return x;
    }

    private static void expect(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' should name " + fragment);
    }
}
