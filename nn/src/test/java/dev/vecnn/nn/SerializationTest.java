package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.data.Dataset;
import dev.vecnn.nn.data.Datasets;
import dev.vecnn.nn.layer.Transfer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Estimators written with {@code ObjectOutputStream} and read back: the same predictions and
 * attributes bit for bit, and later calls that continue exactly as the original's (the optimizer
 * state travels with the weights, as in scikit-learn's pickle); damaged streams refused.
 */
class SerializationTest {
    private static final Dataset IRIS = Datasets.iris();

    private static MLPParams.Builder small() {
        return MLPParams.builder().hiddenLayerSizes(8, 5).randomState(3).maxIter(15).learningRateInit(0.01);
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T estimator) throws IOException, ClassNotFoundException {
        return (T) read(write(estimator));
    }

    private static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static void assertSameAttributes(MLPBase<?> a, MLPBase<?> b) {
        assertEquals(a.params(), b.params());
        assertArrayEquals(a.coefs(), b.coefs());
        assertArrayEquals(a.intercepts(), b.intercepts());
        assertEquals(a.t(), b.t());
        assertEquals(a.nIter(), b.nIter());
        assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()));
        assertEquals(a.nFeaturesIn(), b.nFeaturesIn());
        assertEquals(a.nLayers(), b.nLayers());
        assertEquals(a.nOutputs(), b.nOutputs());
        assertEquals(a.outActivation(), b.outActivation());
        assertEquals(a.float32(), b.float32());
        assertEquals(a.convergenceWarnings(), b.convergenceWarnings());
        if (a.params().solver() != Solver.LBFGS) {
            assertArrayEquals(a.lossCurve(), b.lossCurve());
            assertEquals(Double.doubleToRawLongBits(a.bestLoss()), Double.doubleToRawLongBits(b.bestLoss()));
        }
        if (a.params().earlyStopping() && a.params().solver() != Solver.LBFGS) {
            assertArrayEquals(a.validationScores(), b.validationScores());
            assertEquals(a.bestValidationScore(), b.bestValidationScore());
        }
    }

    @Test
    void multiclassAdamModelPredictsAndContinuesAsTheOriginal() throws Exception {
        double[][] x = IRIS.xRows();
        Integer[] y = IRIS.boxedLabels();
        MLPClassifier<Integer> original = new MLPClassifier<Integer>(small().solver(Solver.ADAM).build()).fit(x, y);
        MLPClassifier<Integer> read = copy(original);
        assertSameAttributes(original, read);
        assertEquals(original.classes(), read.classes());
        assertArrayEquals(original.predictProba(x), read.predictProba(x));
        assertEquals(original.predict(x), read.predict(x));
        // Adam's moments and step count came along: the next epochs are the original's
        for (int call = 0; call < 3; call++) {
            original.partialFit(x, y, null);
            read.partialFit(x, y, null);
        }
        assertSameAttributes(original, read);
        // and a warm-started, early-stopped fit (its split and the best weights) too
        Map<String, Object> warm = Map.of("warm_start", true, "early_stopping", true, "max_iter", 20);
        original.setParams(warm).fit(x, y);
        read.setParams(warm).fit(x, y);
        assertSameAttributes(original, read);
    }

    @Test
    void binaryFloat32SgdModelWithStringLabelsContinuesAsTheOriginal() throws Exception {
        Dataset d = Datasets.breastCancer();
        double[][] xd = d.xRows();
        float[][] x = new float[xd.length][];
        String[] y = new String[xd.length];
        for (int i = 0; i < xd.length; i++) {
            x[i] = new float[xd[i].length];
            for (int j = 0; j < xd[i].length; j++) {
                x[i][j] = (float) (xd[i][j] / 1000);
            }
            y[i] = d.boxedLabels()[i] == 1 ? "benign" : "malignant";
        }
        // Nesterov momentum with invscaling: the velocities and the decayed step come along
        MLPClassifier<String> original = new MLPClassifier<String>(small().solver(Solver.SGD)
                .learningRate(LearningRateSchedule.INVSCALING).learningRateInit(0.1).build()).fit(x, y);
        MLPClassifier<String> read = copy(original);
        assertSameAttributes(original, read);
        assertTrue(read.float32());
        assertEquals(List.of("benign", "malignant"), read.classes());
        assertArrayEquals(original.predictProba(x), read.predictProba(x));
        original.partialFit(x, y, null);
        read.partialFit(x, y, null);
        assertSameAttributes(original, read);
        // a label the model does not know is still refused after reading
        String[] unknown = y.clone();
        unknown[0] = "other";
        assertThrows(IllegalArgumentException.class, () -> read.partialFit(x, unknown, null));
    }

    @Test
    void multilabelModelKeepsItsLabelColumns() throws Exception {
        double[][] x = IRIS.xRows();
        int[][] indicator = new int[x.length][];
        for (int i = 0; i < x.length; i++) {
            int c = IRIS.boxedLabels()[i];
            indicator[i] = new int[] {c == 0 ? 1 : 0, c >= 1 ? 1 : 0, x[i][0] > 5.8 ? 1 : 0};
        }
        MLPClassifier<Integer> original = new MLPClassifier<Integer>(small().build()).fitMultilabel(x, indicator);
        MLPClassifier<Integer> read = copy(original);
        assertSameAttributes(original, read);
        assertArrayEquals(original.predictMultilabel(x), read.predictMultilabel(x));
        original.partialFitMultilabel(x, indicator);
        read.partialFitMultilabel(x, indicator);
        assertSameAttributes(original, read);
        assertThrows(IllegalArgumentException.class, () -> read.partialFit(x, IRIS.boxedLabels(), null),
                "still a multilabel model");
    }

    @Test
    void regressorsWithLbfgsAndPoissonLossRoundTrip() throws Exception {
        Dataset d = Datasets.diabetes();
        double[][] x = d.xRows();
        double[] y = Arrays.stream(d.y()).map(v -> v / 100).toArray();
        MLPRegressor lbfgs = new MLPRegressor(MLPRegressorParams.defaults()
                .withCommon(small().solver(Solver.LBFGS).maxIter(30).build())).fit(x, y);
        MLPRegressor read = copy(lbfgs);
        assertSameAttributes(lbfgs, read);
        assertArrayEquals(lbfgs.predict(x), read.predict(x));
        Map<String, Object> warm = Map.of("warm_start", true, "max_iter", 10);
        lbfgs.setParams(warm).fit(x, y);
        read.setParams(warm).fit(x, y);
        assertSameAttributes(lbfgs, read);

        MLPRegressor poisson = new MLPRegressor(MLPRegressorParams.defaults().withLoss(RegressorLoss.POISSON)
                .withCommon(small().solver(Solver.ADAM).build())).fit(x, y);
        MLPRegressor poissonRead = copy(poisson);
        assertEquals(poisson.regressorParams(), poissonRead.regressorParams());
        assertEquals("exp", poissonRead.outActivation());
        assertArrayEquals(poisson.predict(x), poissonRead.predict(x));
        poisson.partialFit(x, y);
        poissonRead.partialFit(x, y);
        assertSameAttributes(poisson, poissonRead);
    }

    @Test
    void anUnfittedEstimatorKeepsItsParametersOnly() throws Exception {
        MLPClassifier<Integer> original = new MLPClassifier<>(small().alpha(0.5).batchSize(17).build());
        MLPClassifier<Integer> read = copy(original);
        assertEquals(original.getParams(), read.getParams());
        assertThrows(IllegalStateException.class, read::coefs);
        original.fit(IRIS.xRows(), IRIS.boxedLabels());
        read.fit(IRIS.xRows(), IRIS.boxedLabels());
        assertSameAttributes(original, read);
    }

    /** A label type that cannot be written. */
    private record Plain(int value) implements Comparable<Plain> {
        @Override
        public int compareTo(Plain o) {
            return Integer.compare(value, o.value);
        }
    }

    @Test
    void labelsThatCannotBeWrittenAreNamed() {
        double[][] x = IRIS.xRows();
        Plain[] y = Arrays.stream(IRIS.boxedLabels()).map(Plain::new).toArray(Plain[]::new);
        MLPClassifier<Plain> clf = new MLPClassifier<Plain>(small().maxIter(2).build()).fit(x, y);
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> write(clf));
        assertTrue(e.getMessage().contains("Plain"), e.getMessage());
    }

    @Test
    void damagedSavedFormsAreRefusedWithTheProblem() throws Exception {
        MLPClassifier<Integer> clf = new MLPClassifier<Integer>(small().maxIter(2).build())
                .fit(IRIS.xRows(), IRIS.boxedLabels());
        SavedModel model = clf.core.saved();
        TreeMap<String, Object> params = new TreeMap<>(clf.getParams());
        // a parameter out of its range: refused by the same validation as setParams
        params.put("alpha", -1.0);
        byte[] bad = write(new SavedEstimator(SavedEstimator.CLASSIFIER, params, model, List.of(0, 1, 2), 0));
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(bad));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        // classes out of order
        byte[] unsorted = write(new SavedEstimator(SavedEstimator.CLASSIFIER, new TreeMap<>(clf.getParams()),
                model, List.of(2, 0, 1), 0));
        e = assertThrows(InvalidObjectException.class, () -> read(unsorted));
        assertTrue(e.getMessage().contains("sorted"), e.getMessage());
        // parts that do not fit together cannot even be put into the saved form
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> new SavedEstimator(
                SavedEstimator.CLASSIFIER, new TreeMap<>(clf.getParams()), model, List.of(0, 1), 0));
        assertTrue(wrong.getMessage().contains("outputs"), wrong.getMessage());
        wrong = assertThrows(IllegalArgumentException.class, () -> new SavedModel(model.units(), false,
                Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS, Solver.ADAM, new double[3], null, null, null, null,
                0, 0, 0, 0, 0, 0, null, List.of()));
        assertTrue(wrong.getMessage().contains("parameters must hold"), wrong.getMessage());
        SavedModel regression = new SavedModel(model.units(), false, Transfer.RELU, Transfer.IDENTITY, Loss.SQUARED,
                Solver.LBFGS, model.parameters(), null, null, null, null, 0, 0, 0, 0, 0, 0, null, List.of());
        wrong = assertThrows(IllegalArgumentException.class, () -> new SavedEstimator(SavedEstimator.CLASSIFIER,
                new TreeMap<>(clf.getParams()), regression, List.of(0, 1, 2), 0));
        assertTrue(wrong.getMessage().contains("IDENTITY output"), wrong.getMessage());
    }

    /**
     * Parts that each look valid but contradict the task or each other: a three-class network with
     * a logistic output, a binary one with softmax, a loss curve of strings, a negative step size.
     * And a network whose activation differs from the parameter (a stream written before
     * setParams switched the network) computes what the parameter says once read.
     */
    @Test
    void savedFormsThatContradictTheirTaskAreRefused() throws Exception {
        MLPClassifier<Integer> clf = new MLPClassifier<Integer>(small().maxIter(2).build())
                .fit(IRIS.xRows(), IRIS.boxedLabels());
        SavedModel m = clf.core.saved();
        SavedModel logistic = new SavedModel(m.units(), m.float32(), m.hidden(), Transfer.LOGISTIC,
                Loss.BINARY_LOG_LOSS, m.firstSolver(), m.parameters(), m.optimizerState(), m.step(), m.lossCurve(),
                m.validationScores(), m.bestLoss(), m.bestValidationScore(), m.lossValue(), m.t(), m.nIter(),
                m.noImprovementCount(), m.bestParams(), m.warnings());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SavedEstimator(
                SavedEstimator.CLASSIFIER, new TreeMap<>(clf.getParams()), logistic, List.of(0, 1, 2), 0));
        assertTrue(e.getMessage().contains("SOFTMAX output"), e.getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Double> strings = (List) List.of("a", "b");
        e = assertThrows(IllegalArgumentException.class, () -> new SavedModel(m.units(), m.float32(), m.hidden(),
                m.out(), m.loss(), m.firstSolver(), m.parameters(), m.optimizerState(), m.step(), strings,
                m.validationScores(), m.bestLoss(), m.bestValidationScore(), m.lossValue(), m.t(), m.nIter(),
                m.noImprovementCount(), m.bestParams(), m.warnings()));
        assertTrue(e.getMessage().contains("loss curve"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SavedModel.Step(m.step().params(), -1, 0));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());

        SavedModel tanhNetwork = new SavedModel(m.units(), m.float32(), Transfer.TANH, m.out(), m.loss(),
                m.firstSolver(), m.parameters(), m.optimizerState(), m.step(), m.lossCurve(), m.validationScores(),
                m.bestLoss(), m.bestValidationScore(), m.lossValue(), m.t(), m.nIter(), m.noImprovementCount(),
                m.bestParams(), m.warnings());
        @SuppressWarnings("unchecked")
        MLPClassifier<Integer> read = (MLPClassifier<Integer>) read(write(new SavedEstimator(
                SavedEstimator.CLASSIFIER, new TreeMap<>(clf.getParams()), tanhNetwork, List.of(0, 1, 2), 0)));
        assertEquals(Activation.RELU, read.params().activation());
        assertArrayEquals(clf.predictProba(IRIS.xRows()), read.predictProba(IRIS.xRows()),
                "the relu of the parameters, not the saved tanh");
    }

    /** The ObjectInputFilter pattern MLPBase documents reads every kind of estimator. */
    @Test
    void theDocumentedFilterPatternReadsEstimators() throws Exception {
        java.io.ObjectInputFilter filter = java.io.ObjectInputFilter.Config.createFilter(
                "dev.vecnn.**;java.util.*;java.lang.*;!*");
        List<MLPBase<?>> estimators = List.of(
                new MLPClassifier<Integer>(small().maxIter(2).build()).fit(IRIS.xRows(), IRIS.boxedLabels()),
                new MLPClassifier<Integer>(small().maxIter(2).earlyStopping(true).build())
                        .fit(IRIS.xRows(), IRIS.boxedLabels()),
                new MLPRegressor(small().maxIter(2).solver(Solver.LBFGS).build()).fit(IRIS.xRows(), IRIS.y()),
                new MLPClassifier<Integer>(small().build()));
        for (MLPBase<?> estimator : estimators) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(write(estimator)))) {
                in.setObjectInputFilter(filter);
                MLPBase<?> back = (MLPBase<?>) in.readObject();
                assertEquals(estimator.params(), back.params());
            }
        }
        byte[] foreign = write(new java.util.concurrent.atomic.AtomicInteger(3));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(foreign))) {
            in.setObjectInputFilter(filter);
            assertThrows(java.io.InvalidClassException.class, in::readObject);
        }
    }
}
