package dev.vecnn.nn;

/** Loss of {@link MLPRegressorParams}, scikit-learn 1.7's {@code MLPRegressor(loss=...)} parameter. */
public enum RegressorLoss {
    /** Half mean squared error with an identity output, scikit-learn {@code 'squared_error'} (the default). */
    SQUARED_ERROR("squared_error"),
    /** Poisson loss with an exponential output activation, for non-negative targets, scikit-learn {@code 'poisson'}. */
    POISSON("poisson");

    private final String sklearnName;

    RegressorLoss(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /**
     * The string scikit-learn uses for this value of {@code loss}.
     *
     * @return the lowercase option name, such as {@code "squared_error"}
     */
    public String sklearnName() {
        return sklearnName;
    }

    /**
     * The constant scikit-learn calls {@code name}, or null if there is none; callers report the
     * allowed strings.
     */
    static RegressorLoss fromSklearnName(String name) {
        for (RegressorLoss v : values()) {
            if (v.sklearnName.equals(name)) {
                return v;
            }
        }
        return null;
    }
}
