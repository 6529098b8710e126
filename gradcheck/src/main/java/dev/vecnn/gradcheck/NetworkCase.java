package dev.vecnn.gradcheck;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

import dev.vecnn.kernels.Activation;

/**
 * One reproducible network problem for property tests: a shape, a hidden activation, an output
 * kind, an L2 penalty, a batch and its data, and the parameters, all drawn from {@code seed}. The
 * structural fields shrink (to fewer and narrower layers, fewer rows, no penalty, no weights);
 * {@link #toString()} prints every field and every value, so a failing case can be rebuilt by
 * its constructor call alone.
 *
 * <p>The objective these cases are meant for is scikit-learn's, with {@code S} the sum of the
 * sample weights ({@code rows} when unweighted), the loss of each row summed over its outputs
 * ({@link OutputKind} names it), and the penalty on the weights only, not the biases:
 * <pre>
 *   L = sum_i w_i loss_i / S + alpha / (2 S) * sum_l ||W_l||^2
 *   dL/dW_l = A_l^T delta_(l+1) + alpha / S * W_l,   dL/db_l = column sums of delta_(l+1)
 *   delta_L = (p - y) w / S,   delta_l = (delta_(l+1) W_l^T) * f'(Z_l)
 * </pre>
 * Not every case can be checked by finite differences: see {@link #checkOptions(double[], double)}.
 *
 * @param shape        the layer widths
 * @param activation   the hidden activation
 * @param kind         the output kind, which fixes the output activation and the loss
 * @param alpha        the L2 penalty, finite and {@code >= 0}
 * @param weighted     whether the rows carry sample weights
 * @param rows         the batch size
 * @param dataScale    finite, {@code > 0}: inputs are uniform in {@code [-dataScale, dataScale]} (regression targets: normal times it)
 * @param weightScale  finite, {@code > 0}: parameters are uniform in {@code [-g, g]} times it, g the Glorot bound
 *                     {@code sqrt(6 / (fanIn + fanOut))}
 * @param seed         the seed of every drawn value
 */
public record NetworkCase(NetworkShape shape, Activation activation, OutputKind kind, double alpha, boolean weighted,
                          int rows, double dataScale, double weightScale, long seed) {
    /** Validates the fields. */
    public NetworkCase {
        if (shape == null || activation == null || kind == null) {
            throw new IllegalArgumentException("shape, activation and kind must not be null, got " + shape + ", "
                    + activation + ", " + kind);
        }
        if (shape.outputs() < kind.minOutputs() || kind == OutputKind.BINARY && shape.outputs() != 1) {
            throw new IllegalArgumentException(kind + " needs at least " + kind.minOutputs() + " outputs (BINARY exactly 1), got "
                    + shape.outputs());
        }
        if (!(alpha >= 0 && alpha < Double.POSITIVE_INFINITY) || rows < 1
                || !(dataScale > 0 && dataScale < Double.POSITIVE_INFINITY)
                || !(weightScale > 0 && weightScale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("alpha finite and >= 0, rows >= 1, scales finite and > 0 required: "
                    + alpha + ", " + rows + ", " + dataScale + ", " + weightScale);
        }
        if ((long) rows * Math.max(shape.inputs(), shape.outputs()) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rows " + rows + " x " + Math.max(shape.inputs(), shape.outputs())
                    + " values do not fit in one array");
        }
    }

    /**
     * The inputs, {@code rows x inputs} row-major.
     *
     * @return a fresh array, uniform in {@code [-dataScale, dataScale]}
     */
    public double[] inputs() {
        SplittableRandom r = stream(1);
        double[] x = new double[rows * shape.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = dataScale * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    /**
     * The targets, {@code rows x outputs} row-major, valid for {@link #kind()}.
     *
     * @return a fresh array drawn by {@link OutputKind#targets}
     */
    public double[] targets() {
        return kind.targets(stream(2), rows, shape.outputs(), dataScale);
    }

    /**
     * One weight per row, uniform in {@code [0.1, 2]}, or null when not {@link #weighted()}.
     *
     * @return a fresh array of {@code rows} weights, or null
     */
    public double[] sampleWeights() {
        if (!weighted) {
            return null;
        }
        SplittableRandom r = stream(3);
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            w[i] = 0.1 + 1.9 * r.nextDouble();
        }
        return w;
    }

    /**
     * The flat parameter vector in {@link ParameterLayout} order.
     *
     * @return a fresh array of {@code shape.parameterCount()} values, Glorot-uniform times {@code weightScale}
     */
    public double[] parameters() {
        SplittableRandom r = stream(4);
        ParameterLayout layout = layout();
        double[] p = new double[layout.size()];
        for (int l = 0; l < shape.layers(); l++) {
            int fanIn = shape.width(l);
            int fanOut = shape.width(l + 1);
            double bound = weightScale * Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = layout.weights(l); i < layout.bias(l) + fanOut; i++) {
                p[i] = bound * (2 * r.nextDouble() - 1);
            }
        }
        return p;
    }

    /**
     * The layout of {@link #parameters()}.
     *
     * @return the layout for {@link #shape()}
     */
    public ParameterLayout layout() {
        return new ParameterLayout(shape);
    }

    /** The worst relative accuracy of the loss value at which a float64 check still tells right from wrong. */
    private static final double MAX_VALUE_ACCURACY = 1e-10;

    /**
     * The options to check this case's gradient with in float64, or empty where a finite-difference
     * check cannot tell a right gradient from a wrong one; a property over {@link NetworkArbitraries#cases()}
     * skips those (for example with jqwik's {@code Assume.that}). Two kinds are empty: a logged
     * probability clipped to {@code [eps, 1 - eps]} (eps of double, as scikit-learn clips), where
     * the value is flat but the delta {@code p - y} is not; and outputs so saturated that the loss
     * value is known to worse than {@code 1e-10} relative, where the difference quotient's
     * rounding (about {@code 3 eps L / h}) would hide an error in any gradient below about a tenth
     * of the loss. Otherwise the options carry the value's accuracy (the forward pass's default
     * plus the loss's own rounding, which grows as a logistic output saturates) and the
     * coordinates' names.
     *
     * @param outputs the network's output layer at {@link #parameters()} (probabilities, or the
     *                predictions for regression and Poisson), {@code rows x outputs} row-major
     * @param value   the objective at {@link #parameters()}
     * @return the options, or empty when the case should be left out
     * @throws IllegalArgumentException if {@code outputs} is null or not {@code rows x outputs} long
     */
    public Optional<CheckOptions> checkOptions(double[] outputs, double value) {
        if (outputs == null || outputs.length != rows * shape.outputs()) {
            throw new IllegalArgumentException("outputs must hold rows x outputs = " + rows * shape.outputs()
                    + " values, got " + (outputs == null ? "null" : outputs.length));
        }
        double[] y = targets();
        if (LossAccuracy.clipped(kind, outputs, y)) {
            return Optional.empty();
        }
        double[] w = sampleWeights();
        double s = rows;
        if (w != null) {
            s = 0;
            for (double v : w) {
                s += v;
            }
        }
        double accuracy = LossAccuracy.valueAccuracy(kind, outputs, y, w, rows, shape.outputs(), s, value,
                CheckOptions.DEFAULT_VALUE_ACCURACY);
        if (!(accuracy <= MAX_VALUE_ACCURACY)) {
            return Optional.empty();
        }
        return Optional.of(CheckOptions.defaults().withValueAccuracy(accuracy).withNames(layout()::name));
    }

    private SplittableRandom stream(int which) {
        return new SplittableRandom(seed * 31 + which);
    }

    /** Every field, then every drawn value. */
    @Override
    public String toString() {
        return String.format("new NetworkCase(new NetworkShape(%d, List.of(%s), %d), Activation.%s, OutputKind.%s, "
                        + "%s, %s, %d, %s, %s, %dL)  [shape %s, output %s, loss %s]%n  inputs %s%n  targets %s%n"
                        + "  sample weights %s%n  parameters %s",
                shape.inputs(), String.join(", ", shape.hidden().stream().map(String::valueOf).toList()),
                shape.outputs(), activation.name(), kind.name(), alpha, weighted, rows, dataScale, weightScale, seed,
                shape, kind.outputActivation(), kind.loss(), Arrays.toString(inputs()), Arrays.toString(targets()),
                Arrays.toString(sampleWeights()), Arrays.toString(parameters()));
    }
}
