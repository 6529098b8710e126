package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.nn.random.RandomState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prediction methods fold the NaN / infinity check of X into the first layer when that layer
 * narrows (see {@code NetworkF32.predictIfFinite}): the same inputs must be rejected with the same
 * message as by the separate scan, and finite inputs, even ones whose products overflow, must give
 * the bits of the path that scans X first (reached here through inputs in the other precision,
 * which are converted, and so checked, before the product).
 */
class PredictInputCheckTest {
    private static final int ROWS = 40;
    private static final int FEATURES = 23;

    private static double[][] inputs(long seed) {
        RandomState r = new RandomState(seed);
        double[][] x = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            x[i] = r.uniform(-1, 1, FEATURES);
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = (float) x[i][j];
            }
        }
        return x;
    }

    private static float[][] toFloat(double[][] x) {
        float[][] f = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return f;
    }

    private static Integer[] labels(double[][] x) {
        Integer[] y = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] + x[i][1] > 0 ? 1 : x[i][2] > 0 ? 2 : 0;
        }
        return y;
    }

    /** A model with a first layer of {@code hidden} units, in float32 when {@code float32}. */
    private static MLPClassifier<Integer> fitted(Activation activation, int hidden, boolean float32) {
        double[][] x = inputs(1);
        MLPClassifier<Integer> clf = new MLPClassifier<>(MLPParams.builder().hiddenLayerSizes(hidden, 3)
                .activation(activation).randomState(4).maxIter(5).build());
        return float32 ? clf.fit(toFloat(x), labels(x)) : clf.fit(x, labels(x));
    }

    private static void assertRejected(MLPClassifier<Integer> clf, double[][] x, String expected) {
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> clf.predictProba(x));
        assertTrue(d.getMessage().contains(expected), d.getMessage() + " should contain " + expected);
        float[][] f = toFloat(x);
        for (String name : List.of("predictProba", "predict")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> {
                        if (name.equals("predict")) {
                            clf.predict(f);
                        } else {
                            clf.predictProba(f);
                        }
                    });
            assertEquals(d.getMessage(), e.getMessage(), name);
        }
    }

    @Test
    void nanAndInfinitiesAreNamedByRowAndColumnWhateverTheFirstLayer() {
        for (boolean float32 : new boolean[] {false, true}) {
            for (Activation activation : Activation.values()) {
                // 5 < 23 features: the check is folded into the first layer; 30 > 23: X is scanned.
                for (int hidden : new int[] {5, 30}) {
                    MLPClassifier<Integer> clf = fitted(activation, hidden, float32);
                    double[][] before = clf.coefs();
                    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                    for (double v : bad) {
                        double[][] x = inputs(2);
                        x[7][5] = v;
                        // A later bad value must not be the one reported.
                        x[9][0] = Double.NaN;
                        String what = Double.isNaN(v) ? "NaN" : "infinity";
                        assertRejected(clf, x, "contains " + what + " at row 7, column 5");
                    }
                    double[][] last = inputs(3);
                    last[ROWS - 1][FEATURES - 1] = Double.NEGATIVE_INFINITY;
                    assertRejected(clf, last, "contains infinity at row " + (ROWS - 1) + ", column " + (FEATURES - 1));
                    assertArrayEquals(before, clf.coefs(), activation + " " + hidden);
                }
            }
        }
    }

    @Test
    void finiteInputsGiveTheBitsOfThePathThatScansFirst() {
        for (Activation activation : Activation.values()) {
            MLPClassifier<Integer> f32 = fitted(activation, 5, true);
            MLPClassifier<Integer> f64 = fitted(activation, 5, false);
            double[][] x = inputs(5);
            float[][] xf = toFloat(x);
            // float rows reach a float model in place (folded check); double rows are converted first.
            assertArrayEquals(f32.predictProba(x), f32.predictProba(xf), activation + " float32");
            assertArrayEquals(f64.predictProba(xf), f64.predictProba(x), activation + " float64");
        }
    }

    @Test
    void overflowingProductsAreNotMistakenForBadInput() {
        MLPClassifier<Integer> clf = fitted(Activation.RELU, 5, true);
        double[][] x = inputs(6);
        double[] w = clf.coefs()[0];
        for (int j = 0; j < FEATURES; j++) {
            x[4][j] = j % 2 == 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
            // Every term of unit 0's sum has the weight's sign.
            x[11][j] = w[j * 5] >= 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
        }
        // Row 11's pre-activations, in double: at least one is beyond float range, so the float
        // product overflows and the folded check has to fall back to scanning X.
        double[] b = clf.intercepts()[0];
        boolean overflows = false;
        for (int h = 0; h < 5; h++) {
            double z = b[h];
            for (int j = 0; j < FEATURES; j++) {
                z += x[11][j] * w[j * 5 + h];
            }
            overflows |= Math.abs(z) > Float.MAX_VALUE;
        }
        assertTrue(overflows, "the test needs an overflowing pre-activation");
        float[][] xf = toFloat(x);
        double[][] folded = clf.predictProba(xf);
        assertArrayEquals(clf.predictProba(x), folded);
        assertEquals(ROWS, clf.predict(xf).size());
    }
}
