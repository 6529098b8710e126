package dev.vecnn.kernels.elementwise;

import dev.vecnn.kernels.Activation;

/**
 * The scalar twin of {@link ActivationF32}: the definitions, one element at a time, with the
 * transcendental functions from {@link Math} in double and rounded once. It is the reference in
 * tests and the fallback when the vector module is absent.
 *
 * <p>Internal: arguments were validated by the public facade.
 */
public final class ActivationScalarF32 {
    private ActivationScalarF32() {
    }

    /** The activation of one value; {@code slope} is used by LEAKY_RELU only. */
    public static float apply(Activation activation, float slope, float z) {
        return switch (activation) {
            case IDENTITY -> z;
            case LOGISTIC -> logistic(z);
            case TANH -> (float) Math.tanh(z);
            case RELU -> Math.max(z, 0);
            case LEAKY_RELU -> z > 0 || z != z ? z : slope * z;
            case SOFTPLUS -> (float) (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
        };
    }

    /** {@code delta * f'(z)}, with f' written in terms of the output y = f(z). */
    public static float derivative(Activation activation, float slope, float y, float delta) {
        return switch (activation) {
            case IDENTITY -> delta;
            case LOGISTIC -> delta * (y * (1 - y));
            case TANH -> delta * (1 - y * y);
            case RELU -> y > 0 || y != y ? delta : 0;
            case LEAKY_RELU -> y > 0 || y != y ? delta : delta * slope;
            case SOFTPLUS -> delta * (float) -Math.expm1(-y);
        };
    }

    private static float logistic(float z) {
        // Written so that neither branch overflows: e^-|z| <= 1.
        double e = Math.exp(-Math.abs(z));
        return (float) (z >= 0 ? 1 / (1 + e) : e / (1 + e));
    }

    public static void forward(Activation activation, float slope, float[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = apply(activation, slope, x[i]);
        }
    }

    public static void derivative(Activation activation, float slope, float[] y, float[] delta, int off, int len) {
        for (int i = off; i < off + len; i++) {
            delta[i] = derivative(activation, slope, y[i], delta[i]);
        }
    }

    public static void softmax(float[] x, int off, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int start = off + r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < start + cols; i++) {
                max = Math.max(max, x[i]);
            }
            float sum = 0;
            for (int i = start; i < start + cols; i++) {
                x[i] = (float) Math.exp(x[i] - max);
                sum += x[i];
            }
            for (int i = start; i < start + cols; i++) {
                x[i] /= sum;
            }
        }
    }
}
