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
 * The MLP the estimators train ({@code dev.vecnn.nn.layer.NetworkF64}): its float64 gradient of
 * every weight and bias against finite differences, relative error at most 1e-6, for every
 * scikit-learn hidden activation x output kind x alpha in {0, > 0} x with or without sample
 * weights, and on random cases that shrink to a minimal failing network. The value accuracy of
 * each case is derived as in {@link MlpGradientProperties} (same objective, same bound).
 */
class NnNetworkGradientProperties {
    @Property
    void nnGradientMatchesFiniteDifferences(@ForAll("cases") NetworkCase c) {
        Assume.that(NnNetworkObjective.supports(c.activation()));
        CheckOptions options = Checkable.options(c);
        Statistics.label("clipped or saturated output (left out)").collect(options == null);
        Assume.that(options != null);
        MlpGradientProperties.collect(c);
        check(c, options);
    }

    @TestFactory
    Stream<DynamicTest> everyCombination() {
        return Combinations.all(Combinations.perCombination()).stream()
                .filter(c -> NnNetworkObjective.supports(c.activation()))
                .map(c -> DynamicTest.dynamicTest(c.activation() + " " + c.kind() + " alpha=" + c.alpha()
                        + " weighted=" + c.weighted() + " " + c.shape(), () -> check(c, Checkable.options(c))));
    }

    private static void check(NetworkCase c, CheckOptions options) {
        Report r = GradientCheck.check(NnNetworkObjective.of(c), c.parameters(), options);
        assertTrue(r.passed(), () -> r + "reproduce with " + c);
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return NetworkArbitraries.cases();
    }
}
