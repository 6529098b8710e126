package dev.vecnn.nn.layer;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;

/**
 * The function a dense layer applies to {@code A W + b}: a hidden activation (with a derivative in
 * terms of its output, for the backward pass) or an output function. Output functions have no
 * derivative here because the loss delta {@code p - y} already includes it (softmax with log-loss,
 * logistic with binary log-loss, identity with squared error, exp with Poisson).
 */
public enum Transfer {
    /** {@code z}, scikit-learn {@code 'identity'}. */
    IDENTITY(Activation.IDENTITY),
    /** {@code 1 / (1 + e^-z)}, scikit-learn {@code 'logistic'}. */
    LOGISTIC(Activation.LOGISTIC),
    /** {@code tanh z}, scikit-learn {@code 'tanh'}. */
    TANH(Activation.TANH),
    /** {@code max(z, 0)}, scikit-learn {@code 'relu'}. */
    RELU(Activation.RELU),
    /** Row-wise softmax, the multiclass output, scikit-learn {@code 'softmax'}. */
    SOFTMAX(null),
    /**
     * {@code e^z}, the Poisson output, scikit-learn {@code 'exp'}. The kernels have no exp
     * activation yet, so this one is a plain {@link Math#exp} loop.
     */
    EXP(null);

    private final Activation kernel;

    Transfer(Activation kernel) {
        this.kernel = kernel;
    }

    /**
     * The transfer for an estimator's hidden activation.
     *
     * @param activation the estimator's hidden activation
     * @return the transfer computing the same function
     */
    public static Transfer of(dev.vecnn.nn.Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        return switch (activation) {
            case IDENTITY -> IDENTITY;
            case LOGISTIC -> LOGISTIC;
            case TANH -> TANH;
            case RELU -> RELU;
        };
    }

    /**
     * scikit-learn's name, as in {@code out_activation_}.
     *
     * @return the lowercase name, such as {@code "relu"} or {@code "softmax"}
     */
    public String sklearnName() {
        return kernel != null ? kernel.sklearnName() : name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The kernels' activation that GEMM can apply while a tile is in registers, or null for the
     * row-wise output functions (softmax, exp), which need their own pass.
     */
    Activation fusable() {
        return kernel;
    }

    /**
     * Whether the backward pass can go through this function (hidden activations only).
     *
     * @return true for identity, logistic, tanh and relu; false for softmax and exp
     */
    public boolean hasDerivative() {
        return kernel != null;
    }

    /**
     * Applies the function in place to {@code rows x cols} row-major values from index 0.
     *
     * @param x    the values, overwritten with the results
     * @param rows number of rows, {@code >= 0}
     * @param cols row length; softmax normalizes each row of this many values
     */
    public void apply(float[] x, int rows, int cols) {
        apply(x, 0, rows, cols);
    }

    /**
     * {@link #apply(float[], int, int)} on the {@code rows x cols} values from index {@code offset}.
     *
     * @param x      the array holding the values, overwritten with the results
     * @param offset index of the first value in {@code x}
     * @param rows   number of rows, {@code >= 0}
     * @param cols   row length; softmax normalizes each row of this many values
     */
    public void apply(float[] x, int offset, int rows, int cols) {
        LayerArguments.range("x", x, offset, rows, cols);
        int n = rows * cols;
        switch (this) {
            case IDENTITY -> {
                // The identity changes nothing; skip the pass over the data.
            }
            case SOFTMAX -> Activations.softmax(x, offset, rows, cols);
            case EXP -> {
                for (int i = offset; i < offset + n; i++) {
                    x[i] = (float) Math.exp(x[i]);
                }
            }
            default -> Activations.forward(kernel, x, offset, n);
        }
    }

    /**
     * Double version of {@link #apply(float[], int, int)}.
     *
     * @param x    the values, overwritten with the results
     * @param rows number of rows, {@code >= 0}
     * @param cols row length; softmax normalizes each row of this many values
     */
    public void apply(double[] x, int rows, int cols) {
        apply(x, 0, rows, cols);
    }

    /**
     * {@link #apply(double[], int, int)} on the {@code rows x cols} values from index {@code offset}.
     *
     * @param x      the array holding the values, overwritten with the results
     * @param offset index of the first value in {@code x}
     * @param rows   number of rows, {@code >= 0}
     * @param cols   row length; softmax normalizes each row of this many values
     */
    public void apply(double[] x, int offset, int rows, int cols) {
        LayerArguments.range("x", x, offset, rows, cols);
        int n = rows * cols;
        switch (this) {
            case IDENTITY -> {
                // The identity changes nothing; skip the pass over the data.
            }
            case SOFTMAX -> Activations.softmax(x, offset, rows, cols);
            case EXP -> {
                for (int i = offset; i < offset + n; i++) {
                    x[i] = Math.exp(x[i]);
                }
            }
            default -> Activations.forward(kernel, x, offset, n);
        }
    }

    /**
     * {@code delta[i] *= f'(z_i)} for the first {@code length} entries, from outputs {@code y}.
     * Only for transfers that {@link #hasDerivative()}.
     *
     * @param y      the forward outputs {@code f(z_i)} of this function
     * @param delta  the gradient with respect to the outputs, scaled in place
     * @param length number of entries from index 0
     */
    public void derivative(float[] y, float[] delta, int length) {
        LayerArguments.range("y", y, 0, 1, length);
        LayerArguments.range("delta", delta, 0, 1, length);
        if (this != IDENTITY) {
            Activations.derivative(hidden(), 0f, y, delta, 0, length);
        }
    }

    /**
     * Double version of {@link #derivative(float[], float[], int)}.
     *
     * @param y      the forward outputs {@code f(z_i)} of this function
     * @param delta  the gradient with respect to the outputs, scaled in place
     * @param length number of entries from index 0
     */
    public void derivative(double[] y, double[] delta, int length) {
        LayerArguments.range("y", y, 0, 1, length);
        LayerArguments.range("delta", delta, 0, 1, length);
        if (this != IDENTITY) {
            Activations.derivative(hidden(), 0d, y, delta, 0, length);
        }
    }

    private Activation hidden() {
        if (kernel == null) {
            throw new IllegalStateException(this + " is an output function and has no derivative here");
        }
        return kernel;
    }
}
