package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Gemm;
import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.NetworkF64;
import dev.vecnn.nn.layer.Transfer;
import dev.vecnn.nn.data.Dataset;
import dev.vecnn.nn.data.Datasets;
import dev.vecnn.nn.random.RandomState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The estimators' contract beyond the reference numbers: input checks, state, threads, stopping. */
class EstimatorContractTest {
    private static final Dataset IRIS = Datasets.iris();

    private static double[][] rows(Dataset d) {
        return d.xRows();
    }

    private static Integer[] labels(Dataset d) {
        return d.boxedLabels();
    }

    private static MLPParams.Builder small() {
        return MLPParams.builder().hiddenLayerSizes(8).randomState(3).maxIter(30).solver(Solver.ADAM)
                .learningRateInit(0.01);
    }

    private static MLPClassifier<Integer> fittedIris() {
        return new MLPClassifier<Integer>(small().build()).fit(rows(IRIS), labels(IRIS));
    }

    @Test
    void badInputIsRejectedAndLeavesTheFittedModelUnchanged() {
        MLPClassifier<Integer> clf = fittedIris();
        double[][] coefs = clf.coefs();
        double[][] x = rows(IRIS);
        Integer[] y = labels(IRIS);
        double[][] nan = rows(IRIS);
        nan[3][1] = Double.NaN;
        double[][] inf = rows(IRIS);
        inf[0][0] = Double.POSITIVE_INFINITY;
        assertMessage(() -> clf.fit(nan, y), "NaN");
        assertMessage(() -> clf.fit(inf, y), "infinity");
        assertMessage(() -> clf.fit(x, Arrays.copyOf(y, 10)), "inconsistent numbers of samples");
        assertMessage(() -> clf.fit(new double[0][], new Integer[0]), "0 sample");
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        w[5] = Double.NaN;
        assertMessage(() -> clf.fit(x, y, w), "sample_weight");
        assertMessage(() -> clf.predict(new double[][] {{1, 2, 3}}), "expecting 4 features");
        assertMessage(() -> clf.setParams(Map.of("alpha", -1.0)), "alpha");
        Integer[] unseen = y.clone();
        unseen[0] = 7;
        MLPClassifier<Integer> partial = new MLPClassifier<>(small().build());
        assertMessage(() -> partial.partialFit(x, y, null), "classes must be passed");
        partial.partialFit(x, y, new Integer[] {0, 1, 2});
        double[][] before = partial.coefs();
        assertMessage(() -> partial.partialFit(x, unseen, null), "not in `self.classes_`");
        assertArrayEquals(before, partial.coefs());
        assertArrayEquals(coefs, clf.coefs());
        assertEquals(List.of(0, 1, 2), clf.classes());
    }

    @Test
    void poissonRejectsNegativeTargetsAndPredictsPositiveRates() {
        Dataset d = Datasets.diabetes();
        double[] y = d.y().clone();
        MLPRegressor reg = new MLPRegressor(MLPRegressorParams.defaults().withLoss(RegressorLoss.POISSON)
                .withCommon(small().build()));
        y[2] = -1;
        assertMessage(() -> reg.fit(rows(d), y), "negative");
        y[2] = 0;
        double[] scaled = Arrays.stream(y).map(v -> v / 100).toArray();
        reg.fit(rows(d), scaled);
        assertEquals("exp", reg.outActivation());
        assertTrue(Arrays.stream(reg.predict(rows(d))).allMatch(v -> v > 0));
    }

    /**
     * Big enough (400 x 300 -> 256 -> 64) for the network to split each batch's rows over the
     * threads, in both precisions; tanh and logistic end the threads' row ranges in partial vectors,
     * which once went through the scalar twin's Math.tanh instead of the vector polynomial.
     */
    @ParameterizedTest
    @CsvSource({"RELU, false", "TANH, false", "LOGISTIC, false", "TANH, true", "LOGISTIC, true", "RELU, true"})
    void trainingIsBitwiseIdenticalForAnyThreadCount(Activation activation, boolean float32) {
        RandomState r = new RandomState(5);
        int n = 400;
        int f = 300;
        double[][] x = new double[n][];
        float[][] xf = new float[n][f];
        Integer[] y = new Integer[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.uniform(-1, 1, f);
            for (int j = 0; j < f; j++) {
                xf[i][j] = (float) x[i][j];
            }
            y[i] = x[i][0] + x[i][1] > 0 ? 1 : 0;
        }
        MLPParams p = MLPParams.builder().hiddenLayerSizes(256, 64).activation(activation).randomState(2)
                .maxIter(2).batchSize(200).build();
        int threads = Gemm.threads();
        try {
            double[][] first = null;
            double[] firstCurve = null;
            for (int t : new int[] {1, 2, 3, 4}) {
                Gemm.setThreads(t);
                MLPClassifier<Integer> clf = new MLPClassifier<>(p);
                if (float32) {
                    clf.fit(xf, y);
                } else {
                    clf.fit(x, y);
                }
                if (first == null) {
                    first = clf.coefs();
                    firstCurve = clf.lossCurve();
                    continue;
                }
                double[][] coefs = clf.coefs();
                for (int i = 0; i < first.length; i++) {
                    assertArrayEquals(first[i], coefs[i], 0.0, "layer " + i + ", " + t + " threads");
                }
                assertArrayEquals(firstCurve, clf.lossCurve(), 0.0, "loss curve, " + t + " threads");
            }
        } finally {
            Gemm.setThreads(threads);
        }
    }

    @Test
    void predictIsSafeFromManyThreads() throws Exception {
        RandomState r = new RandomState(9);
        double[][] x = new double[500][];
        double[] y = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.uniform(-1, 1, 300);
            y[i] = x[i][0] - 2 * x[i][1];
        }
        // Big enough for the multi-threaded GEMM path inside each concurrent predict. A regressor,
        // because softmax sums with reduceLanes(ADD), whose order may change with the JIT tier.
        MLPRegressor reg = new MLPRegressor(MLPRegressorParams.defaults().withCommon(MLPParams.builder()
                .hiddenLayerSizes(256).randomState(1).maxIter(1).build())).fit(x, y);
        double[] expected = reg.predict(x);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = pool.invokeAll(
                    java.util.Collections.nCopies(16, () -> reg.predict(x)));
            for (Future<double[]> result : results) {
                assertArrayEquals(expected, result.get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void verboseLinesFollowScikitLearn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MLPClassifier<Integer> clf = new MLPClassifier<Integer>(small().maxIter(3).verbose(true).build())
                .verboseOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        clf.fit(rows(IRIS), labels(IRIS));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].matches("Iteration 1, loss = \\d+\\.\\d{8}"), lines[0]);
        assertEquals(String.format(java.util.Locale.ROOT, "Iteration 3, loss = %.8f", clf.loss()), lines[2]);
        assertEquals(1, clf.convergenceWarnings().size());
        assertTrue(clf.convergenceWarnings().get(0).contains("Maximum iterations (3) reached"));
    }

    @Test
    void float32InputsWorkEverywhereAndMatchTheirWidenedValues() {
        double[][] x = rows(IRIS);
        float[][] xf = new float[x.length][];
        double[][] widened = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xf[i] = new float[x[i].length];
            widened[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                xf[i][j] = (float) x[i][j];
                widened[i][j] = xf[i][j];
            }
        }
        Integer[] y = labels(IRIS);
        double[] w = new double[y.length];
        Arrays.fill(w, 1.5);
        MLPClassifier<Integer> clf = new MLPClassifier<Integer>(small().build()).fit(xf, y, w);
        // A float32 model rounds double inputs to float, so the widened values give the same bits.
        assertArrayEquals(flat(clf.predictLogProba(widened)), flat(clf.predictLogProba(xf)), 0.0);
        assertEquals(clf.score(widened, y), clf.score(xf, y));
        assertEquals(clf.score(widened, y, w), clf.score(xf, y, w));
        clf.partialFit(xf, y, null, w);
        assertEquals(clf.predict(widened), clf.predict(xf));
        // And a float64 model: its own precision's rows are read in place, float rows through a
        // widened flat copy; the values are the same, so are the bits.
        MLPClassifier<Integer> wide = new MLPClassifier<Integer>(small().build()).fit(widened, y, w);
        assertArrayEquals(flat(wide.predictProba(widened)), flat(wide.predictProba(xf)), 0.0);

        double[] target = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            target[i] = x[i][0] + 0.5 * x[i][2];
        }
        MLPRegressor reg = new MLPRegressor(MLPRegressorParams.defaults().withCommon(small().build())).fit(xf, target, w);
        assertArrayEquals(flat(reg.predictOutputs(widened)), flat(reg.predictOutputs(xf)), 0.0);
        assertEquals(reg.score(widened, target), reg.score(xf, target));
        assertEquals(reg.score(widened, target, w), reg.score(xf, target, w));
        reg.partialFit(xf, target, w);
        assertArrayEquals(reg.predict(widened), reg.predict(xf), 0.0);
    }

    private static double[] flat(double[][] a) {
        return Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void lbfgsVerboseFollowsScipysLayout() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MLPClassifier<Integer> clf = new MLPClassifier<Integer>(small().solver(Solver.LBFGS).maxIter(4).verbose(true)
                .build()).verboseOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        clf.fit(rows(IRIS), labels(IRIS));
        String text = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertEquals("RUNNING THE L-BFGS-B CODE", lines[0]);
        int params = 4 * 8 + 8 + 8 * 3 + 3;
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, " N =%13d     M =           10%n", params)), text);
        for (int k = 0; k <= 4; k++) {
            assertTrue(text.matches("(?s).*\\nAt iterate" + String.format("%5d", k)
                    + "    f=  \\d\\.\\d{5}D[-+]\\d\\d    \\|proj g\\|=  \\d\\.\\d{5}D[-+]\\d\\d\\n.*"), "iterate " + k);
        }
        String fLine = String.format(java.util.Locale.ROOT, "%.5E", clf.loss());
        assertTrue(text.contains("At iterate    4    f=  " + fLine.substring(0, 7)), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%5d%7d", params, 4)), text);
        assertEquals(String.format(java.util.Locale.ROOT, "%-60s", "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT"),
                lines[lines.length - 1]);
    }

    @Test
    void scipyNumberFormats() {
        assertEquals("8.89385D-01", ScipyLbfgsTrace.fortranD(0.889385, 5));
        assertEquals("2.220D-16", ScipyLbfgsTrace.fortranD(Math.ulp(1.0), 3));
        // Values printed by scipy 1.10's L-BFGS-B for the final F (gfortran list-directed).
        assertEquals("  0.62835989826908190     ", ScipyLbfgsTrace.listDirected(0.62835989826908190));
        assertEquals("   2.3480678905094194     ", ScipyLbfgsTrace.listDirected(2.3480678905094194));
        assertEquals("   3.4700884867073020E-004", ScipyLbfgsTrace.listDirected(3.4700884867073020E-4));
        // gfortran rounds the exact binary value: Java's %.16E padded 8.4457902536955880E-002
        assertEquals("   8.4457902536955884E-002", ScipyLbfgsTrace.listDirected(0.08445790253695588));
        assertEquals("   0.0000000000000000     ", ScipyLbfgsTrace.listDirected(0.0));
        assertEquals("-1.241E+00", ScipyLbfgsTrace.fortranE(-1.2414));
        assertEquals(" 8.952E+01", ScipyLbfgsTrace.fortranE(89.52));
    }

    /**
     * Python's %f rounds the exact binary value half to even; Java's String.format rounded the
     * shortest decimal half up (0.4140625 gave 0.414063) and padded long values with zeros.
     * Expected strings from Python 3 ({@code '%f' % v}, {@code '%.8f' % v}).
     */
    @Test
    void pythonNumberFormats() {
        assertEquals("0.414062", Format.fixed6(0.4140625));
        assertEquals("0.000000", Format.fixed6(5e-7));
        assertEquals("-0.000000", Format.fixed6(-0.0));
        assertEquals("-0.000000", Format.fixed6(-1e-9));
        assertEquals("1874999991390.77392578", Format.fixed8(1874999991390.7739));
        assertEquals("inf", Format.fixed8(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Format.fixed6(Double.NEGATIVE_INFINITY));
        assertEquals("nan", Format.fixed8(Double.NaN));
    }

    @Test
    void earlyStoppingKeepsTheBestValidationWeights() {
        Dataset digits = Datasets.digits();
        MLPClassifier<Integer> clf = new MLPClassifier<Integer>(small().maxIter(200).earlyStopping(true)
                .nIterNoChange(3).build());
        clf.fit(rows(digits), labels(digits));
        double[] scores = clf.validationScores();
        assertEquals(clf.nIter(), scores.length);
        assertEquals(Arrays.stream(scores).max().orElseThrow(), clf.bestValidationScore());
        assertTrue(clf.nIter() < 200, "stopped early");
        assertTrue(Double.isNaN(clf.bestLoss()), "best_loss_ is None under early stopping");
    }

    @Test
    void float32InputsTrainAFloatNetwork() {
        double[][] x = rows(IRIS);
        float[][] xf = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                xf[i][j] = (float) x[i][j];
            }
        }
        MLPClassifier<Integer> f32 = new MLPClassifier<Integer>(small().build()).fit(xf, labels(IRIS));
        MLPClassifier<Integer> f64 = fittedIris();
        assertTrue(f32.float32());
        assertTrue(!f64.float32());
        double[] c32 = f32.lossCurve();
        double[] c64 = f64.lossCurve();
        for (int i = 0; i < c64.length; i++) {
            assertEquals(c64[i], c32[i], 1e-3 * (1 + c64[i]), "epoch " + i);
        }
    }

    @Test
    void partialFitRunsOneEpochPerCall() {
        MLPRegressor reg = new MLPRegressor(MLPRegressorParams.defaults().withCommon(small().solver(Solver.SGD)
                .build()));
        Dataset d = Datasets.diabetes();
        double[] y = Arrays.stream(d.y()).map(v -> v / 100).toArray();
        reg.partialFit(rows(d), y);
        reg.partialFit(rows(d), y);
        assertEquals(1, reg.nIter(), "n_iter_ counts the last call's epochs (scikit-learn 1.3+)");
        assertEquals(2L * d.nSamples(), reg.t());
        assertEquals(2, reg.lossCurve().length);
        MLPRegressor lbfgs = new MLPRegressor(MLPRegressorParams.defaults().withCommon(small().solver(Solver.LBFGS)
                .build()));
        assertMessage(() -> lbfgs.partialFit(rows(d), y), "lbfgs");
    }

    @Test
    void partialFitFollowsScikitLearnsClassRules() {
        double[][] x = rows(IRIS);
        Integer[] y = labels(IRIS);
        Integer[] all = {0, 1, 2};
        MLPClassifier<Integer> clf = new MLPClassifier<>(small().build());
        clf.partialFit(x, y, all);
        double[][] coefs = clf.coefs();
        assertMessage(() -> clf.partialFit(x, y, new Integer[] {0, 1}), "is not the same as on last call");
        assertArrayEquals(coefs, clf.coefs());
        clf.partialFit(x, y, new Integer[] {2, 0, 1, 0});
        assertEquals(2L * x.length, clf.t());
        // iris' first 100 rows hold classes 0 and 1 only: a partial_fit may see a subset of the
        // classes, unless warm_start is set (scikit-learn's _validate_input), on any call
        clf.partialFit(Arrays.copyOf(x, 100), Arrays.copyOf(y, 100), null);
        MLPClassifier<Integer> warm = new MLPClassifier<>(small().warmStart(true).build());
        assertMessage(() -> warm.partialFit(Arrays.copyOf(x, 100), Arrays.copyOf(y, 100), all), "warm_start");
        warm.partialFit(x, y, all);
        assertMessage(() -> warm.partialFit(Arrays.copyOf(x, 100), Arrays.copyOf(y, 100), null), "warm_start");

        int[][] two = new int[x.length][];
        int[][] three = new int[x.length][];
        for (int i = 0; i < x.length; i++) {
            two[i] = new int[] {y[i] == 0 ? 1 : 0, x[i][0] > 5.8 ? 1 : 0};
            three[i] = new int[] {two[i][0], two[i][1], y[i] == 2 ? 1 : 0};
        }
        MLPClassifier<Integer> multilabel = new MLPClassifier<>(small().build());
        multilabel.partialFitMultilabel(x, two);
        multilabel.partialFitMultilabel(x, two);
        assertEquals(2L * x.length, multilabel.t());
        assertEquals(2, multilabel.predictMultilabel(x)[0].length);
        assertMessage(() -> multilabel.partialFitMultilabel(x, three), "label columns");
        assertMessage(() -> multilabel.partialFit(x, y, all), "multilabel");
        assertMessage(() -> clf.partialFitMultilabel(x, two), "single-label");
    }

    @Test
    void warmStartCountsEpochsPerFit() {
        MLPClassifier<Integer> clf = new MLPClassifier<>(small().warmStart(true).maxIter(5).build());
        clf.fit(rows(IRIS), labels(IRIS));
        clf.fit(rows(IRIS), labels(IRIS));
        // scikit-learn 1.3+ (test_warm_start_full_iteration): n_iter_ per fit; t_ and the curve go on
        assertEquals(5, clf.nIter());
        assertEquals(10L * IRIS.nSamples(), clf.t());
        assertEquals(10, clf.lossCurve().length);
    }

    @Test
    void weightedEpochLossCountsEachBatchByItsRows() {
        // scikit-learn 1.7: loss_ = sum over batches of (the batch's weighted mean loss + its L2
        // share) times the batch's row count, over n. Weights [100 x3, 1 x3] in two batches of
        // three, a step so small that the weights stay put: (L1 + L2) / 2, not weighted by 300 : 3.
        Dataset d = Datasets.diabetes();
        double[][] x = Arrays.copyOf(rows(d), 6);
        double[] y = Arrays.stream(Arrays.copyOf(d.y(), 6)).map(v -> v / 100).toArray();
        double[] w = {100, 100, 100, 1, 1, 1};
        double alpha = 0.5;
        MLPRegressor reg = new MLPRegressor(MLPRegressorParams.defaults().withCommon(small().solver(Solver.SGD)
                .learningRateInit(1e-20).momentum(0).shuffle(false).batchSize(3).alpha(alpha).maxIter(1)
                .hiddenLayerSizes(2).build()));
        double[][] coefs = {{0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -1.0,
                0.2, 0.1, -0.1, 0.3, -0.3, 0.05, -0.05, 0.15, -0.15, 0.25}, {0.5, -0.5}};
        double[][] intercepts = {{0.01, -0.02}, {0.03}};
        reg.startFrom(coefs, intercepts);
        reg.fit(x, y, w);
        NetworkF64 net = new NetworkF64(new int[] {10, 2, 1}, Transfer.RELU,
                Transfer.IDENTITY, Loss.SQUARED);
        double[] p = net.parameters();
        System.arraycopy(coefs[0], 0, p, net.weightOffset(0), coefs[0].length);
        System.arraycopy(coefs[1], 0, p, net.weightOffset(1), coefs[1].length);
        System.arraycopy(intercepts[0], 0, p, net.biasOffset(0), 2);
        System.arraycopy(intercepts[1], 0, p, net.biasOffset(1), 1);
        net.reserve(3);
        double[] batch = new double[2];
        for (int b = 0; b < 2; b++) {
            double[] xb = new double[30];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(x[3 * b + i], 0, xb, 10 * i, 10);
            }
            batch[b] = net.lossAndGradient(xb, Arrays.copyOfRange(y, 3 * b, 3 * b + 3),
                    Arrays.copyOfRange(w, 3 * b, 3 * b + 3), 3, alpha);
        }
        double expected = (3 * batch[0] + 3 * batch[1]) / 6;
        assertEquals(expected, reg.lossCurve()[0], 1e-10 * expected);
        assertTrue(Math.abs(reg.lossCurve()[0] - (300 * batch[0] + 3 * batch[1]) / 303) > 1e-3 * expected,
                "the weighted-by-batch-weight form differs here, so the check can tell them apart");
    }

    @Test
    void rSquaredNeedsTwoRows() {
        Dataset d = Datasets.diabetes();
        double[][] x = rows(d);
        double[] y = Arrays.stream(d.y()).map(v -> v / 100).toArray();
        MLPRegressor reg = new MLPRegressor(MLPRegressorParams.defaults().withCommon(small().solver(Solver.SGD)
                .build())).fit(x, y);
        assertTrue(Double.isNaN(reg.score(new double[][] {x[0]}, new double[] {y[0]})),
                "R^2 of one row is NaN, as scikit-learn's r2_score");
        assertTrue(Double.isFinite(reg.score(Arrays.copyOf(x, 2), Arrays.copyOf(y, 2))));
        double[][] coefs = reg.coefs();
        // 0.1 of 10 rows leaves one validation row: refused before training, as scikit-learn 1.7
        // does for either estimator (1.2 trained on and failed at the end)
        reg.setParams(Map.of("early_stopping", true, "validation_fraction", 0.1, "warm_start", true));
        assertMessage(() -> reg.fit(Arrays.copyOf(x, 10), Arrays.copyOf(y, 10)), "validation set is too small");
        assertArrayEquals(coefs, reg.coefs());
        // three classes (one-hot, so the split is not stratified) in ten rows
        int[] picked = {0, 1, 2, 3, 50, 51, 52, 100, 101, 102};
        double[][] x10 = Arrays.stream(picked).mapToObj(i -> rows(IRIS)[i]).toArray(double[][]::new);
        Integer[] y10 = Arrays.stream(picked).mapToObj(i -> labels(IRIS)[i]).toArray(Integer[]::new);
        MLPClassifier<Integer> clf = new MLPClassifier<>(small().earlyStopping(true).validationFraction(0.1).build());
        assertMessage(() -> clf.fit(x10, y10), "validation set is too small");
        reg.fit(Arrays.copyOf(x, 11), Arrays.copyOf(y, 11));
        assertEquals(reg.nIter(), reg.validationScores().length);
    }

    @Test
    void divergingTrainingReportsNonFiniteWeights() {
        Dataset d = Datasets.diabetes();
        MLPRegressor reg = new MLPRegressor(MLPRegressorParams.defaults().withCommon(small().solver(Solver.SGD)
                .learningRateInit(1e6).momentum(0).build()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reg.fit(rows(d), d.y()));
        assertTrue(e.getMessage().contains("non-finite parameter weights"), e.getMessage());
        // with early stopping the best weights so far are finite, but R^2 of non-finite
        // predictions is refused, as scikit-learn's r2_score does
        // (at 1e6 the predictions stay finite, R^2 overflows to -inf and the fit stops early in
        // both libraries; at 1e30 they do not, and scikit-learn raises "Input contains NaN")
        reg.setParams(Map.of("early_stopping", true, "learning_rate_init", 1e30));
        e = assertThrows(IllegalStateException.class, () -> reg.fit(rows(d), d.y()));
        assertTrue(e.getMessage().contains("non-finite validation predictions"), e.getMessage());
    }

    @Test
    void firstFitWithoutAFiniteValidationScoreReturnsItsInitialWeights() {
        // Targets near 1e155: every squared residual, and so R^2's two sums, overflow (R^2 = 1 -
        // inf / inf = NaN) while the predictions stay finite; the tiny rate keeps the steps near
        // 1e-3. No score beats -inf, so scikit-learn 1.7 restores the initial weights it copied in
        // _initialize (1.2 fails with AttributeError; docs/sklearn-semantics.md).
        java.util.Random random = new java.util.Random(3);
        double[][] x = new double[40][3];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = 1e155 * random.nextGaussian();
        }
        MLPParams.Builder params = MLPParams.builder().hiddenLayerSizes(4).randomState(5).maxIter(20)
                .solver(Solver.SGD).learningRateInit(1e-158).momentum(0.9).nIterNoChange(3);
        double[][] coefs = {{0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9, 0.2, 0.1, -0.3}, {0.5, -0.4, 0.3, 0.2}};
        double[][] intercepts = {{0.1, 0.2, -0.1, 0.05}, {0.3}};
        MLPRegressor stopped = new MLPRegressor(MLPRegressorParams.defaults()
                .withCommon(params.earlyStopping(true).build()));
        stopped.startFrom(coefs, intercepts);
        stopped.fit(x, y);
        assertEquals(20, stopped.nIter(), "a NaN score never counts as no improvement");
        assertTrue(Arrays.stream(stopped.validationScores()).allMatch(Double::isNaN));
        assertTrue(Arrays.stream(stopped.lossCurve()).allMatch(v -> v == Double.POSITIVE_INFINITY));
        assertArrayEquals(coefs, stopped.coefs());
        assertArrayEquals(intercepts, stopped.intercepts());
        // the steps did move the weights: without early stopping the same fit ends elsewhere
        MLPRegressor trained = new MLPRegressor(MLPRegressorParams.defaults()
                .withCommon(params.earlyStopping(false).build()));
        trained.startFrom(coefs, intercepts);
        trained.fit(x, y);
        assertTrue(!Arrays.deepEquals(stopped.coefs(), trained.coefs()));
        // once restored, scikit-learn holds them as coefs_ itself: a warm-started fit that never
        // improves keeps its last weights
        stopped.setParams(Map.of("warm_start", true));
        stopped.fit(x, y);
        assertTrue(!Arrays.deepEquals(coefs, stopped.coefs()));
    }

    @Test
    void multiOutputRegressorHasEveryOverloadOfTheSingleOutputOne() {
        Dataset d = Datasets.diabetes();
        double[][] x = rows(d);
        float[][] xf = new float[x.length][];
        double[][] y = new double[x.length][];
        double[] ones = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                xf[i][j] = (float) x[i][j];
            }
            y[i] = new double[] {d.y()[i] / 100, -d.y()[i] / 300};
            ones[i] = 1;
        }
        MLPRegressorParams params = MLPRegressorParams.defaults().withCommon(small().build());
        for (boolean float32 : new boolean[] {false, true}) {
            MLPRegressor plain = new MLPRegressor(params);
            MLPRegressor weighted = new MLPRegressor(params);
            for (int call = 0; call < 3; call++) {
                if (float32) {
                    plain.partialFit(xf, y);
                    weighted.partialFit(xf, y, ones);
                } else {
                    plain.partialFit(x, y);
                    weighted.partialFit(x, y, ones);
                }
            }
            // unit weights are no weights, bit for bit
            assertArrayEquals(plain.coefs(), weighted.coefs());
            assertEquals(plain.lossCurve().length, 3);
            double score = float32 ? plain.score(xf, y) : plain.score(x, y);
            assertEquals(float32 ? plain.score(xf, y, null) : plain.score(x, y, null), score);
            assertTrue(score < 1 && Double.isFinite(score));
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention " + part);
    }
}
