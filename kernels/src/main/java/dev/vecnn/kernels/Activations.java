package dev.vecnn.kernels;

import dev.vecnn.kernels.elementwise.ActivationF32;
import dev.vecnn.kernels.elementwise.ActivationF64;
import dev.vecnn.kernels.elementwise.ActivationScalarF32;
import dev.vecnn.kernels.elementwise.ActivationScalarF64;

/**
 * Activations of a multilayer perceptron over ranges of flat arrays, in place: the forward map,
 * the backward step {@code delta *= f'(z)} computed from the stored outputs {@code y = f(z)}
 * (see {@link Activation} for the table), and row-wise softmax for the output layer.
 *
 * <p>The transcendental functions are polynomial approximations on vectors, within a few ulps of
 * the exact result ({@link ElementwiseTolerance} states the bounds); they saturate
 * cleanly: {@code logistic(-1000) = 0}, {@code logistic(1000) = 1}, {@code tanh(+-inf) = +-1}.
 * Invalid arguments throw {@link IllegalArgumentException} naming the argument, before anything is
 * written. Without the vector module the scalar twins run (see {@link VectorSupport}).
 */
public final class Activations {
    /** The slope of leaky_relu below zero when none is given. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    private Activations() {
    }

    /**
     * {@code x[offset, offset+length) = f(x)}; leaky_relu uses {@link #DEFAULT_LEAKY_SLOPE}.
     *
     * @param activation the activation to apply, not null
     * @param x the values, replaced by their activations
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     */
    public static void forward(Activation activation, float[] x, int offset, int length) {
        forward(activation, (float) DEFAULT_LEAKY_SLOPE, x, offset, length);
    }

    /**
     * {@code x[offset, offset+length) = f(x)}; the slope is used by LEAKY_RELU only.
     *
     * @param activation the activation to apply, not null
     * @param slope leaky_relu's slope below zero, finite and {@code >= 0}
     * @param x the values, replaced by their activations
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     */
    public static void forward(Activation activation, float slope, float[] x, int offset, int length) {
        check(activation, slope);
        ElementwiseArguments.range("x", x, offset, length);
        if (VectorSupport.enabled()) {
            ActivationF32.forward(activation, slope, x, offset, length);
        } else {
            ActivationScalarF32.forward(activation, slope, x, offset, length);
        }
    }

    /**
     * Double version of {@link #forward(Activation, float[], int, int)}.
     *
     * @param activation the activation to apply, not null
     * @param x the values, replaced by their activations
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     */
    public static void forward(Activation activation, double[] x, int offset, int length) {
        forward(activation, DEFAULT_LEAKY_SLOPE, x, offset, length);
    }

    /**
     * Double version of {@link #forward(Activation, float, float[], int, int)}.
     *
     * @param activation the activation to apply, not null
     * @param slope leaky_relu's slope below zero, finite and {@code >= 0}
     * @param x the values, replaced by their activations
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     */
    public static void forward(Activation activation, double slope, double[] x, int offset, int length) {
        check(activation, slope);
        ElementwiseArguments.range("x", x, offset, length);
        if (VectorSupport.enabled()) {
            ActivationF64.forward(activation, slope, x, offset, length);
        } else {
            ActivationScalarF64.forward(activation, slope, x, offset, length);
        }
    }

    /**
     * The backward step through the activation: {@code delta[i] *= f'(z_i)} for i in
     * {@code [offset, offset+length)}, where {@code y[i] = f(z_i)} are the stored forward outputs.
     *
     * @param activation the activation of the forward pass, not null
     * @param slope leaky_relu's slope below zero, finite and {@code >= 0}
     * @param y the stored forward outputs {@code f(z)}
     * @param delta gradients with respect to the outputs, multiplied in place
     * @param offset index of the first element of both {@code y} and {@code delta}, {@code >= 0}
     * @param length number of elements, {@code >= 0}, within both arrays
     */
    public static void derivative(Activation activation, float slope, float[] y, float[] delta,
                                  int offset, int length) {
        check(activation, slope);
        ElementwiseArguments.range("y", y, offset, length);
        ElementwiseArguments.range("delta", delta, offset, length);
        if (VectorSupport.enabled()) {
            ActivationF32.derivative(activation, slope, y, delta, offset, length);
        } else {
            ActivationScalarF32.derivative(activation, slope, y, delta, offset, length);
        }
    }

    /**
     * Double version of {@link #derivative(Activation, float, float[], float[], int, int)}.
     *
     * @param activation the activation of the forward pass, not null
     * @param slope leaky_relu's slope below zero, finite and {@code >= 0}
     * @param y the stored forward outputs {@code f(z)}
     * @param delta gradients with respect to the outputs, multiplied in place
     * @param offset index of the first element of both {@code y} and {@code delta}, {@code >= 0}
     * @param length number of elements, {@code >= 0}, within both arrays
     */
    public static void derivative(Activation activation, double slope, double[] y, double[] delta,
                                  int offset, int length) {
        check(activation, slope);
        ElementwiseArguments.range("y", y, offset, length);
        ElementwiseArguments.range("delta", delta, offset, length);
        if (VectorSupport.enabled()) {
            ActivationF64.derivative(activation, slope, y, delta, offset, length);
        } else {
            ActivationScalarF64.derivative(activation, slope, y, delta, offset, length);
        }
    }

    /**
     * Row-wise softmax in place over {@code rows x cols} row-major values starting at
     * {@code offset}: each row has its maximum subtracted before exponentiation, so rows with
     * huge entries or {@code -inf} entries stay finite and sum to 1 (to rounding). A row must
     * contain no {@code +inf} and not only {@code -inf}, else it becomes NaN (as in scikit-learn).
     *
     * @param x the row-major values, replaced by the row probabilities
     * @param offset index of the first row's first value, {@code >= 0}
     * @param rows number of rows, {@code >= 0}
     * @param cols values per row, also the row stride, {@code >= 0}
     */
    public static void softmax(float[] x, int offset, int rows, int cols) {
        checkSoftmax(x, offset, rows, cols);
        if (VectorSupport.enabled()) {
            ActivationF32.softmax(x, offset, rows, cols);
        } else {
            ActivationScalarF32.softmax(x, offset, rows, cols);
        }
    }

    /**
     * Double version of {@link #softmax(float[], int, int, int)}.
     *
     * @param x the row-major values, replaced by the row probabilities
     * @param offset index of the first row's first value, {@code >= 0}
     * @param rows number of rows, {@code >= 0}
     * @param cols values per row, also the row stride, {@code >= 0}
     */
    public static void softmax(double[] x, int offset, int rows, int cols) {
        checkSoftmax(x, offset, rows, cols);
        if (VectorSupport.enabled()) {
            ActivationF64.softmax(x, offset, rows, cols);
        } else {
            ActivationScalarF64.softmax(x, offset, rows, cols);
        }
    }

    private static void checkSoftmax(Object x, int offset, int rows, int cols) {
        ElementwiseArguments.nonNegative("rows", rows);
        ElementwiseArguments.nonNegative("cols", cols);
        ElementwiseArguments.range("x", x, offset, (long) rows * cols);
    }

    /** Shared with {@link FusedGemm}: a non-null activation and a finite slope >= 0. */
    static void check(Activation activation, double slope) {
        ElementwiseArguments.notNull("activation", activation);
        if (!(slope >= 0) || slope == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("slope must be finite and >= 0, got " + slope);
        }
    }
}
