package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.nn.data.Dataset;
import dev.vecnn.nn.data.Datasets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * startFrom, the public form of scikit-learn's assigning coefs_ and intercepts_ before a fit:
 * the fit starts from exactly those weights (so the random state no longer matters without
 * shuffling), a shape the network does not have is refused before training with the estimator
 * unchanged, and bad arrays are refused at once.
 */
class StartFromTest {
    private static final Dataset IRIS = Datasets.iris();

    private static MLPClassifier<Integer> sgd(int seed) {
        return new MLPClassifier<>(MLPParams.builder().hiddenLayerSizes(5).solver(Solver.SGD).shuffle(false)
                .maxIter(3).randomState(seed).build());
    }

    /** Iris' 4 features, 5 hidden units, 3 classes: weights 4x5 and 5x3, filled with a pattern. */
    private static double[][] coefs() {
        double[][] c = {new double[20], new double[15]};
        for (double[] layer : c) {
            for (int j = 0; j < layer.length; j++) {
                layer[j] = 0.1 * Math.sin(j + layer.length);
            }
        }
        return c;
    }

    private static double[][] intercepts() {
        return new double[][] {{0.01, -0.02, 0.03, 0, 0.05}, {0.1, 0, -0.1}};
    }

    @Test
    void theFitStartsFromTheGivenWeights() {
        double[][] x = IRIS.xRows();
        Integer[] y = IRIS.boxedLabels();
        MLPClassifier<Integer> a = sgd(1).startFrom(coefs(), intercepts()).fit(x, y);
        MLPClassifier<Integer> b = sgd(2).startFrom(coefs(), intercepts()).fit(x, y);
        assertArrayEquals(a.coefs(), b.coefs(), "only the initial weights differ between seeds without shuffling");
        assertNotEquals(Arrays.deepToString(a.coefs()), Arrays.deepToString(sgd(1).fit(x, y).coefs()));
        // Consumed by that fit: the next fit without warm start draws its weights again.
        assertArrayEquals(sgd(1).fit(x, y).coefs(), a.fit(x, y).coefs());
    }

    @Test
    void aShapeTheNetworkDoesNotHaveIsRefusedBeforeTraining() {
        double[][] x = IRIS.xRows();
        Integer[] y = IRIS.boxedLabels();
        MLPClassifier<Integer> fitted = sgd(1).fit(x, y);
        double[][] before = fitted.coefs();
        double[][] wide = {new double[24], new double[18]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitted.startFrom(wide, new double[][] {new double[6], new double[3]}).fit(x, y));
        assertTrue(e.getMessage().contains("the network needs 20 (4 x 5)"), e.getMessage());
        assertArrayEquals(before, fitted.coefs());
        IllegalArgumentException layers = assertThrows(IllegalArgumentException.class,
                () -> sgd(1).startFrom(new double[][] {new double[20]}, new double[][] {new double[5]}).fit(x, y));
        assertTrue(layers.getMessage().contains("the network has 2"), layers.getMessage());
    }

    @Test
    void badArraysAreRefusedAtOnce() {
        MLPClassifier<Integer> clf = sgd(1);
        double[][] nan = coefs();
        nan[1][4] = Double.NaN;
        for (Runnable call : new Runnable[] {
            () -> clf.startFrom(null, intercepts()),
            () -> clf.startFrom(coefs(), null),
            () -> clf.startFrom(new double[][] {null, new double[15]}, intercepts()),
            () -> clf.startFrom(nan, intercepts()),
            () -> clf.startFrom(coefs(), new double[][] {{0, 0, 0, 0, 0}}),
            () -> clf.startFrom(new double[0][], new double[0][]),
        }) {
            assertThrows(IllegalArgumentException.class, call::run);
        }
    }
}
