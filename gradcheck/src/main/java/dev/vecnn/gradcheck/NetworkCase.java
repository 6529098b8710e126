package dev.vecnn.gradcheck;

import java.util.Arrays;
import java.util.SplittableRandom;

import dev.vecnn.kernels.Activation;

/**
 * One reproducible network problem for property tests: a shape, a hidden activation, an output
 * kind, an L2 penalty, a batch and its data, and the parameters, all drawn from {@code seed}. The
 * structural fields shrink (to fewer and narrower layers, fewer rows, no penalty, no weights);
 * {@link #toString()} prints every field and every value, so a failing case can be rebuilt by
 * its constructor call alone.
 *
 * @param shape        the layer widths
 * @param activation   the hidden activation
 * @param kind         the output kind, which fixes the output activation and the loss
 * @param alpha        the L2 penalty, {@code >= 0}
 * @param weighted     whether the rows carry sample weights
 * @param rows         the batch size
 * @param dataScale    inputs are uniform in {@code [-dataScale, dataScale]} (regression targets: normal times it)
 * @param weightScale  parameters are uniform in {@code [-g, g]} times it, g the Glorot bound
 *                     {@code sqrt(6 / (fanIn + fanOut))}
 * @param seed         the seed of every drawn value
 */
public record NetworkCase(NetworkShape shape, Activation activation, OutputKind kind, double alpha, boolean weighted,
                          int rows, double dataScale, double weightScale, long seed) {
    /** Validates the fields. */
    public NetworkCase {
        if (shape.outputs() < kind.minOutputs() || kind == OutputKind.BINARY && shape.outputs() != 1) {
            throw new IllegalArgumentException(kind + " needs at least " + kind.minOutputs() + " outputs (BINARY exactly 1), got "
                    + shape.outputs());
        }
        if (!(alpha >= 0) || rows < 1 || !(dataScale > 0) || !(weightScale > 0)) {
            throw new IllegalArgumentException("alpha >= 0, rows >= 1, scales > 0 required: " + alpha + ", " + rows
                    + ", " + dataScale + ", " + weightScale);
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
