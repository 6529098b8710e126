package dev.vecnn.gradcheck;

import java.util.stream.Stream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference network's float64 gradient (every weight and bias) against finite differences,
 * relative error at most 1e-6: on random cases that shrink to a minimal failing network, and on
 * every activation x output kind x alpha x sample-weight combination.
 *
 * <p>Why 1e-6 is safe: the estimate's error is below about {@code 1e-7} relative (see
 * {@code FiniteDifferences}: rounding {@code 3 eps F / h} with the value accuracy eps of
 * {@link Checkable}, at most 1e-10, and {@code O(h^4)} truncation), and the analytic
 * gradient's rounding is of order {@code (rows + width) u}, about {@code 1e-14}. The self-test
 * shows real mistakes give relative errors near 1.
 */
class MlpGradientProperties {
    @Property
    void float64GradientMatchesFiniteDifferences(@ForAll("cases") NetworkCase c) {
        CheckOptions options = Checkable.options(c);
        Statistics.label("clipped or saturated output (left out)").collect(options == null);
        Assume.that(options != null);
        collect(c);
        Report r = check(c, options);
        Statistics.label("kinks met").collect(r.kinks().isEmpty() ? "none" : r.skipped() > 0 ? "skipped" : "step reduced");
    }

    @TestFactory
    Stream<DynamicTest> everyCombination() {
        return Combinations.all(Combinations.perCombination()).stream()
                .map(c -> DynamicTest.dynamicTest(c.activation() + " " + c.kind() + " alpha=" + c.alpha()
                        + " weighted=" + c.weighted() + " " + c.shape(), () -> check(c, Checkable.options(c))));
    }

    static Report check(NetworkCase c, CheckOptions options) {
        ReferenceMlp net = new ReferenceMlp(c, Precision.F64);
        Report r = GradientCheck.check(net.objective(), c.parameters(), options);
        assertTrue(r.passed(), () -> r + "reproduce with " + c);
        return r;
    }

    static void collect(NetworkCase c) {
        Statistics.label("activation").collect(c.activation());
        Statistics.label("output").collect(c.kind());
        Statistics.label("alpha").collect(c.alpha() > 0 ? "> 0" : "0");
        Statistics.label("sample weights").collect(c.weighted());
        Statistics.label("depth").collect(c.shape().hidden().size());
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return NetworkArbitraries.cases();
    }
}
