package dev.vecnn.nn;

/** Weight optimiser, scikit-learn's {@code solver} parameter. */
public enum Solver {
    /** Quasi-Newton L-BFGS on the full batch, scikit-learn {@code 'lbfgs'}. */
    LBFGS("lbfgs"),
    /** Mini-batch stochastic gradient descent with optional (Nesterov) momentum, scikit-learn {@code 'sgd'}. */
    SGD("sgd"),
    /** Adam (Kingma and Ba), scikit-learn {@code 'adam'} (the default). */
    ADAM("adam");

    private final String sklearnName;

    Solver(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /**
     * The string scikit-learn uses for this value of {@code solver}.
     *
     * @return the lowercase option name, such as {@code "adam"}
     */
    public String sklearnName() {
        return sklearnName;
    }

    /**
     * The constant scikit-learn calls {@code name}, or null if there is none; callers report the
     * allowed strings.
     */
    static Solver fromSklearnName(String name) {
        for (Solver v : values()) {
            if (v.sklearnName.equals(name)) {
                return v;
            }
        }
        return null;
    }
}
