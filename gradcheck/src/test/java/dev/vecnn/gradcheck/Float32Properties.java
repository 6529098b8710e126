package dev.vecnn.gradcheck;

import java.util.List;

import dev.vecnn.kernels.Activation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float32 network's gradient agrees with the float64 one within {@link Float32Bound}: the
 * reference MLP's and nn's own network (the one the estimators train).
 */
class Float32Properties {
    @Property
    void float32GradientWithinDerivedBound(@ForAll("cases") NetworkCase c) {
        withinBound(c, new ReferenceMlp(c, Precision.F64)::evaluate, new ReferenceMlp(c, Precision.F32)::evaluate);
    }

    /**
     * The same bound for the network the estimators train: nn's float network (fused float
     * kernels: FMA products, vector exp/tanh within 5 ulps, fixed summation orders) against its
     * double network. The analysis above holds for any summation order and for FMA.
     */
    @Property
    void nnFloat32GradientWithinDerivedBound(@ForAll("nnCases") NetworkCase c) {
        withinBound(c, NnNetworkObjective.of(c), NnNetworkObjective.float32(c));
    }

    private static void withinBound(NetworkCase c, Differentiable f64, Differentiable f32) {
        Float32Bound bound = new Float32Bound(c);
        boolean kink = bound.nearKink();
        Statistics.label("relu pre-activation within rounding of 0 (left out)").collect(kink);
        Assume.that(!kink);
        double[] params = c.parameters();
        double[] g64 = new double[params.length];
        double[] g32 = new double[params.length];
        f64.evaluate(params, g64);
        // The bound assumes no float32 overflow. A Poisson output exp(z) with large z can exceed the
        // float range while double copes (seen: gradients of 7e49): such a case says nothing about
        // rounding. Products of two values below sqrt(Float.MAX_VALUE) cannot overflow.
        boolean inRange = true;
        for (double g : g64) {
            inRange &= Math.abs(g) <= Math.sqrt(Float.MAX_VALUE);
        }
        Statistics.label("beyond the float32 range (left out)").collect(!inRange);
        Assume.that(inRange);
        f32.evaluate(params, g32);
        double[] tol = bound.tolerance();
        ParameterLayout layout = c.layout();
        double worstShare = 0;
        for (int i = 0; i < params.length; i++) {
            double diff = Math.abs(g32[i] - g64[i]);
            int at = i;
            assertTrue(diff <= tol[i], () -> String.format("%s: float32 %.9g, float64 %.17g, |diff| %.3e > bound %.3e "
                    + "(c = %.0f)%nreproduce with %s", layout.name(at), g32[at], g64[at], diff, tol[at], bound.constant(), c));
            worstShare = Math.max(worstShare, tol[i] == 0 ? 0 : diff / tol[i]);
        }
        Statistics.label("worst |diff| / bound").collect(worstShare < 0.01 ? "< 1%" : worstShare < 0.1 ? "1-10%" : "10-100%");
    }

    /** The bound is not vacuous: a float32 gradient with its sign flipped breaks it. */
    @Test
    void wrongFloat32GradientBreaksTheBound() {
        NetworkCase c = new NetworkCase(new NetworkShape(3, List.of(4, 3), 2), Activation.TANH, OutputKind.MULTICLASS,
                0.01, true, 5, 1, 1, 42);
        double[] params = c.parameters();
        double[] g64 = new double[params.length];
        double[] g32 = new double[params.length];
        new ReferenceMlp(c, Precision.F64).evaluate(params, g64);
        new ReferenceMlp(c, Precision.F32, Bug.SIGN_FLIP).evaluate(params, g32);
        double[] tol = new Float32Bound(c).tolerance();
        int broken = 0;
        for (int i = 0; i < params.length; i++) {
            broken += Math.abs(g32[i] - g64[i]) > tol[i] ? 1 : 0;
        }
        assertTrue(broken > params.length / 2, "only " + broken + " of " + params.length + " coordinates broke the bound");
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return NetworkArbitraries.cases();
    }

    @Provide
    Arbitrary<NetworkCase> nnCases() {
        return NetworkArbitraries.cases().filter(c -> NnNetworkObjective.supports(c.activation()));
    }
}
