package dev.vecnn.kernels;

import java.util.Arrays;

/**
 * The hidden- and output-layer activations of a multilayer perceptron, with scikit-learn's names.
 * Each has a forward map and a derivative written in terms of the activation's output y (as
 * scikit-learn's {@code DERIVATIVES} table does), so the backward pass needs only the stored
 * activations:
 *
 * <pre>
 * name        f(z)                      f'(z) in terms of y = f(z)
 * identity    z                         1
 * logistic    1 / (1 + e^-z)            y (1 - y)
 * tanh        tanh z                    1 - y^2
 * relu        max(z, 0)                 1 if y &gt; 0, else 0 (0 at z = 0)
 * leaky_relu  z if z &gt; 0, else a z      1 if y &gt; 0, else a   (slope a &gt;= 0)
 * softplus    log(1 + e^z)              1 - e^-y              (the logistic of z)
 * </pre>
 *
 * Softmax, which couples a whole row, is {@link Activations#softmax(float[], int, int, int)}.
 */
public enum Activation {
    IDENTITY("identity"),
    LOGISTIC("logistic"),
    TANH("tanh"),
    RELU("relu"),
    LEAKY_RELU("leaky_relu"),
    SOFTPLUS("softplus");

    private final String sklearnName;

    Activation(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /** The name scikit-learn uses for this activation, e.g. {@code "relu"}. */
    public String sklearnName() {
        return sklearnName;
    }

    /**
     * The activation with scikit-learn's name {@code name}.
     *
     * @throws IllegalArgumentException naming the argument, for null or an unknown name
     */
    public static Activation fromName(String name) {
        for (Activation a : values()) {
            if (a.sklearnName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be one of "
                + Arrays.stream(values()).map(Activation::sklearnName).toList() + ", got " + name);
    }
}
