package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter: its scikit-learn 1.7 default, accepted values, and each class of rejected
 * value with sklearn's message (constraint text as sklearn's {@code _param_validation} words it).
 */
class MLPParamsTest {

    /**
     * One parameter's contract.
     *
     * @param name     sklearn name
     * @param dflt     the default as {@code get_params()} shows it
     * @param valid    accepted inputs paired with what {@code get_params()} then shows
     * @param invalid  rejected inputs, one per class of error
     * @param allowed  sklearn's wording of the constraint
     */
    record Spec(String name, Object dflt, Map<Object, Object> valid, List<Object> invalid,
                String allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<Object, Object> pairs(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Object> values(Object... vs) {
        return new ArrayList<>(java.util.Arrays.asList(vs));
    }

    static final String FLOAT_0_INF_CLOSED = "a float in the range [0, inf)";
    static final String FLOAT_0_INF_OPEN = "a float in the range (0, inf)";
    static final String FLOAT_0_1_HALF = "a float in the range [0, 1)";
    static final String INT_1_INF = "an int in the range [1, inf)";
    static final String BOOL = "a boolean";

    static Stream<Spec> specs() {
        return Stream.of(
                new Spec("hidden_layer_sizes", List.of(100),
                        pairs(50, List.of(50), new int[] {20, 10}, List.of(20, 10),
                                List.of(3L, 4), List.of(3, 4), new int[0], List.of(),
                                new Integer[] {7}, List.of(7), new long[] {5L}, List.of(5)),
                        values(0, -3, List.of(10, 0), new int[] {5, -1}, List.of(2.0), 2.0, "ab",
                                true, null),
                        "an array-like of ints in the range [1, inf) or an int in the range [1, inf)"),
                new Spec("activation", "relu",
                        pairs("identity", "identity", "logistic", "logistic", "tanh", "tanh",
                                Activation.RELU, "relu"),
                        values("sigmoid", "RELU", 1, null, Solver.ADAM),
                        "a str among {'identity', 'logistic', 'relu', 'tanh'}"),
                new Spec("solver", "adam",
                        pairs("lbfgs", "lbfgs", "sgd", "sgd", Solver.ADAM, "adam"),
                        values("newton", "", null, Activation.RELU),
                        "a str among {'adam', 'lbfgs', 'sgd'}"),
                new Spec("alpha", 0.0001,
                        pairs(0, 0.0, 0.5, 0.5, 3L, 3.0, 2.5f, 2.5, Double.MAX_VALUE, Double.MAX_VALUE),
                        // sklearn's Interval: the missing upper bound is open, so inf is refused
                        values(-1e-12, -1, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                                Float.POSITIVE_INFINITY, "0.1", true, null),
                        FLOAT_0_INF_CLOSED),
                new Spec("batch_size", "auto",
                        pairs(1, 1, 200, 200, 64L, 64, (short) 3, 3, "auto", "auto"),
                        values(0, -5, 32.0, "AUTO", "all", false, null, 1L << 40),
                        "a str among {'auto'} or an int in the range [1, inf)"),
                new Spec("learning_rate", "constant",
                        pairs("invscaling", "invscaling", "adaptive", "adaptive",
                                LearningRateSchedule.CONSTANT, "constant"),
                        values("optimal", 0.1, null),
                        "a str among {'adaptive', 'constant', 'invscaling'}"),
                new Spec("learning_rate_init", 0.001,
                        pairs(1e-300, 1e-300, 1, 1.0, 10.5, 10.5),
                        values(0, 0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY, "fast", null),
                        FLOAT_0_INF_OPEN),
                new Spec("power_t", 0.5,
                        pairs(0, 0.0, 0.25, 0.25, 7, 7.0),
                        values(-0.5, Double.NaN, Double.POSITIVE_INFINITY, null),
                        FLOAT_0_INF_CLOSED),
                new Spec("max_iter", 200,
                        pairs(1, 1, 5000L, 5000, (byte) 2, 2),
                        values(0, -1, 10.0, true, "10", null, 1L << 33),
                        INT_1_INF),
                new Spec("shuffle", true,
                        pairs(false, false, true, true),
                        values(1, 0, "True", null),
                        BOOL),
                new Spec("random_state", null,
                        pairs(0, 0L, 42, 42L, 4294967295L, 4294967295L, null, null),
                        values(-1, 4294967296L, 1.0, "42", true),
                        "an int in the range [0, 4294967295] or null"),
                new Spec("tol", 1e-4,
                        pairs(0, 0.0, 1e-9, 1e-9, 5, 5.0),
                        values(-1e-4, Double.NaN, Double.POSITIVE_INFINITY, null),
                        FLOAT_0_INF_CLOSED),
                new Spec("verbose", false,
                        pairs(true, true, 0, 0, 3, 3, 2L, 2),
                        values(-1, 1.0, "yes", null),
                        "an int in the range [0, inf) or a boolean"),
                new Spec("warm_start", false,
                        pairs(true, true, false, false),
                        values(1, "false", null),
                        BOOL),
                new Spec("momentum", 0.9,
                        pairs(0, 0.0, 1, 1.0, 0.5, 0.5),
                        values(-0.01, 1.0000001, Double.NaN, null),
                        "a float in the range [0, 1]"),
                new Spec("nesterovs_momentum", true,
                        pairs(false, false),
                        values(0, null),
                        BOOL),
                new Spec("early_stopping", false,
                        pairs(true, true),
                        values(1, "True", null),
                        BOOL),
                new Spec("validation_fraction", 0.1,
                        pairs(0, 0.0, 0.999, 0.999),
                        values(1, 1.0, -0.1, Double.NaN, null),
                        FLOAT_0_1_HALF),
                new Spec("beta_1", 0.9,
                        pairs(0, 0.0, 0.5, 0.5),
                        values(1.0, -0.5, Double.NaN, null),
                        FLOAT_0_1_HALF),
                new Spec("beta_2", 0.999,
                        pairs(0.0, 0.0, 0.9999, 0.9999),
                        values(1, 2.0, null),
                        FLOAT_0_1_HALF),
                new Spec("epsilon", 1e-8,
                        pairs(1e-12, 1e-12, 1, 1.0),
                        values(0, 0.0, -1e-8, Double.NaN, Double.POSITIVE_INFINITY, null),
                        FLOAT_0_INF_OPEN),
                new Spec("n_iter_no_change", 10,
                        pairs(1, 1, 25L, 25, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                                Float.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
                        values(0, -1, 2.0, Double.NEGATIVE_INFINITY, Double.NaN, "inf", null),
                        "an int in the range [1, inf) or a float among {inf}"),
                new Spec("max_fun", 15000,
                        pairs(1, 1, 100000, 100000),
                        values(0, 15000.0, null),
                        INT_1_INF));
    }

    @Test
    void keysAreSklearnsSortedParameterNames() {
        List<String> expected = specs().map(Spec::name).sorted().toList();
        assertEquals(expected, new ArrayList<>(MLPParams.defaults().getParams().keySet()));
        List<String> regressor = new ArrayList<>(expected);
        regressor.add("loss");
        regressor.sort(null);
        assertEquals(regressor, new ArrayList<>(MLPRegressorParams.defaults().getParams().keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void defaultIsSklearns(Spec s) {
        assertEquals(s.dflt(), MLPParams.defaults().getParams().get(s.name()));
        assertEquals(s.dflt(), MLPParams.builder().build().getParams().get(s.name()));
        assertEquals(s.dflt(), MLPRegressorParams.defaults().getParams().get(s.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void validValuesAreAcceptedAndShownNormalised(Spec s) {
        for (Map.Entry<Object, Object> e : s.valid().entrySet()) {
            Map<String, Object> update = new HashMap<>();
            update.put(s.name(), e.getKey());
            MLPParams p = MLPParams.defaults().withParams(update);
            assertEquals(e.getValue(), p.getParams().get(s.name()),
                    s.name() + " = " + ParamRules.repr(e.getKey()));
            MLPRegressorParams r = MLPRegressorParams.defaults().withParams(update);
            assertEquals(e.getValue(), r.getParams().get(s.name()));
            assertEquals(p, r.common());
            Map<String, Object> others = new HashMap<>(p.getParams());
            others.remove(s.name());
            Map<String, Object> defaultsWithout = new HashMap<>(MLPParams.defaults().getParams());
            defaultsWithout.remove(s.name());
            assertEquals(defaultsWithout, others, "setting " + s.name() + " changes nothing else");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void eachInvalidClassIsRejectedWithSklearnsMessage(Spec s) {
        for (Object bad : s.invalid()) {
            Map<String, Object> update = new HashMap<>();
            update.put(s.name(), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MLPParams.defaults().withParams(update), s.name() + " = " + bad);
            assertEquals("The '" + s.name() + "' parameter must be " + s.allowed() + ". Got "
                    + ParamRules.repr(bad) + " instead.", e.getMessage());
            IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                    () -> MLPRegressorParams.defaults().withParams(update));
            assertEquals(e.getMessage(), r.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aFailedUpdateAppliesNothing(Spec s) {
        MLPParams start = MLPParams.builder().alpha(0.25).maxIter(7).build();
        Map<String, Object> before = start.getParams();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put(s.name().equals("tol") ? "power_t" : "tol", 0.5);
        update.put(s.name(), s.invalid().get(0));
        update.put(s.name().equals("max_fun") ? "max_iter" : "max_fun", 9);
        assertThrows(IllegalArgumentException.class, () -> start.withParams(update));
        assertEquals(before, start.getParams());

        MLPRegressorParams reg = MLPRegressorParams.defaults().withLoss(RegressorLoss.POISSON);
        Map<String, Object> regBefore = reg.getParams();
        Map<String, Object> withLoss = new LinkedHashMap<>(update);
        withLoss.put("loss", "squared_error");
        assertThrows(IllegalArgumentException.class, () -> reg.withParams(withLoss));
        assertEquals(regBefore, reg.getParams());
    }

    @Test
    void unknownNamesAreRejectedListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MLPParams.defaults().withParams(Map.of("learning_rate_int", 0.1)));
        assertTrue(e.getMessage().startsWith(
                "Invalid parameter 'learning_rate_int' for estimator MLPClassifier. Valid parameters are: [activation, alpha,"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MLPParams.defaults().withParams(Map.of("loss", "squared_error")),
                "the classifier has no loss parameter");
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> MLPRegressorParams.defaults().withParams(Map.of("los", "poisson")));
        assertTrue(r.getMessage().contains("MLPRegressor") && r.getMessage().contains("loss"),
                r.getMessage());
    }

    @Test
    void regressorLossContract() {
        assertEquals("squared_error", MLPRegressorParams.defaults().getParams().get("loss"));
        assertEquals(RegressorLoss.POISSON,
                MLPRegressorParams.defaults().withParams(Map.of("loss", "poisson")).loss());
        assertEquals("poisson", MLPRegressorParams.defaults()
                .withParams(Map.of("loss", RegressorLoss.POISSON)).getParams().get("loss"));
        for (Object bad : values("log_loss", "squared_loss", "absolute_error", 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MLPRegressorParams.defaults().withParams(Map.of("loss", bad)));
            assertEquals("The 'loss' parameter must be a str among {'poisson', 'squared_error'}. Got "
                    + ParamRules.repr(bad) + " instead.", e.getMessage());
        }
        Map<String, Object> nullLoss = new HashMap<>();
        nullLoss.put("loss", null);
        assertThrows(IllegalArgumentException.class,
                () -> MLPRegressorParams.defaults().withParams(nullLoss));
        assertEquals("loss must not be null", assertThrows(IllegalArgumentException.class,
                () -> new MLPRegressorParams(MLPParams.defaults(), null)).getMessage());
    }

    @Test
    void typedAccessorsAgreeWithGetParams() {
        MLPParams d = MLPParams.defaults();
        assertArrayEquals(new int[] {100}, d.hiddenLayerSizes());
        assertEquals(Activation.RELU, d.activation());
        assertEquals(Solver.ADAM, d.solver());
        assertEquals(OptionalInt.empty(), d.batchSize());
        assertEquals(LearningRateSchedule.CONSTANT, d.learningRate());
        assertEquals(OptionalLong.empty(), d.randomState());
        assertEquals(0, d.verbose());
        assertEquals(10.0, d.nIterNoChange());

        MLPParams p = MLPParams.builder().hiddenLayerSizes(8, 4).activation(Activation.TANH)
                .solver(Solver.SGD).alpha(0.5).batchSize(32).learningRate(LearningRateSchedule.ADAPTIVE)
                .learningRateInit(0.1).powerT(0.25).maxIter(12).shuffle(false).randomState(7)
                .tol(0.01).verbose(true).warmStart(true).momentum(0.8).nesterovsMomentum(false)
                .earlyStopping(true).validationFraction(0.2).beta1(0.8).beta2(0.99).epsilon(1e-6)
                .nIterNoChangeInfinite().maxFun(99).build();
        Map<String, Object> expected = new HashMap<>();
        expected.put("hidden_layer_sizes", List.of(8, 4));
        expected.put("activation", "tanh");
        expected.put("solver", "sgd");
        expected.put("alpha", 0.5);
        expected.put("batch_size", 32);
        expected.put("learning_rate", "adaptive");
        expected.put("learning_rate_init", 0.1);
        expected.put("power_t", 0.25);
        expected.put("max_iter", 12);
        expected.put("shuffle", false);
        expected.put("random_state", 7L);
        expected.put("tol", 0.01);
        expected.put("verbose", true);
        expected.put("warm_start", true);
        expected.put("momentum", 0.8);
        expected.put("nesterovs_momentum", false);
        expected.put("early_stopping", true);
        expected.put("validation_fraction", 0.2);
        expected.put("beta_1", 0.8);
        expected.put("beta_2", 0.99);
        expected.put("epsilon", 1e-6);
        expected.put("n_iter_no_change", Double.POSITIVE_INFINITY);
        expected.put("max_fun", 99);
        assertEquals(expected, p.getParams());
        assertEquals(p, MLPParams.defaults().withParams(expected), "getParams round-trips");
        assertEquals(p, p.toBuilder().build());
        assertEquals(p.hashCode(), MLPParams.defaults().withParams(expected).hashCode());

        assertArrayEquals(new int[] {8, 4}, p.hiddenLayerSizes());
        assertEquals(0.5, p.alpha());
        assertEquals(OptionalInt.of(32), p.batchSize());
        assertEquals(0.1, p.learningRateInit());
        assertEquals(0.25, p.powerT());
        assertEquals(12, p.maxIter());
        assertEquals(false, p.shuffle());
        assertEquals(OptionalLong.of(7), p.randomState());
        assertEquals(0.01, p.tol());
        assertEquals(1, p.verbose());
        assertEquals(true, p.warmStart());
        assertEquals(0.8, p.momentum());
        assertEquals(false, p.nesterovsMomentum());
        assertEquals(true, p.earlyStopping());
        assertEquals(0.2, p.validationFraction());
        assertEquals(0.8, p.beta1());
        assertEquals(0.99, p.beta2());
        assertEquals(1e-6, p.epsilon());
        assertEquals(Double.POSITIVE_INFINITY, p.nIterNoChange());
        assertEquals(99, p.maxFun());
        assertEquals(5, p.toBuilder().verbose(5).build().verbose());
        assertEquals(OptionalInt.empty(), p.toBuilder().batchSizeAuto().build().batchSize());
        assertEquals(OptionalLong.empty(), p.toBuilder().randomStateNone().build().randomState());
        assertEquals(3.0, p.toBuilder().nIterNoChange(3).build().nIterNoChange());
    }

    @Test
    void builderSettersValidateAtOnceAndKeepEarlierValues() {
        MLPParams.Builder b = MLPParams.builder().alpha(0.3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.momentum(2));
        assertEquals("The 'momentum' parameter must be a float in the range [0, 1]. Got 2.0 instead.",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.hiddenLayerSizes(4, 0));
        assertThrows(IllegalArgumentException.class, () -> b.randomState(-2));
        assertThrows(IllegalArgumentException.class, () -> b.verbose(-1));
        assertThrows(IllegalArgumentException.class, () -> b.activation(null));
        MLPParams p = b.build();
        assertEquals(0.3, p.alpha());
        assertEquals(0.9, p.momentum());
        assertArrayEquals(new int[] {100}, p.hiddenLayerSizes());
    }

    @Test
    void getParamsIsAnImmutableSnapshot() {
        int[] sizes = {3, 4};
        MLPParams p = MLPParams.builder().hiddenLayerSizes(sizes).build();
        sizes[0] = 99;
        assertArrayEquals(new int[] {3, 4}, p.hiddenLayerSizes());
        p.hiddenLayerSizes()[1] = 77;
        assertArrayEquals(new int[] {3, 4}, p.hiddenLayerSizes());
        Map<String, Object> params = p.getParams();
        assertThrows(UnsupportedOperationException.class, () -> params.put("alpha", 1.0));
        @SuppressWarnings("unchecked")
        List<Integer> list = (List<Integer>) params.get("hidden_layer_sizes");
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, 1));
        assertSame(MLPParams.defaults(), MLPParams.defaults());
    }

    @Test
    void effectiveBatchSizeFollowsSklearn() {
        MLPParams auto = MLPParams.defaults();
        assertEquals(60, auto.effectiveBatchSize(60));
        assertEquals(200, auto.effectiveBatchSize(200));
        assertEquals(200, auto.effectiveBatchSize(10000));
        MLPParams fixed = MLPParams.builder().batchSize(64).build();
        assertEquals(64, fixed.effectiveBatchSize(1000));
        assertEquals(50, fixed.effectiveBatchSize(50), "clipped to n_samples");
        assertThrows(IllegalArgumentException.class, () -> fixed.effectiveBatchSize(0));
    }
}
