package dev.vecnn.gradcheck;

import dev.vecnn.kernels.Activation;

/**
 * How far the float32 gradient of {@link ReferenceMlp} may be from the float64 one, coordinate by
 * coordinate: a first-order running error analysis, derived once here.
 *
 * <p>Write u for float's unit roundoff (plus double's, for the reference's own error). Every
 * computed quantity q of the network carries an error bounded by {@code c u |q|~}, where
 * {@code |q|~} is the same computation on absolute values ("magnitudes"), and c counts the
 * roundings along the longest path:
 * <ul>
 * <li>forward, layer l: {@code Z = A W + b} is a dot product of length fanIn plus the bias, so its
 *   error is at most {@code (fanIn + 1) u (|A| |W| + |b|)} plus the propagated error of A times
 *   |W|; an activation adds at most 5 ulps of its value (the kernels' transcendental bound) and,
 *   since every hidden activation here is 1-Lipschitz, passes the error of Z on unamplified. So the
 *   forward magnitudes are {@code M_0 = |X|, M_(l+1) = M_l |W_l| + |b_l| + |A_(l+1)|}.</li>
 * <li>output: the delta {@code (p - y) w / S} has error at most a few roundings of
 *   {@code (|p| + |y|) w / S} plus the propagated error of the output pre-activations times the
 *   output map's Lipschitz constant: 2 per row (its largest magnitude) for softmax, 1 for logistic
 *   and identity, p for exp.</li>
 * <li>backward: {@code delta_l = (delta_(l+1) W^T) * f'} adds {@code (fanOut + 1) u} relative to
 *   {@code |delta_(l+1)| |W|^T}, and f' computed from y in float is off by at most about
 *   {@code 2 (err(Z) + 5 u)} for logistic, tanh and softplus (their {@code |f''| <= 1} in terms
 *   of y), which multiplies the magnitude by {@code 1 + 2 (|Z|~ + 1)}; for identity, relu and
 *   leaky relu f' is exact away from the kink.</li>
 * <li>gradient: {@code A^T delta + alpha/S W} is a dot product of length rows; bias gradients are
 *   column sums of length rows.</li>
 * </ul>
 * Summing over at most L forward and L backward layers, each with at most
 * {@code K = max(widest layer, rows)} roundings of a dot product plus 16 for the elementwise
 * steps (5 for a transcendental, the rest for the formulas around it), gives the constant
 * {@code c = 2 L (K + 16) + 16} and the bound {@code |g32 - g64| <= c u G}, G the gradient of the
 * magnitudes. The analysis is first order: it holds while {@code c u} is small (here below 1e-4)
 * and no pre-activation of relu or leaky relu lies within its own error of the kink, where the
 * two precisions may legitimately take different branches ({@link #nearKink} finds those cases,
 * which the property then leaves out).
 */
final class Float32Bound {
    private final NetworkCase c;
    private final double[][] a;
    private final double[][] z;
    private final double[][] zMag;
    private final double[][] mag;
    private final double[] params;
    private final ParameterLayout layout;
    private final double unit;
    private final double constant;

    Float32Bound(NetworkCase c) {
        this.c = c;
        this.params = c.parameters();
        this.layout = c.layout();
        ReferenceMlp net = new ReferenceMlp(c, Precision.F64);
        this.a = net.activations(params);
        this.z = net.preActivations(params);
        int layers = c.shape().layers();
        this.unit = Precision.F32.unitRoundoff() + Precision.F64.unitRoundoff();
        this.constant = 2.0 * layers * (Math.max(c.shape().maxWidth(), c.rows()) + 16) + 16;
        this.zMag = new double[layers + 1][];
        this.mag = new double[layers + 1][];
        mag[0] = abs(a[0]);
        for (int l = 0; l < layers; l++) {
            int fanIn = c.shape().width(l);
            int fanOut = c.shape().width(l + 1);
            zMag[l + 1] = new double[c.rows() * fanOut];
            mag[l + 1] = new double[c.rows() * fanOut];
            for (int r = 0; r < c.rows(); r++) {
                for (int j = 0; j < fanOut; j++) {
                    double s = Math.abs(params[layout.bias(l) + j]);
                    for (int k = 0; k < fanIn; k++) {
                        s += mag[l][r * fanIn + k] * Math.abs(params[layout.weights(l) + k * fanOut + j]);
                    }
                    zMag[l + 1][r * fanOut + j] = s;
                    mag[l + 1][r * fanOut + j] = s + Math.abs(a[l + 1][r * fanOut + j]);
                }
            }
        }
    }

    /** The per-coordinate bound {@code c u G} on {@code |g32 - g64|}. */
    double[] tolerance() {
        int layers = c.shape().layers();
        int rows = c.rows();
        int outs = c.shape().outputs();
        double s = new ReferenceMlp(c, Precision.F64).weightSum();
        double[] w = c.sampleWeights();
        double[] y = c.targets();
        double[] delta = new double[rows * outs];
        for (int r = 0; r < rows; r++) {
            double rowMax = 0;
            for (int j = 0; j < outs; j++) {
                rowMax = Math.max(rowMax, zMag[layers][r * outs + j]);
            }
            for (int j = 0; j < outs; j++) {
                int i = r * outs + j;
                double p = a[layers][i];
                double lipschitzTerm = switch (c.kind()) {
                    case MULTICLASS -> 2 * rowMax;
                    case BINARY, MULTILABEL, REGRESSION -> zMag[layers][i];
                    case POISSON -> Math.abs(p) * zMag[layers][i];
                };
                delta[i] = (w == null ? 1 : w[r]) * (Math.abs(p) + Math.abs(y[i]) + lipschitzTerm) / s;
            }
        }
        double[] g = new double[layout.size()];
        for (int l = layers - 1; l >= 0; l--) {
            int fanIn = c.shape().width(l);
            int fanOut = c.shape().width(l + 1);
            for (int k = 0; k < fanIn; k++) {
                for (int j = 0; j < fanOut; j++) {
                    int wi = layout.weights(l) + k * fanOut + j;
                    double sum = c.alpha() / s * Math.abs(params[wi]);
                    for (int r = 0; r < rows; r++) {
                        sum += mag[l][r * fanIn + k] * delta[r * fanOut + j];
                    }
                    g[wi] = sum;
                }
            }
            for (int j = 0; j < fanOut; j++) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += delta[r * fanOut + j];
                }
                g[layout.bias(l) + j] = sum;
            }
            if (l > 0) {
                double[] next = new double[rows * fanIn];
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < fanIn; k++) {
                        double sum = 0;
                        for (int j = 0; j < fanOut; j++) {
                            sum += delta[r * fanOut + j] * Math.abs(params[layout.weights(l) + k * fanOut + j]);
                        }
                        next[r * fanIn + k] = sum * derivativeFactor(zMag[l][r * fanIn + k]);
                    }
                }
                delta = next;
            }
        }
        for (int i = 0; i < g.length; i++) {
            g[i] *= constant * unit;
        }
        return g;
    }

    /** True if a relu or leaky relu pre-activation lies within its error bound of 0. */
    boolean nearKink() {
        if (c.activation() != Activation.RELU && c.activation() != Activation.LEAKY_RELU) {
            return false;
        }
        for (int l = 1; l < c.shape().layers(); l++) {
            for (int i = 0; i < z[l].length; i++) {
                if (Math.abs(z[l][i]) <= constant * unit * zMag[l][i]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first-order constant c of the class comment. */
    double constant() {
        return constant;
    }

    private double derivativeFactor(double zMagnitude) {
        return switch (c.activation()) {
            case LOGISTIC, TANH, SOFTPLUS -> 1 + 2 * (zMagnitude + 1);
            case IDENTITY, RELU, LEAKY_RELU -> 1;
        };
    }

    private static double[] abs(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Math.abs(x[i]);
        }
        return r;
    }
}
