package dev.vecnn.gradcheck;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import dev.vecnn.kernels.FusedGemm;
import dev.vecnn.kernels.Gemm;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused backward kernel {@code FusedGemm.dgemmActivationDerivative} against finite
 * differences of its forward counterpart. For pre-activations P (m x n), weights W (n x q) and a
 * fixed upstream gradient G (m x q), the loss {@code L(P) = sum(G * (f(P) W))} (forward kernels:
 * {@code Activations.forward}, then {@code Gemm}) has the gradient
 * {@code dL/dP = (G W^T) * f'(P)}, which is exactly what the fused kernel computes from the stored
 * outputs {@code Z = f(P)} in one NT product. Widths n are ragged around the vector width, so the
 * masked tails of the fused store are covered; relu's kinks are handled by the checker.
 */
class FusedBackwardProperties {
    @Property
    void fusedDeltaIsTheGradientOfTheForwardPass(@ForAll Activation activation,
                                                 @ForAll @IntRange(min = 1, max = 3) int m,
                                                 @ForAll("widths") int n,
                                                 @ForAll @IntRange(min = 1, max = 9) int q,
                                                 @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = uniform(r, m * n, 3);
        double[] w = uniform(r, n * q, 1);
        double[] g = uniform(r, m * q, 1);
        double slope = Activations.DEFAULT_LEAKY_SLOPE;
        Differentiable loss = (x, grad) -> {
            double[] z = x.clone();
            Activations.forward(activation, slope, z, 0, z.length);
            double[] t = new double[m * q];
            Gemm.dgemm(m, q, n, z, w, t);
            double value = 0;
            for (int i = 0; i < t.length; i++) {
                value += g[i] * t[i];
            }
            if (grad != null) {
                FusedGemm.dgemmActivationDerivative(false, true, m, n, q, g, 0, q, w, 0, q,
                        activation, slope, z, 0, n, grad, 0, n);
            }
            return value;
        };
        Report report = GradientCheck.check(loss, p, CheckOptions.defaults());
        Statistics.label("n % 8").collect(n % 8 == 0 ? "full vectors" : "ragged");
        assertTrue(report.passed(), () -> activation + ", m = " + m + ", n = " + n + ", q = " + q
                + ", seed " + seed + ":\n" + report);
    }

    @Provide
    Arbitrary<Integer> widths() {
        return NetworkArbitraries.raggedLengths();
    }

    private static double[] uniform(SplittableRandom r, int length, double scale) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = scale * (2 * r.nextDouble() - 1);
        }
        return x;
    }
}
