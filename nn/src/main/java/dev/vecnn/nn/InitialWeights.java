package dev.vecnn.nn;

import dev.vecnn.nn.random.RandomState;

/**
 * The initial weights scikit-learn draws in {@code _initialize} / {@code _init_coef}: layer by
 * layer, first the fan_in x fan_out weight matrix (row-major) and then the fan_out biases, all
 * {@code uniform(-b, b)} from one {@link RandomState}, with the Glorot bound
 * {@code b = sqrt(factor / (fan_in + fan_out))}, {@code factor} 2 for a logistic hidden
 * activation and 6 otherwise (the output activation does not matter).
 */
final class InitialWeights {
    private final double[][] coefs;
    private final double[][] intercepts;

    private InitialWeights(double[][] coefs, double[][] intercepts) {
        this.coefs = coefs;
        this.intercepts = intercepts;
    }

    /**
     * Draws the weights of a network with {@code layerUnits = [n_features, hidden..., n_outputs]},
     * consuming {@code sum(fan_in * fan_out + fan_out)} doubles from {@code random}.
     */
    static InitialWeights draw(RandomState random, int[] layerUnits, Activation activation) {
        if (layerUnits.length < 2) {
            throw new IllegalArgumentException("need at least input and output layer units, got "
                    + layerUnits.length);
        }
        int layers = layerUnits.length - 1;
        double[][] coefs = new double[layers][];
        double[][] intercepts = new double[layers][];
        for (int i = 0; i < layers; i++) {
            int fanIn = layerUnits[i];
            int fanOut = layerUnits[i + 1];
            double b = bound(fanIn, fanOut, activation);
            coefs[i] = random.uniform(-b, b, Math.multiplyExact(fanIn, fanOut));
            intercepts[i] = random.uniform(-b, b, fanOut);
        }
        return new InitialWeights(coefs, intercepts);
    }

    /** sklearn's {@code init_bound = sqrt(factor / (fan_in + fan_out))}. */
    static double bound(int fanIn, int fanOut, Activation activation) {
        double factor = activation == Activation.LOGISTIC ? 2.0 : 6.0;
        return Math.sqrt(factor / (fanIn + fanOut));
    }

    /** Weight matrix of layer {@code i}, fan_in x fan_out row-major; owned by the caller. */
    double[] coef(int i) {
        return coefs[i];
    }

    /** Bias vector of layer {@code i}; owned by the caller. */
    double[] intercept(int i) {
        return intercepts[i];
    }

    /** Number of weight layers. */
    int layers() {
        return coefs.length;
    }
}
