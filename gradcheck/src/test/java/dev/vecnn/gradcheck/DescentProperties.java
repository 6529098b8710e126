package dev.vecnn.gradcheck;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small step along the negative gradient lowers the loss, for smooth hidden activations: some
 * step {@code t = 2^-j} satisfies Armijo's condition {@code L(w - t g) <= L(w) - c1 t |g|^2}
 * (c1 = 1e-4). For smooth L, Taylor gives {@code L(w - t g) = L - t |g|^2 + O(t^2)}, so every
 * small enough t does. The search stops at the t where the promised decrease {@code c1 t |g|^2}
 * falls to four times the rounding of L (its value accuracy from {@link Checkable}, twice for the
 * two values compared): below it a decrease could not be told from noise, and a gradient that
 * small is left out, as are clipped or saturated outputs. The network is nn's (the one the
 * estimators train) wherever nn offers the activation.
 */
class DescentProperties {
    private static final double C1 = 1e-4;

    @Property
    void stepAlongNegativeGradientLowersLoss(@ForAll("cases") NetworkCase c) {
        CheckOptions options = Checkable.options(c);
        Statistics.label("clipped or saturated output (left out)").collect(options == null);
        Assume.that(options != null);
        // nn's own network (the estimators') for the activations it offers; the reference MLP for
        // softplus, which only the kernels have.
        boolean nn = NnNetworkObjective.supports(c.activation());
        Statistics.label("network").collect(nn ? "nn NetworkF64" : "reference MLP");
        Differentiable net = nn ? NnNetworkObjective.of(c) : new ReferenceMlp(c, Precision.F64)::evaluate;
        double[] w = c.parameters();
        double[] g = new double[w.length];
        double loss = net.evaluate(w, g);
        double gg = 0;
        for (double v : g) {
            gg += v * v;
        }
        double smallest = 4 * options.valueAccuracy() * Math.abs(loss) / (C1 * gg);
        Assume.that(smallest < 1);
        double[] moved = new double[w.length];
        for (double t = 1; t >= smallest; t /= 2) {
            for (int i = 0; i < w.length; i++) {
                moved[i] = w[i] - t * g[i];
            }
            if (net.evaluate(moved, null) <= loss - C1 * t * gg) {
                Statistics.label("accepted step").collect(t >= 0.25 ? ">= 1/4" : t >= 1e-3 ? "1/4 .. 1e-3" : "< 1e-3");
                return;
            }
        }
        assertTrue(false, "no step down to " + smallest + " lowered the loss " + loss + "; |g|^2 = " + gg
                + "\nreproduce with " + c);
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return NetworkArbitraries.cases(NetworkArbitraries.smoothActivations());
    }
}
