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
 * The estimators' {@code activation} parameter is a separate enum, {@code dev.vecnn.nn.Activation},
 * with only the four scikit-learn offers.
 */
public enum Activation {
    /** {@code f(z) = z}. */
    IDENTITY("identity"),
    /** The logistic sigmoid {@code 1 / (1 + e^-z)}. */
    LOGISTIC("logistic"),
    /** The hyperbolic tangent. */
    TANH("tanh"),
    /** The rectifier {@code max(z, 0)}. */
    RELU("relu"),
    /** The rectifier with slope a below zero (default {@link Activations#DEFAULT_LEAKY_SLOPE}). */
    LEAKY_RELU("leaky_relu"),
    /** {@code log(1 + e^z)}, a smooth rectifier. */
    SOFTPLUS("softplus");

    private final String sklearnName;

    Activation(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /**
     * The name scikit-learn uses for this activation, e.g. {@code "relu"}; scikit-learn itself has
     * no leaky_relu or softplus, whose names follow the same style.
     *
     * @return the lowercase name
     */
    public String sklearnName() {
        return sklearnName;
    }

    /**
     * The activation with scikit-learn's name {@code name}.
     *
     * @param name a name as returned by {@link #sklearnName()}, e.g. {@code "tanh"}
     * @return the activation of that name
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
