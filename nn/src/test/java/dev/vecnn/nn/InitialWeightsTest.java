package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.nn.random.RandomState;
import dev.vecnn.nn.reference.Matrix;
import dev.vecnn.nn.reference.ReferenceCases;
import dev.vecnn.nn.reference.SeededCase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same seed draws the same initial weights as scikit-learn, bit for bit. */
class InitialWeightsTest {

    static Stream<SeededCase> seeded() {
        List<SeededCase> cases = ReferenceCases.loadAll(SeededCase.class);
        assertTrue(!cases.isEmpty(), "no seeded cases in " + ReferenceCases.directory());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeded")
    void seededCaseWeightsAreSklearnsDraws(SeededCase c) {
        Map<String, Object> params = c.params();
        Activation activation = Activation.fromSklearnName((String) params.get("activation"));
        int[] units = new int[c.initCoefs().size() + 1];
        units[0] = c.header().x().cols();
        int[] hidden = MLPParams.defaults().withParams(
                Map.of("hidden_layer_sizes", params.get("hidden_layer_sizes"))).hiddenLayerSizes();
        System.arraycopy(hidden, 0, units, 1, hidden.length);
        units[units.length - 1] = c.header().outputUnits();

        InitialWeights w = InitialWeights.draw(new RandomState(c.randomState()), units, activation);

        assertEquals(c.initCoefs().size(), w.layers());
        for (int layer = 0; layer < w.layers(); layer++) {
            Matrix expected = c.initCoefs().get(layer);
            assertEquals(units[layer], expected.rows(), "fan_in of layer " + layer);
            assertEquals(units[layer + 1], expected.cols(), "fan_out of layer " + layer);
            assertBitwise(expected.data(), w.coef(layer), c.id() + " coefs[" + layer + "]");
            assertBitwise(c.initIntercepts().get(layer), w.intercept(layer),
                    c.id() + " intercepts[" + layer + "]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeded")
    void everyDrawIsInsideTheGlorotBound(SeededCase c) {
        Activation activation = Activation.fromSklearnName((String) c.params().get("activation"));
        int[] units = c.layerUnits();
        for (int layer = 0; layer + 1 < units.length; layer++) {
            double b = InitialWeights.bound(units[layer], units[layer + 1], activation);
            for (double v : c.initCoefs().get(layer).data()) {
                assertTrue(v >= -b && v < b, v + " outside [-" + b + ", " + b + ")");
            }
        }
    }

    private static void assertBitwise(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + "[" + i + "]: sklearn " + expected[i] + ", ours " + actual[i]);
        }
    }
}
