package dev.vecnn.nn;

/**
 * Hidden-layer activation, scikit-learn's {@code activation} parameter: the four scikit-learn
 * offers. Not to be confused with the kernels' {@link dev.vecnn.kernels.Activation}, the wider set
 * (with leaky_relu and softplus) that the kernels and fused products take; a program using both
 * imports one and names the other in full.
 */
public enum Activation {
    /** {@code f(x) = x}, scikit-learn {@code 'identity'}. */
    IDENTITY("identity"),
    /** {@code f(x) = 1 / (1 + exp(-x))}, scikit-learn {@code 'logistic'}; its initial weights use a smaller bound. */
    LOGISTIC("logistic"),
    /** {@code f(x) = tanh(x)}, scikit-learn {@code 'tanh'}. */
    TANH("tanh"),
    /** {@code f(x) = max(0, x)}, scikit-learn {@code 'relu'} (the default). */
    RELU("relu");

    private final String sklearnName;

    Activation(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /**
     * The string scikit-learn uses for this value of {@code activation}.
     *
     * @return the lowercase option name, such as {@code "relu"}
     */
    public String sklearnName() {
        return sklearnName;
    }

    /**
     * The constant scikit-learn calls {@code name}, or null if there is none; callers report the
     * allowed strings.
     */
    static Activation fromSklearnName(String name) {
        for (Activation v : values()) {
            if (v.sklearnName.equals(name)) {
                return v;
            }
        }
        return null;
    }
}
