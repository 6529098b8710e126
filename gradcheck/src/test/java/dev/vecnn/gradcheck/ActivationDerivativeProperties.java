package dev.vecnn.gradcheck;

import java.util.SplittableRandom;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backward kernel {@code Activations.derivative} (delta *= f'(z), computed from the outputs
 * y) against finite differences of the forward kernel, element by element, on ragged lengths: the
 * function checked at element i is {@code t -> g_i f(t)}, evaluated by running the forward kernel
 * over the whole array with {@code z_i = t} (so element i goes through whichever SIMD body or tail
 * covers it), and its analytic derivative is element i of the backward kernel's output for upstream
 * delta g.
 *
 * <p>Value accuracy: the forward kernel is within 5 ulps (ElementwiseTolerance, double), at most
 * {@code 10 u} relative, and the product with g adds one rounding, so {@code 2^-49 = 16 u} bounds
 * it. Every seventh z is exactly 0: relu and leaky relu have their kink there, the checker must
 * skip those elements (and only those), and no element may exceed 1e-6 (a skipped element is
 * "nothing checked", which by itself is not a pass).
 */
class ActivationDerivativeProperties {
    private static final double VALUE_ACCURACY = 0x1p-49;

    @Property
    void derivativeMatchesFiniteDifferencesOfForward(@ForAll Activation activation, @ForAll("lengths") int n,
                                                     @ForAll @DoubleRange(min = 0.5, max = 6) double scale,
                                                     @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 7 == 3 ? 0 : scale * (2 * r.nextDouble() - 1);
            g[i] = 2 * r.nextDouble() - 1;
        }
        double[] y = z.clone();
        Activations.forward(activation, y, 0, n);
        double[] analytic = g.clone();
        Activations.derivative(activation, Activations.DEFAULT_LEAKY_SLOPE, y, analytic, 0, n);
        CheckOptions options = CheckOptions.defaults().withValueAccuracy(VALUE_ACCURACY);
        int skipped = 0;
        for (int i = 0; i < n; i++) {
            int at = i;
            Differentiable fi = (t, grad) -> {
                double[] work = z.clone();
                work[at] = t[0];
                Activations.forward(activation, work, 0, n);
                if (grad != null) {
                    grad[0] = analytic[at];
                }
                return g[at] * work[at];
            };
            Report report = GradientCheck.check(fi, new double[] {z[i]}, options);
            assertTrue(report.maxRelativeError() <= report.options().threshold(), () -> activation + " element " + at + " of " + n + " (z = " + z[at] + ", g = "
                    + g[at] + ", seed " + seed + ", scale " + scale + "):\n" + report);
            boolean kink = (activation == Activation.RELU || activation == Activation.LEAKY_RELU) && z[i] == 0;
            assertEquals(kink, report.skipped() == 1, () -> "kink at element " + at + " expected " + kink + ":\n" + report);
            skipped += (int) report.skipped();
        }
        Statistics.label("skipped at relu kinks").collect(skipped == 0 ? "none" : "some");
        Statistics.label("length mod 4").collect(n % 4);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return NetworkArbitraries.raggedLengths();
    }
}
