package dev.vecnn.gradcheck;

import java.util.SplittableRandom;

import dev.vecnn.kernels.Loss;

/**
 * The kinds of output a multilayer perceptron is trained for, each with its output activation,
 * its loss and a generator of valid targets.
 */
public enum OutputKind {
    /** One of several classes: softmax output, log-loss, one-hot targets; at least 2 outputs. */
    MULTICLASS(Loss.LOG_LOSS, "softmax", 2, 8),
    /** Two classes: one logistic output, binary log-loss, targets 0 or 1. */
    BINARY(Loss.BINARY_LOG_LOSS, "logistic", 1, 1),
    /** Independent labels: logistic outputs, binary log-loss, targets 0 or 1 each. */
    MULTILABEL(Loss.BINARY_LOG_LOSS, "logistic", 1, 8),
    /** Real targets: identity output, squared error. */
    REGRESSION(Loss.SQUARED, "identity", 1, 8),
    /** Counts: exp output (log link), Poisson half deviance, non-negative integer targets. */
    POISSON(Loss.POISSON, "exp", 1, 8);

    private final Loss loss;
    private final String outputActivation;
    private final int minOutputs;
    private final int maxOutputs;

    OutputKind(Loss loss, String outputActivation, int minOutputs, int maxOutputs) {
        this.loss = loss;
        this.outputActivation = outputActivation;
        this.minOutputs = minOutputs;
        this.maxOutputs = maxOutputs;
    }

    /**
     * The loss whose output delta is {@code p - y} for this kind's output activation.
     *
     * @return this kind's loss
     */
    public Loss loss() {
        return loss;
    }

    /**
     * The output activation's name: softmax, logistic, identity or exp.
     *
     * @return the scikit-learn name of the output activation
     */
    public String outputActivation() {
        return outputActivation;
    }

    /**
     * The fewest outputs a network of this kind has.
     *
     * @return 2 for multiclass, else 1
     */
    public int minOutputs() {
        return minOutputs;
    }

    /**
     * The most outputs the arbitraries give a network of this kind.
     *
     * @return 1 for binary, else 8
     */
    public int maxOutputs() {
        return maxOutputs;
    }

    /**
     * Fills {@code rows x cols} row-major targets valid for this kind: one-hot rows, 0/1 labels,
     * standard normal values times {@code scale}, or counts 0 to 4.
     *
     * @param random the source of the draws
     * @param rows   number of rows
     * @param cols   number of outputs per row
     * @param scale  the regression targets' standard deviation; ignored by the other kinds
     * @return a fresh {@code rows x cols} array
     */
    public double[] targets(SplittableRandom random, int rows, int cols, double scale) {
        double[] y = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (this == MULTICLASS) {
                y[r * cols + random.nextInt(cols)] = 1;
                continue;
            }
            for (int c = 0; c < cols; c++) {
                y[r * cols + c] = switch (this) {
                    case BINARY, MULTILABEL -> random.nextInt(2);
                    case REGRESSION -> scale * Gaussian.next(random);
                    case POISSON -> random.nextInt(5);
                    case MULTICLASS -> throw new AssertionError("handled above");
                };
            }
        }
        return y;
    }
}
