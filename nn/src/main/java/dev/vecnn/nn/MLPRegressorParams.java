package dev.vecnn.nn;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The hyperparameters of scikit-learn 1.7's {@code MLPRegressor}: everything in
 * {@link MLPParams} plus {@code loss} ({@link RegressorLoss}, default {@code 'squared_error'}).
 * Immutable, like {@link MLPParams}.
 *
 * @param common the parameters shared with the classifier
 * @param loss   the regression loss, sklearn's {@code loss}
 */
public record MLPRegressorParams(MLPParams common, RegressorLoss loss) {
    static final String LOSS = "loss";

    private static final String OWNER = "MLPRegressor";
    private static final Map<String, Function<Object, Object>> RULES = rules();

    /**
     * Both arguments are required.
     *
     * @throws IllegalArgumentException if either is null
     */
    public MLPRegressorParams {
        if (common == null || loss == null) {
            throw new IllegalArgumentException((common == null ? "common" : "loss") + " must not be null");
        }
    }

    /**
     * scikit-learn's defaults: {@code MLPRegressor()}.
     *
     * @return the defaults of {@link MLPParams} with squared-error loss
     */
    public static MLPRegressorParams defaults() {
        return new MLPRegressorParams(MLPParams.defaults(), RegressorLoss.SQUARED_ERROR);
    }

    /**
     * These parameters with another loss.
     *
     * @param newLoss the regression loss, not null
     * @return a new instance
     */
    public MLPRegressorParams withLoss(RegressorLoss newLoss) {
        return new MLPRegressorParams(common, newLoss);
    }

    /**
     * These parameters with other shared parameters.
     *
     * @param newCommon the parameters shared with the classifier, not null
     * @return a new instance
     */
    public MLPRegressorParams withCommon(MLPParams newCommon) {
        return new MLPRegressorParams(newCommon, loss);
    }

    /**
     * scikit-learn's {@code get_params()}: {@link MLPParams#getParams()} plus {@code loss}, in
     * sorted key order, unmodifiable.
     *
     * @return every parameter, keyed by sklearn name
     */
    public Map<String, Object> getParams() {
        TreeMap<String, Object> values = new TreeMap<>(common.values());
        values.put(LOSS, loss);
        return Collections.unmodifiableSortedMap(MLPParams.sklearnView(values));
    }

    /**
     * These parameters with some replaced, like scikit-learn's {@code set_params}; every value is
     * validated before any is applied.
     *
     * @param params new values keyed by sklearn name, including {@code loss}
     * @return a new instance
     * @throws IllegalArgumentException for an unknown name or a value outside its constraint
     */
    public MLPRegressorParams withParams(Map<String, ?> params) {
        TreeMap<String, Object> current = new TreeMap<>(common.values());
        current.put(LOSS, loss);
        SortedMap<String, Object> next = MLPParams.merged(current, params, RULES, OWNER);
        RegressorLoss newLoss = (RegressorLoss) next.remove(LOSS);
        Map<String, Object> shared = new HashMap<>(next);
        return new MLPRegressorParams(MLPParams.defaults().withParams(shared), newLoss);
    }

    private static Map<String, Function<Object, Object>> rules() {
        Map<String, Function<Object, Object>> r = new HashMap<>(MLPParams.RULES);
        r.put(LOSS, ParamRules.options(LOSS, RegressorLoss.class,
                RegressorLoss::fromSklearnName, RegressorLoss::sklearnName));
        return Collections.unmodifiableMap(r);
    }
}
