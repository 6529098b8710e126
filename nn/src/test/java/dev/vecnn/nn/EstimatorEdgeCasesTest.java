package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.nn.data.Dataset;
import dev.vecnn.nn.data.Datasets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where scikit-learn (and the scipy L-BFGS-B it calls) decides an edge case in a way that is easy to
 * get wrong: the order of L-BFGS's stopping tests, its precision, labels numpy treats as equal, a
 * parameter changed after fitting, and calls that fail part way and must leave the estimator as
 * it was.
 */
class EstimatorEdgeCasesTest {
    private static final Dataset IRIS = Datasets.iris();

    private static MLPParams.Builder lbfgs() {
        return MLPParams.builder().hiddenLayerSizes(6).randomState(0).solver(Solver.LBFGS);
    }

    private static MLPClassifier<Integer> fit(MLPParams p) {
        return new MLPClassifier<Integer>(p).fit(IRIS.xRows(), IRIS.boxedLabels());
    }

    /**
     * scipy 1.10 tests {@code nfev > maxfun} only once an iteration is complete and never cuts a
     * line search short, so even max_fun = 1 gets one iteration (scikit-learn 1.2.1: n_iter_ 1 and
     * a ConvergenceWarning with status 1).
     */
    @Test
    void lbfgsRunsWholeIterationsUntilTheEvaluationsExceedMaxFun() {
        MLPClassifier<Integer> one = fit(lbfgs().maxIter(100).maxFun(1).build());
        assertEquals(1, one.nIter());
        assertEquals(1, one.convergenceWarnings().size());
        assertTrue(one.convergenceWarnings().get(0).contains("status=1")
                && one.convergenceWarnings().get(0).contains("EXCEEDS LIMIT"), one.convergenceWarnings().toString());
        MLPClassifier<Integer> unlimited = fit(lbfgs().maxIter(1).build());
        assertEquals(unlimited.loss(), one.loss(), 0.0, "the first iteration is the same with either limit");
    }

    /**
     * scipy's driver tests max_iter when L-BFGS-B reports a new point, before L-BFGS-B runs its own
     * convergence tests: a fit that converges at exactly its max_iter-th iteration still warns.
     */
    @Test
    void lbfgsReachingMaxIterAsItConvergesWarnsAsScipyDoes() {
        MLPClassifier<Integer> free = fit(lbfgs().maxIter(15000).tol(1e-3).build());
        assertEquals(List.of(), free.convergenceWarnings());
        int n = free.nIter();
        MLPClassifier<Integer> capped = fit(lbfgs().maxIter(n).tol(1e-3).build());
        assertEquals(n, capped.nIter());
        assertEquals(free.loss(), capped.loss(), 0.0);
        assertEquals(1, capped.convergenceWarnings().size());
        assertTrue(capped.convergenceWarnings().get(0).contains("ITERATIONS REACHED LIMIT"),
                capped.convergenceWarnings().toString());
    }

    /**
     * scikit-learn's lbfgs hands the float32 weights to scipy, which minimizes over float64 copies
     * and returns float64 arrays: the fit is a float64 fit on the float32 values of X, and the
     * fitted network is float64.
     */
    @Test
    void lbfgsOnFloat32InputsComputesInFloat64() {
        double[][] x = IRIS.xRows();
        float[][] xf = new float[x.length][x[0].length];
        double[][] widened = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                xf[i][j] = (float) (x[i][j] / 3); // not all exact in float
                widened[i][j] = xf[i][j];
            }
        }
        // weights exact in float, so that both start from the same values
        double[][] coefs = {new double[4 * 6], new double[6 * 3]};
        double[][] intercepts = {new double[6], new double[3]};
        for (double[] layer : coefs) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] = ((i * 37) % 11 - 5) / 16.0;
            }
        }
        MLPParams p = lbfgs().maxIter(40).build();
        MLPClassifier<Integer> fromFloat = new MLPClassifier<Integer>(p).startFrom(coefs, intercepts)
                .fit(xf, IRIS.boxedLabels());
        MLPClassifier<Integer> fromDouble = new MLPClassifier<Integer>(p).startFrom(coefs, intercepts)
                .fit(widened, IRIS.boxedLabels());
        assertFalse(fromFloat.float32());
        assertEquals(fromDouble.nIter(), fromFloat.nIter());
        assertEquals(fromDouble.loss(), fromFloat.loss(), 0.0);
        assertArrayEquals(fromDouble.coefs(), fromFloat.coefs());
        // sgd and adam keep computing in float32
        assertTrue(new MLPClassifier<Integer>(lbfgs().solver(Solver.ADAM).maxIter(2).build())
                .fit(xf, IRIS.boxedLabels()).float32());
    }

    /** scikit-learn reads {@code activation} on every forward pass. */
    @Test
    void aChangedActivationAppliesToTheFittedNetwork() {
        MLPClassifier<Integer> clf = fit(MLPParams.builder().hiddenLayerSizes(6).randomState(0).solver(Solver.SGD)
                .maxIter(5).build());
        double[][] coefs = clf.coefs();
        double[][] intercepts = clf.intercepts();
        double[][] x = IRIS.xRows();
        double[][] relu = clf.predictProba(x);
        assertArrayEquals(forward(x[7], coefs, intercepts, false), relu[7], 1e-12);
        clf.setParams(Map.of("activation", "tanh"));
        assertEquals(Activation.TANH, clf.params().activation());
        assertArrayEquals(coefs, clf.coefs(), "the weights stay");
        assertArrayEquals(forward(x[7], coefs, intercepts, true), clf.predictProba(x)[7], 1e-12);
    }

    /** One hidden layer, softmax output, in double: relu or tanh units. */
    private static double[] forward(double[] row, double[][] coefs, double[][] intercepts, boolean tanh) {
        int hidden = intercepts[0].length;
        int classes = intercepts[1].length;
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double z = intercepts[0][j];
            for (int i = 0; i < row.length; i++) {
                z += row[i] * coefs[0][i * hidden + j];
            }
            h[j] = tanh ? Math.tanh(z) : Math.max(z, 0);
        }
        double[] out = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double z = intercepts[1][c];
            for (int j = 0; j < hidden; j++) {
                z += h[j] * coefs[1][j * classes + c];
            }
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= sum;
        }
        return out;
    }

    /** numpy's {@code unique}: -0.0 equals 0.0, and strings sort by code point. */
    @Test
    void labelsAreTheClassesNumpyWouldFind() {
        double[][] x = IRIS.xRows();
        Double[] signedZeros = new Double[x.length];
        for (int i = 0; i < x.length; i++) {
            signedZeros[i] = i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : 1.0;
        }
        MLPClassifier<Double> binary = new MLPClassifier<Double>(MLPParams.builder().hiddenLayerSizes(4)
                .randomState(0).maxIter(2).build()).fit(x, signedZeros);
        assertEquals(2, binary.classes().size());
        assertEquals(1, binary.nOutputs(), "two classes: one logistic output");
        assertTrue(binary.score(x, signedZeros) >= 0);

        String fullWidth = "\uFF01";           // U+FF01
        String emoji = "\uD83D\uDE00";         // U+1F600, whose UTF-16 units sort before U+FF01
        String[] y = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2 == 0 ? fullWidth : emoji;
        }
        MLPClassifier<String> strings = new MLPClassifier<String>(MLPParams.builder().hiddenLayerSizes(4)
                .randomState(0).maxIter(2).build()).fit(x, y);
        assertEquals(List.of(fullWidth, emoji), strings.classes());
    }

    @Test
    void regressorScoreRefusesNonFiniteTargets() {
        Dataset d = Datasets.diabetes();
        MLPRegressor reg = new MLPRegressor(MLPParams.builder().hiddenLayerSizes(4).randomState(0).maxIter(2)
                .build()).fit(d.xRows(), d.y());
        double[] y = d.y().clone();
        y[3] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> reg.score(d.xRows(), y)).getMessage()
                .contains("NaN"));
        y[3] = Double.NEGATIVE_INFINITY;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> reg.score(d.xRows(), y)).getMessage()
                .contains("infinity"));
    }

    /** Weights given to startFrom belong to the next fit that succeeds, not to one that failed. */
    @Test
    void aFailedFitKeepsTheWeightsGivenToStartFrom() {
        MLPClassifier<Integer> reference = fit(MLPParams.builder().hiddenLayerSizes(6).randomState(0)
                .solver(Solver.SGD).maxIter(3).build());
        double[][] coefs = reference.coefs();
        double[][] intercepts = reference.intercepts();
        MLPParams p = MLPParams.builder().hiddenLayerSizes(6).randomState(1).solver(Solver.SGD).maxIter(3).build();
        MLPClassifier<Integer> expected = new MLPClassifier<Integer>(p).startFrom(coefs, intercepts)
                .fit(IRIS.xRows(), IRIS.boxedLabels());
        MLPClassifier<Integer> clf = new MLPClassifier<Integer>(p.withParams(Map.of("early_stopping", true,
                "validation_fraction", 0.005))).startFrom(coefs, intercepts);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> clf.fit(IRIS.xRows(), IRIS.boxedLabels()));
        assertTrue(e.getMessage().contains("validation set is too small"), e.getMessage());
        clf.setParams(Map.of("early_stopping", false));
        clf.fit(IRIS.xRows(), IRIS.boxedLabels());
        assertArrayEquals(expected.lossCurve(), clf.lossCurve());
        assertArrayEquals(expected.coefs(), clf.coefs());
    }

    /**
     * A warm start refused by its validation split, and one whose weights overflow, leave the
     * estimator as it was: the same weights, warnings and optimizer state, so that it continues
     * exactly as a twin that never saw the failed call.
     */
    @Test
    void aFailedWarmStartLeavesTheModelAsItWas() {
        MLPParams p = MLPParams.builder().hiddenLayerSizes(6).randomState(0).solver(Solver.ADAM).maxIter(4)
                .build();
        MLPClassifier<Integer> clf = fit(p);
        MLPClassifier<Integer> twin = fit(p);
        List<String> warnings = clf.convergenceWarnings();
        assertNotEquals(List.of(), warnings, "four epochs do not converge");

        clf.setParams(Map.of("warm_start", true, "early_stopping", true, "validation_fraction", 0.005));
        assertThrows(IllegalArgumentException.class, () -> clf.fit(IRIS.xRows(), IRIS.boxedLabels()));
        assertEquals(warnings, clf.convergenceWarnings());

        double[][] huge = IRIS.xRows();
        for (double[] row : huge) {
            Arrays.setAll(row, j -> row[j] * 1e300);
        }
        clf.setParams(Map.of("early_stopping", false, "learning_rate_init", 1e300));
        IllegalStateException overflow = assertThrows(IllegalStateException.class,
                () -> clf.fit(huge, IRIS.boxedLabels()));
        assertTrue(overflow.getMessage().contains("non-finite"), overflow.getMessage());
        assertArrayEquals(twin.coefs(), clf.coefs());
        assertEquals(warnings, clf.convergenceWarnings());
        assertArrayEquals(twin.lossCurve(), clf.lossCurve());

        clf.setParams(Map.of("warm_start", false, "learning_rate_init", 0.001));
        clf.partialFit(IRIS.xRows(), IRIS.boxedLabels(), null);
        twin.partialFit(IRIS.xRows(), IRIS.boxedLabels(), null);
        assertArrayEquals(twin.coefs(), clf.coefs(), "Adam's moments and step count were kept");
    }
}
