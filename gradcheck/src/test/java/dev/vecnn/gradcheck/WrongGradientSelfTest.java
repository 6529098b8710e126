package dev.vecnn.gradcheck;

import java.util.List;

import dev.vecnn.kernels.Activation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checker catches real mistakes: the reference network with a deliberate {@link Bug} fails the
 * check, with a relative error far above the threshold, on every case where the bug changes the
 * gradient measurably (a missing mean needs a weight sum other than 1, a derivative from the input
 * needs an activation whose derivative is not a function of the sign alone, a scaling by the
 * outputs needs more than one output). Cases are checked as the properties check them, with the
 * value accuracy of {@link Checkable}, and clipped or saturated ones are left out as there. On the fixed network every bug must also give a relative
 * error above 1e-3, a thousand times the threshold.
 */
class WrongGradientSelfTest {
    @ParameterizedTest
    @EnumSource(value = Bug.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void eachBugIsReportedOnAFixedNetwork(Bug bug) {
        NetworkCase c = new NetworkCase(new NetworkShape(3, List.of(4, 3), 2), Activation.TANH, OutputKind.MULTICLASS,
                0.01, true, 5, 1, 1, 42);
        assertCaught(c, bug, Checkable.options(c));
        Report r = GradientCheck.check(new ReferenceMlp(c, Precision.F64, bug).objective(), c.parameters(),
                Checkable.options(c));
        assertTrue(r.maxRelativeError() > 1e3 * r.options().threshold(), () -> bug + " barely caught:\n" + r);
    }

    @Property
    void everyBugIsReportedWhereItMatters(@ForAll("cases") NetworkCase c, @ForAll Bug bug) {
        CheckOptions options = Checkable.options(c);
        Assume.that(bug != Bug.NONE && options != null && matters(c, bug));
        Statistics.label("bug").collect(bug);
        assertCaught(c, bug, options);
    }

    private static void assertCaught(NetworkCase c, Bug bug, CheckOptions options) {
        double[] params = c.parameters();
        ReferenceMlp wrong = new ReferenceMlp(c, Precision.F64, bug);
        Report r = GradientCheck.check(wrong.objective(), params, options);
        assertFalse(r.passed(), () -> bug + " was not caught:\n" + r + "case " + c);
        assertTrue(r.toString().contains("FAILED") && r.toString().contains(r.worst(1).get(0).name()), r::toString);
    }

    /**
     * Whether the bug moves some coordinate of the gradient by more than ten times the threshold,
     * relative (else no check at that threshold can see it, for example a derivative from the
     * input of tanh where every |z| is tiny, since tanh z ~ z there).
     */
    private static boolean matters(NetworkCase c, Bug bug) {
        double[] params = c.parameters();
        double[] right = new double[params.length];
        double[] wrong = new double[params.length];
        new ReferenceMlp(c, Precision.F64).evaluate(params, right);
        new ReferenceMlp(c, Precision.F64, bug).evaluate(params, wrong);
        double worst = 0;
        for (int i = 0; i < params.length; i++) {
            double size = Math.abs(right[i]) + Math.abs(wrong[i]);
            worst = Math.max(worst, size == 0 ? 0 : Math.abs(right[i] - wrong[i]) / size);
        }
        return worst > 10 * CheckOptions.DEFAULT_THRESHOLD;
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return NetworkArbitraries.cases();
    }
}
