package dev.vecnn.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The hyperparameters scikit-learn's {@code MLPClassifier} and {@code MLPRegressor} share, with
 * scikit-learn 1.7's defaults and parameter constraints. Immutable: build one with
 * {@link #builder()} or derive one with {@link #withParams(Map)}; an estimator keeps one and
 * replaces it on {@code setParams}. {@link MLPRegressorParams} adds the regressor's {@code loss}.
 *
 * <p>Names map one to one; {@link #getParams()} and {@link #withParams(Map)} use sklearn's:
 * <table>
 * <caption>scikit-learn name, Java accessor, default, allowed values</caption>
 * <tr><th>sklearn</th><th>Java</th><th>default</th><th>allowed</th></tr>
 * <tr><td>hidden_layer_sizes</td><td>{@link #hiddenLayerSizes()}</td><td>(100,)</td>
 *     <td>an int or a list of ints, each {@code >= 1}; may be empty</td></tr>
 * <tr><td>activation</td><td>{@link #activation()}</td><td>'relu'</td>
 *     <td>'identity', 'logistic', 'tanh', 'relu'</td></tr>
 * <tr><td>solver</td><td>{@link #solver()}</td><td>'adam'</td><td>'lbfgs', 'sgd', 'adam'</td></tr>
 * <tr><td>alpha</td><td>{@link #alpha()}</td><td>0.0001</td><td>[0, inf)</td></tr>
 * <tr><td>batch_size</td><td>{@link #batchSize()}</td><td>'auto'</td>
 *     <td>'auto' or an int in [1, inf)</td></tr>
 * <tr><td>learning_rate</td><td>{@link #learningRate()}</td><td>'constant'</td>
 *     <td>'constant', 'invscaling', 'adaptive'</td></tr>
 * <tr><td>learning_rate_init</td><td>{@link #learningRateInit()}</td><td>0.001</td>
 *     <td>(0, inf)</td></tr>
 * <tr><td>power_t</td><td>{@link #powerT()}</td><td>0.5</td><td>[0, inf)</td></tr>
 * <tr><td>max_iter</td><td>{@link #maxIter()}</td><td>200</td><td>int in [1, inf)</td></tr>
 * <tr><td>shuffle</td><td>{@link #shuffle()}</td><td>True</td><td>boolean</td></tr>
 * <tr><td>random_state</td><td>{@link #randomState()}</td><td>None (null)</td>
 *     <td>null or an int in [0, 4294967295]</td></tr>
 * <tr><td>tol</td><td>{@link #tol()}</td><td>1e-4</td><td>[0, inf)</td></tr>
 * <tr><td>verbose</td><td>{@link #verbose()}</td><td>False</td>
 *     <td>boolean or an int in [0, inf)</td></tr>
 * <tr><td>warm_start</td><td>{@link #warmStart()}</td><td>False</td><td>boolean</td></tr>
 * <tr><td>momentum</td><td>{@link #momentum()}</td><td>0.9</td><td>[0, 1]</td></tr>
 * <tr><td>nesterovs_momentum</td><td>{@link #nesterovsMomentum()}</td><td>True</td>
 *     <td>boolean</td></tr>
 * <tr><td>early_stopping</td><td>{@link #earlyStopping()}</td><td>False</td><td>boolean</td></tr>
 * <tr><td>validation_fraction</td><td>{@link #validationFraction()}</td><td>0.1</td>
 *     <td>[0, 1)</td></tr>
 * <tr><td>beta_1</td><td>{@link #beta1()}</td><td>0.9</td><td>[0, 1)</td></tr>
 * <tr><td>beta_2</td><td>{@link #beta2()}</td><td>0.999</td><td>[0, 1)</td></tr>
 * <tr><td>epsilon</td><td>{@link #epsilon()}</td><td>1e-8</td><td>(0, inf)</td></tr>
 * <tr><td>n_iter_no_change</td><td>{@link #nIterNoChange()}</td><td>10</td>
 *     <td>an int in [1, inf) or +infinity</td></tr>
 * <tr><td>max_fun</td><td>{@link #maxFun()}</td><td>15000</td><td>int in [1, inf)</td></tr>
 * </table>
 *
 * <p>Java types in maps: ints as {@code Integer} (or {@code Long}, {@code Short}, {@code Byte}),
 * floats as {@code Double} (or any of those or {@code Float}, as Python accepts an int for a
 * float), booleans as {@code Boolean}, strings as {@code String} or the matching enum constant,
 * {@code hidden_layer_sizes} as an int, {@code int[]}, {@code long[]}, or a collection or array of
 * ints, Python's {@code None} as {@code null}, {@code np.inf} as
 * {@link Double#POSITIVE_INFINITY}. A boolean is never accepted as a number, and a float with an
 * integral value is never accepted as an int, as in scikit-learn 1.7. Like scikit-learn, each
 * value is checked on its own; combinations (for example {@code early_stopping} with
 * {@code validation_fraction=0}) are errors of {@code fit}, not of the parameters. A
 * {@code RandomState} instance is not accepted for {@code random_state}: use an int seed.
 */
public final class MLPParams {
    static final String HIDDEN_LAYER_SIZES = "hidden_layer_sizes";
    static final String ACTIVATION = "activation";
    static final String SOLVER = "solver";
    static final String ALPHA = "alpha";
    static final String BATCH_SIZE = "batch_size";
    static final String LEARNING_RATE = "learning_rate";
    static final String LEARNING_RATE_INIT = "learning_rate_init";
    static final String POWER_T = "power_t";
    static final String MAX_ITER = "max_iter";
    static final String SHUFFLE = "shuffle";
    static final String RANDOM_STATE = "random_state";
    static final String TOL = "tol";
    static final String VERBOSE = "verbose";
    static final String WARM_START = "warm_start";
    static final String MOMENTUM = "momentum";
    static final String NESTEROVS_MOMENTUM = "nesterovs_momentum";
    static final String EARLY_STOPPING = "early_stopping";
    static final String VALIDATION_FRACTION = "validation_fraction";
    static final String BETA_1 = "beta_1";
    static final String BETA_2 = "beta_2";
    static final String EPSILON = "epsilon";
    static final String N_ITER_NO_CHANGE = "n_iter_no_change";
    static final String MAX_FUN = "max_fun";

    /** The largest batch {@code batch_size='auto'} uses: {@code min(200, n_samples)}. */
    public static final int AUTO_BATCH_LIMIT = 200;

    private static final String OWNER = "MLPClassifier";

    /** Each parameter's constraint, in the order of sklearn's constructor. */
    static final Map<String, Function<Object, Object>> RULES = rules();

    private static final MLPParams DEFAULTS = new MLPParams(defaultValues());

    /** Normalised values keyed by sklearn name: enums, Integer, Double, Boolean, Long, lists. */
    private final SortedMap<String, Object> values;

    private MLPParams(SortedMap<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /**
     * scikit-learn's defaults: {@code MLPClassifier()} / {@code MLPRegressor()}.
     *
     * @return the shared default instance
     */
    public static MLPParams defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS.values);
    }

    /**
     * A builder starting from these values.
     *
     * @return a new builder; this object does not change
     */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /**
     * The parameters as scikit-learn's {@code get_params()} returns them: keyed by sklearn name in
     * sorted order, strings for the options, {@code List<Integer>} for
     * {@code hidden_layer_sizes}, {@code "auto"} or an Integer for {@code batch_size}, null or a
     * Long for {@code random_state}, an Integer or {@code Double.POSITIVE_INFINITY} for
     * {@code n_iter_no_change}, {@code verbose} as given. The map is unmodifiable.
     *
     * @return every parameter, keyed by sklearn name
     */
    public Map<String, Object> getParams() {
        return Collections.unmodifiableSortedMap(sklearnView(values));
    }

    /**
     * These parameters with some replaced, like scikit-learn's {@code set_params}. Every given
     * value is validated before any is applied; this object never changes.
     *
     * @param params new values keyed by sklearn name
     * @return a new instance with the given values
     * @throws IllegalArgumentException for an unknown name or a value outside its constraint;
     *                                  the message names the parameter and what it allows
     */
    public MLPParams withParams(Map<String, ?> params) {
        return new MLPParams(merged(values, params, RULES, OWNER));
    }

    /**
     * The widths of the hidden layers, in order; empty means no hidden layer.
     *
     * @return a new array of widths, each {@code >= 1}
     */
    public int[] hiddenLayerSizes() {
        @SuppressWarnings("unchecked")
        List<Integer> sizes = (List<Integer>) values.get(HIDDEN_LAYER_SIZES);
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Hidden-layer activation ({@code activation}).
     *
     * @return the activation of every hidden layer
     */
    public Activation activation() {
        return (Activation) values.get(ACTIVATION);
    }

    /**
     * The optimiser ({@code solver}).
     *
     * @return the weight optimiser
     */
    public Solver solver() {
        return (Solver) values.get(SOLVER);
    }

    /**
     * L2 penalty strength ({@code alpha}); the loss adds {@code alpha / (2 n) * sum(W^2)}.
     *
     * @return the penalty strength, {@code >= 0}
     */
    public double alpha() {
        return (Double) values.get(ALPHA);
    }

    /**
     * The mini-batch size ({@code batch_size}), empty for {@code 'auto'}.
     *
     * @return the size, {@code >= 1}, or empty for {@code 'auto'}
     */
    public OptionalInt batchSize() {
        Object v = values.get(BATCH_SIZE);
        return v instanceof Integer i ? OptionalInt.of(i) : OptionalInt.empty();
    }

    /**
     * The batch size sklearn's stochastic solvers use for {@code nSamples} training samples:
     * {@code min(200, n)} for {@code 'auto'}, else {@code batch_size} clipped to {@code [1, n]}
     * (sklearn warns when it clips).
     *
     * @param nSamples number of training samples, {@code >= 1}
     * @return the rows per mini-batch, in {@code [1, nSamples]}
     */
    public int effectiveBatchSize(int nSamples) {
        if (nSamples < 1) {
            throw new IllegalArgumentException("nSamples must be >= 1, got " + nSamples);
        }
        OptionalInt b = batchSize();
        return b.isPresent() ? Math.min(b.getAsInt(), nSamples) : Math.min(AUTO_BATCH_LIMIT, nSamples);
    }

    /**
     * The SGD step-size schedule ({@code learning_rate}).
     *
     * @return the schedule
     */
    public LearningRateSchedule learningRate() {
        return (LearningRateSchedule) values.get(LEARNING_RATE);
    }

    /**
     * The initial step size of sgd and adam ({@code learning_rate_init}).
     *
     * @return the step size, {@code > 0}
     */
    public double learningRateInit() {
        return (Double) values.get(LEARNING_RATE_INIT);
    }

    /**
     * The exponent of the {@code invscaling} schedule ({@code power_t}).
     *
     * @return the exponent, {@code >= 0}
     */
    public double powerT() {
        return (Double) values.get(POWER_T);
    }

    /**
     * Epochs for sgd/adam, iterations for lbfgs ({@code max_iter}).
     *
     * @return the limit, {@code >= 1}
     */
    public int maxIter() {
        return (Integer) values.get(MAX_ITER);
    }

    /**
     * Whether sgd/adam shuffle the samples each epoch ({@code shuffle}).
     *
     * @return true to shuffle
     */
    public boolean shuffle() {
        return (Boolean) values.get(SHUFFLE);
    }

    /**
     * The seed of numpy's {@code RandomState} ({@code random_state}); empty means unseeded.
     *
     * @return the seed in {@code [0, 2^32 - 1]}, or empty
     */
    public OptionalLong randomState() {
        Object v = values.get(RANDOM_STATE);
        return v == null ? OptionalLong.empty() : OptionalLong.of((Long) v);
    }

    /**
     * Tolerance of the stopping rules ({@code tol}).
     *
     * @return the tolerance, {@code >= 0}
     */
    public double tol() {
        return (Double) values.get(TOL);
    }

    /**
     * Verbosity ({@code verbose}) as a level: false is 0, true is 1.
     *
     * @return the level, {@code >= 0}; 0 is silent
     */
    public int verbose() {
        Object v = values.get(VERBOSE);
        return v instanceof Boolean b ? (b ? 1 : 0) : (Integer) v;
    }

    /**
     * Whether {@code fit} continues from the previous solution ({@code warm_start}).
     *
     * @return true to warm-start
     */
    public boolean warmStart() {
        return (Boolean) values.get(WARM_START);
    }

    /**
     * SGD momentum ({@code momentum}).
     *
     * @return the momentum, in {@code [0, 1]}
     */
    public double momentum() {
        return (Double) values.get(MOMENTUM);
    }

    /**
     * Whether SGD uses Nesterov momentum ({@code nesterovs_momentum}).
     *
     * @return true for Nesterov momentum
     */
    public boolean nesterovsMomentum() {
        return (Boolean) values.get(NESTEROVS_MOMENTUM);
    }

    /**
     * Whether sgd/adam stop on a held-out validation score ({@code early_stopping}).
     *
     * @return true to stop early
     */
    public boolean earlyStopping() {
        return (Boolean) values.get(EARLY_STOPPING);
    }

    /**
     * Share of the training data held out for early stopping ({@code validation_fraction}).
     *
     * @return the fraction, in {@code [0, 1)}
     */
    public double validationFraction() {
        return (Double) values.get(VALIDATION_FRACTION);
    }

    /**
     * Adam's first-moment decay ({@code beta_1}).
     *
     * @return the decay rate, in {@code [0, 1)}
     */
    public double beta1() {
        return (Double) values.get(BETA_1);
    }

    /**
     * Adam's second-moment decay ({@code beta_2}).
     *
     * @return the decay rate, in {@code [0, 1)}
     */
    public double beta2() {
        return (Double) values.get(BETA_2);
    }

    /**
     * Adam's denominator guard ({@code epsilon}).
     *
     * @return the guard, {@code > 0}
     */
    public double epsilon() {
        return (Double) values.get(EPSILON);
    }

    /**
     * Epochs without improvement by {@code tol} before stopping ({@code n_iter_no_change}); an
     * integer value, or {@link Double#POSITIVE_INFINITY} for never. sklearn stops when its
     * no-improvement counter exceeds this, so compare with {@code >} on doubles.
     *
     * @return the epoch count, {@code >= 1}, or positive infinity
     */
    public double nIterNoChange() {
        return ((Number) values.get(N_ITER_NO_CHANGE)).doubleValue();
    }

    /**
     * Maximum loss evaluations of lbfgs ({@code max_fun}).
     *
     * @return the limit, {@code >= 1}
     */
    public int maxFun() {
        return (Integer) values.get(MAX_FUN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MLPParams p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The parameters in sklearn's {@code get_params()} form. */
    @Override
    public String toString() {
        return "MLPParams" + getParams();
    }

    /** Validates every entry of {@code updates} against {@code rules}, then merges. */
    static SortedMap<String, Object> merged(Map<String, Object> current, Map<String, ?> updates,
                                           Map<String, Function<Object, Object>> rules,
                                           String owner) {
        if (updates == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        TreeMap<String, Object> next = new TreeMap<>(current);
        for (Map.Entry<String, ?> e : updates.entrySet()) {
            Function<Object, Object> rule = rules.get(e.getKey());
            if (rule == null) {
                throw ParamRules.unknown(e.getKey(), owner, new TreeMap<>(rules));
            }
            next.put(e.getKey(), rule.apply(e.getValue()));
        }
        return next;
    }

    /** Normalised values in the form sklearn's {@code get_params} shows: enums as strings. */
    static TreeMap<String, Object> sklearnView(Map<String, Object> values) {
        TreeMap<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, switch (v) {
            case Activation a -> a.sklearnName();
            case Solver s -> s.sklearnName();
            case LearningRateSchedule l -> l.sklearnName();
            case RegressorLoss l -> l.sklearnName();
            case null -> null;
            default -> v;
        }));
        return out;
    }

    SortedMap<String, Object> values() {
        return values;
    }

    private static Map<String, Function<Object, Object>> rules() {
        Map<String, Function<Object, Object>> r = new LinkedHashMap<>();
        r.put(HIDDEN_LAYER_SIZES, ParamRules.layerSizes(HIDDEN_LAYER_SIZES));
        r.put(ACTIVATION, ParamRules.options(ACTIVATION, Activation.class,
                Activation::fromSklearnName, Activation::sklearnName));
        r.put(SOLVER, ParamRules.options(SOLVER, Solver.class,
                Solver::fromSklearnName, Solver::sklearnName));
        r.put(ALPHA, ParamRules.real(ALPHA, 0.0, true, null, false));
        r.put(BATCH_SIZE, ParamRules.batchSize(BATCH_SIZE));
        r.put(LEARNING_RATE, ParamRules.options(LEARNING_RATE, LearningRateSchedule.class,
                LearningRateSchedule::fromSklearnName, LearningRateSchedule::sklearnName));
        r.put(LEARNING_RATE_INIT, ParamRules.real(LEARNING_RATE_INIT, 0.0, false, null, false));
        r.put(POWER_T, ParamRules.real(POWER_T, 0.0, true, null, false));
        r.put(MAX_ITER, ParamRules.integer(MAX_ITER, 1));
        r.put(SHUFFLE, ParamRules.bool(SHUFFLE));
        r.put(RANDOM_STATE, ParamRules.randomState(RANDOM_STATE));
        r.put(TOL, ParamRules.real(TOL, 0.0, true, null, false));
        r.put(VERBOSE, ParamRules.verbose(VERBOSE));
        r.put(WARM_START, ParamRules.bool(WARM_START));
        r.put(MOMENTUM, ParamRules.real(MOMENTUM, 0.0, true, 1.0, true));
        r.put(NESTEROVS_MOMENTUM, ParamRules.bool(NESTEROVS_MOMENTUM));
        r.put(EARLY_STOPPING, ParamRules.bool(EARLY_STOPPING));
        r.put(VALIDATION_FRACTION, ParamRules.real(VALIDATION_FRACTION, 0.0, true, 1.0, false));
        r.put(BETA_1, ParamRules.real(BETA_1, 0.0, true, 1.0, false));
        r.put(BETA_2, ParamRules.real(BETA_2, 0.0, true, 1.0, false));
        r.put(EPSILON, ParamRules.real(EPSILON, 0.0, false, null, false));
        r.put(N_ITER_NO_CHANGE, ParamRules.intOrInfinity(N_ITER_NO_CHANGE));
        r.put(MAX_FUN, ParamRules.integer(MAX_FUN, 1));
        return Collections.unmodifiableMap(r);
    }

    private static SortedMap<String, Object> defaultValues() {
        TreeMap<String, Object> d = new TreeMap<>();
        d.put(HIDDEN_LAYER_SIZES, List.of(100));
        d.put(ACTIVATION, Activation.RELU);
        d.put(SOLVER, Solver.ADAM);
        d.put(ALPHA, 0.0001);
        d.put(BATCH_SIZE, "auto");
        d.put(LEARNING_RATE, LearningRateSchedule.CONSTANT);
        d.put(LEARNING_RATE_INIT, 0.001);
        d.put(POWER_T, 0.5);
        d.put(MAX_ITER, 200);
        d.put(SHUFFLE, true);
        d.put(RANDOM_STATE, null);
        d.put(TOL, 1e-4);
        d.put(VERBOSE, false);
        d.put(WARM_START, false);
        d.put(MOMENTUM, 0.9);
        d.put(NESTEROVS_MOMENTUM, true);
        d.put(EARLY_STOPPING, false);
        d.put(VALIDATION_FRACTION, 0.1);
        d.put(BETA_1, 0.9);
        d.put(BETA_2, 0.999);
        d.put(EPSILON, 1e-8);
        d.put(N_ITER_NO_CHANGE, 10);
        d.put(MAX_FUN, 15000);
        return d;
    }

    /**
     * Sets parameters one at a time with Java types; each setter validates at once with the same
     * rules and messages as {@link MLPParams#withParams(Map)}.
     */
    public static final class Builder {
        private final TreeMap<String, Object> values;

        private Builder(Map<String, Object> start) {
            this.values = new TreeMap<>(start);
        }

        private Builder set(String name, Object value) {
            values.put(name, RULES.get(name).apply(value));
            return this;
        }

        /**
         * {@code hidden_layer_sizes}: each width {@code >= 1}; none means no hidden layer.
         *
         * @param sizes the width of each hidden layer, in order
         * @return this builder
         * @throws IllegalArgumentException if a width is below 1
         */
        public Builder hiddenLayerSizes(int... sizes) {
            return set(HIDDEN_LAYER_SIZES, sizes.clone());
        }

        /**
         * {@code activation}.
         *
         * @param activation the hidden-layer activation, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code activation} is null
         */
        public Builder activation(Activation activation) {
            return set(ACTIVATION, activation);
        }

        /**
         * {@code solver}.
         *
         * @param solver the weight optimiser, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code solver} is null
         */
        public Builder solver(Solver solver) {
            return set(SOLVER, solver);
        }

        /**
         * {@code alpha} in {@code [0, inf)}.
         *
         * @param alpha the L2 penalty strength
         * @return this builder
         * @throws IllegalArgumentException if {@code alpha} is NaN or out of range
         */
        public Builder alpha(double alpha) {
            return set(ALPHA, alpha);
        }

        /**
         * {@code batch_size} in {@code [1, inf)}.
         *
         * @param batchSize rows per mini-batch
         * @return this builder
         * @throws IllegalArgumentException if {@code batchSize} is out of range
         */
        public Builder batchSize(int batchSize) {
            return set(BATCH_SIZE, batchSize);
        }

        /**
         * {@code batch_size='auto'}: {@code min(200, n_samples)}.
         *
         * @return this builder
         */
        public Builder batchSizeAuto() {
            return set(BATCH_SIZE, "auto");
        }

        /**
         * {@code learning_rate}.
         *
         * @param schedule the sgd step-size schedule, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code schedule} is null
         */
        public Builder learningRate(LearningRateSchedule schedule) {
            return set(LEARNING_RATE, schedule);
        }

        /**
         * {@code learning_rate_init} in {@code (0, inf)}.
         *
         * @param learningRateInit the initial step size
         * @return this builder
         * @throws IllegalArgumentException if {@code learningRateInit} is NaN or out of range
         */
        public Builder learningRateInit(double learningRateInit) {
            return set(LEARNING_RATE_INIT, learningRateInit);
        }

        /**
         * {@code power_t} in {@code [0, inf)}.
         *
         * @param powerT the invscaling exponent
         * @return this builder
         * @throws IllegalArgumentException if {@code powerT} is NaN or out of range
         */
        public Builder powerT(double powerT) {
            return set(POWER_T, powerT);
        }

        /**
         * {@code max_iter} in {@code [1, inf)}.
         *
         * @param maxIter the epoch or iteration limit
         * @return this builder
         * @throws IllegalArgumentException if {@code maxIter} is out of range
         */
        public Builder maxIter(int maxIter) {
            return set(MAX_ITER, maxIter);
        }

        /**
         * {@code shuffle}.
         *
         * @param shuffle true to shuffle the rows each epoch
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            return set(SHUFFLE, shuffle);
        }

        /**
         * {@code random_state} as an int seed in {@code [0, 2^32 - 1]}.
         *
         * @param seed the seed
         * @return this builder
         * @throws IllegalArgumentException if {@code seed} is out of range
         */
        public Builder randomState(long seed) {
            return set(RANDOM_STATE, seed);
        }

        /**
         * {@code random_state=None}: a fresh unpredictable seed per fit.
         *
         * @return this builder
         */
        public Builder randomStateNone() {
            return set(RANDOM_STATE, null);
        }

        /**
         * {@code tol} in {@code [0, inf)}.
         *
         * @param tol the stopping tolerance
         * @return this builder
         * @throws IllegalArgumentException if {@code tol} is NaN or out of range
         */
        public Builder tol(double tol) {
            return set(TOL, tol);
        }

        /**
         * {@code verbose} as a level in {@code [0, inf)}.
         *
         * @param level the verbosity, 0 for silent
         * @return this builder
         * @throws IllegalArgumentException if {@code level} is out of range
         */
        public Builder verbose(int level) {
            return set(VERBOSE, level);
        }

        /**
         * {@code verbose} as a boolean.
         *
         * @param verbose true for level 1, false for 0
         * @return this builder
         */
        public Builder verbose(boolean verbose) {
            return set(VERBOSE, verbose);
        }

        /**
         * {@code warm_start}.
         *
         * @param warmStart true to continue from the previous fit
         * @return this builder
         */
        public Builder warmStart(boolean warmStart) {
            return set(WARM_START, warmStart);
        }

        /**
         * {@code momentum} in {@code [0, 1]}.
         *
         * @param momentum the sgd momentum
         * @return this builder
         * @throws IllegalArgumentException if {@code momentum} is NaN or out of range
         */
        public Builder momentum(double momentum) {
            return set(MOMENTUM, momentum);
        }

        /**
         * {@code nesterovs_momentum}.
         *
         * @param nesterovsMomentum true for Nesterov momentum
         * @return this builder
         */
        public Builder nesterovsMomentum(boolean nesterovsMomentum) {
            return set(NESTEROVS_MOMENTUM, nesterovsMomentum);
        }

        /**
         * {@code early_stopping}.
         *
         * @param earlyStopping true to stop on a validation score
         * @return this builder
         */
        public Builder earlyStopping(boolean earlyStopping) {
            return set(EARLY_STOPPING, earlyStopping);
        }

        /**
         * {@code validation_fraction} in {@code [0, 1)}.
         *
         * @param validationFraction the held-out share of the training rows
         * @return this builder
         * @throws IllegalArgumentException if {@code validationFraction} is NaN or out of range
         */
        public Builder validationFraction(double validationFraction) {
            return set(VALIDATION_FRACTION, validationFraction);
        }

        /**
         * {@code beta_1} in {@code [0, 1)}.
         *
         * @param beta1 adam's first-moment decay
         * @return this builder
         * @throws IllegalArgumentException if {@code beta1} is NaN or out of range
         */
        public Builder beta1(double beta1) {
            return set(BETA_1, beta1);
        }

        /**
         * {@code beta_2} in {@code [0, 1)}.
         *
         * @param beta2 adam's second-moment decay
         * @return this builder
         * @throws IllegalArgumentException if {@code beta2} is NaN or out of range
         */
        public Builder beta2(double beta2) {
            return set(BETA_2, beta2);
        }

        /**
         * {@code epsilon} in {@code (0, inf)}.
         *
         * @param epsilon adam's denominator guard
         * @return this builder
         * @throws IllegalArgumentException if {@code epsilon} is NaN or out of range
         */
        public Builder epsilon(double epsilon) {
            return set(EPSILON, epsilon);
        }

        /**
         * {@code n_iter_no_change} in {@code [1, inf)}.
         *
         * @param epochs the non-improving epochs tolerated before stopping
         * @return this builder
         * @throws IllegalArgumentException if {@code epochs} is out of range
         */
        public Builder nIterNoChange(int epochs) {
            return set(N_ITER_NO_CHANGE, epochs);
        }

        /**
         * {@code n_iter_no_change=np.inf}: never stop early on the loss or score.
         *
         * @return this builder
         */
        public Builder nIterNoChangeInfinite() {
            return set(N_ITER_NO_CHANGE, Double.POSITIVE_INFINITY);
        }

        /**
         * {@code max_fun} in {@code [1, inf)}.
         *
         * @param maxFun the lbfgs loss-evaluation limit
         * @return this builder
         * @throws IllegalArgumentException if {@code maxFun} is out of range
         */
        public Builder maxFun(int maxFun) {
            return set(MAX_FUN, maxFun);
        }

        /**
         * The parameters set so far.
         *
         * @return a new immutable instance
         */
        public MLPParams build() {
            return new MLPParams(values);
        }
    }
}
