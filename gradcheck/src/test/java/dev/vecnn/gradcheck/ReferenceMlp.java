package dev.vecnn.gradcheck;

import dev.vecnn.kernels.Activation;

/**
 * A reference multilayer perceptron made only of kernel calls (GEMM with the bias preloaded,
 * activations, softmax, the fused loss and delta, column sums), forward next to backward. It is
 * what the gradient properties check until the nn layer exists. The objective is scikit-learn's:
 * <pre>
 *   L = sum_i w_i loss_i / S + alpha / (2 S) * sum_l ||W_l||^2,   S = sum_i w_i (rows if unweighted)
 *   dL/dW_l = A_l^T delta_(l+1) + alpha / S * W_l,   dL/db_l = column sums of delta_(l+1)
 *   delta_L = (p - y) w / S,   delta_l = (delta_(l+1) W_l^T) * f'(Z_l)   (f' from the stored A_l)
 * </pre>
 */
final class ReferenceMlp {
    private final NetworkCase c;
    private final Precision precision;
    private final Bug bug;
    private final ParameterLayout layout;
    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final double weightSum;

    ReferenceMlp(NetworkCase c, Precision precision, Bug bug) {
        this.c = c;
        this.precision = precision;
        this.bug = bug;
        this.layout = c.layout();
        this.x = precision.rounded(c.inputs());
        this.y = precision.rounded(c.targets());
        this.w = precision.rounded(c.sampleWeights());
        double s = c.rows();
        if (w != null) {
            s = 0;
            for (double v : w) {
                s += v;
            }
        }
        this.weightSum = precision.round(s);
    }

    ReferenceMlp(NetworkCase c, Precision precision) {
        this(c, precision, Bug.NONE);
    }

    /** The objective as a {@link Differentiable} of the flat parameters. */
    Differentiable objective() {
        return this::evaluate;
    }

    /** S, the divisor of the mean. */
    double weightSum() {
        return weightSum;
    }

    /** The stored activations {@code A_0 = X, ..., A_L = P} of the last forward pass at {@code params}. */
    double[][] activations(double[] params) {
        return forward(precision.rounded(params), null);
    }

    /** The pre-activations {@code Z_1..Z_L} (index 0 unused) at {@code params}. */
    double[][] preActivations(double[] params) {
        double[][] z = new double[c.shape().layers() + 1][];
        forward(precision.rounded(params), z);
        return z;
    }

    double evaluate(double[] parameters, double[] gradient) {
        double[] p = precision.rounded(parameters);
        int layers = c.shape().layers();
        double[][] zs = new double[layers + 1][];
        double[][] a = forward(p, zs);
        int rows = c.rows();
        int outs = c.shape().outputs();
        double[] delta = new double[rows * outs];
        double value = precision.loss(c.kind().loss(), a[layers], y, w, rows, outs, delta);
        double penalty = 0;
        for (int l = 0; l < layers; l++) {
            penalty += precision.sumOfSquares(slice(p, layout.weights(l), layout.bias(l)));
        }
        value = precision.round(value + precision.round(c.alpha() / (2 * weightSum) * penalty));
        if (gradient != null) {
            backward(p, a, zs, delta, gradient);
        }
        return value;
    }

    private double[][] forward(double[] p, double[][] zs) {
        int layers = c.shape().layers();
        int rows = c.rows();
        double[][] a = new double[layers + 1][];
        a[0] = x;
        for (int l = 0; l < layers; l++) {
            int fanIn = c.shape().width(l);
            int fanOut = c.shape().width(l + 1);
            double[] z = new double[rows * fanOut];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(p, layout.bias(l), z, r * fanOut, fanOut);
            }
            precision.gemm(false, false, rows, fanOut, fanIn, a[l], slice(p, layout.weights(l), layout.bias(l)), 1, z);
            if (zs != null) {
                zs[l + 1] = z.clone();
            }
            if (l < layers - 1) {
                precision.forward(c.activation(), z);
            } else {
                output(z, rows, fanOut);
            }
            a[l + 1] = z;
        }
        return a;
    }

    private void output(double[] z, int rows, int cols) {
        switch (c.kind()) {
            case MULTICLASS -> precision.softmax(z, rows, cols);
            case BINARY, MULTILABEL -> precision.forward(Activation.LOGISTIC, z);
            case REGRESSION -> { }
            case POISSON -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = precision.exp(z[i]);
                }
            }
        }
    }

    private void backward(double[] p, double[][] a, double[][] zs, double[] lossDelta, double[] gradient) {
        int layers = c.shape().layers();
        int rows = c.rows();
        double[] delta = lossDelta;
        double mean = bug == Bug.MISSING_MEAN ? 1 : weightSum;
        for (int i = 0; i < delta.length; i++) {
            delta[i] = precision.round(delta[i] / mean);
        }
        double decay = precision.round(c.alpha() / weightSum);
        for (int l = layers - 1; l >= 0; l--) {
            int fanIn = c.shape().width(l);
            int fanOut = c.shape().width(l + 1);
            double[] weights = slice(p, layout.weights(l), layout.bias(l));
            double[] dw = new double[fanIn * fanOut];
            for (int i = 0; i < dw.length; i++) {
                dw[i] = precision.round(decay * weights[i]);
            }
            precision.gemm(true, false, fanIn, fanOut, rows, a[l], delta, 1, dw);
            System.arraycopy(dw, 0, gradient, layout.weights(l), dw.length);
            double[] db = new double[fanOut];
            precision.columnSums(delta, rows, fanOut, db);
            System.arraycopy(db, 0, gradient, layout.bias(l), fanOut);
            if (l > 0) {
                double[] next = new double[rows * fanIn];
                precision.gemm(false, true, rows, fanIn, fanOut, delta, weights, 0, next);
                precision.derivative(c.activation(), bug == Bug.DERIVATIVE_FROM_INPUT ? zs[l] : a[l], next);
                delta = next;
            }
        }
        double scale = bug == Bug.SIGN_FLIP ? -1 : bug == Bug.SCALED_BY_OUTPUTS ? c.shape().outputs() : 1;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] *= scale;
        }
    }

    private static double[] slice(double[] p, int from, int to) {
        double[] s = new double[to - from];
        System.arraycopy(p, from, s, 0, s.length);
        return s;
    }
}
