package dev.vecnn.nn;

/** Step-size schedule of the {@code sgd} solver, scikit-learn's {@code learning_rate} parameter. */
public enum LearningRateSchedule {
    /** Always {@code learning_rate_init}, scikit-learn {@code 'constant'} (the default). */
    CONSTANT("constant"),
    /**
     * {@code learning_rate_init / pow(t + 1, power_t)} with t the number of samples seen,
     * scikit-learn {@code 'invscaling'}.
     */
    INVSCALING("invscaling"),
    /**
     * Divided by 5 each time the loss (with early stopping, the validation score) has not improved
     * for more than {@code n_iter_no_change} epochs, scikit-learn {@code 'adaptive'}.
     */
    ADAPTIVE("adaptive");

    private final String sklearnName;

    LearningRateSchedule(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /**
     * The string scikit-learn uses for this value of {@code learning_rate}.
     *
     * @return the lowercase option name, such as {@code "constant"}
     */
    public String sklearnName() {
        return sklearnName;
    }

    /**
     * The constant scikit-learn calls {@code name}, or null if there is none; callers report the
     * allowed strings.
     */
    static LearningRateSchedule fromSklearnName(String name) {
        for (LearningRateSchedule v : values()) {
            if (v.sklearnName.equals(name)) {
                return v;
            }
        }
        return null;
    }
}
