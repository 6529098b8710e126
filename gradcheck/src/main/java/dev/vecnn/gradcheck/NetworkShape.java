package dev.vecnn.gradcheck;

import java.util.List;

/**
 * The layer widths of a multilayer perceptron: inputs, hidden layers, outputs.
 *
 * @param inputs  the number of input features, at least 1
 * @param hidden  the hidden layer widths, each at least 1 (may be empty)
 * @param outputs the number of outputs, at least 1
 */
public record NetworkShape(int inputs, List<Integer> hidden, int outputs) {
    /** Validates and copies. */
    public NetworkShape {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputs and outputs must be >= 1, got " + inputs + ", " + outputs);
        }
        // (List.of's contains(null) throws, so each element is looked at)
        if (hidden == null || hidden.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("hidden must be a list of widths without nulls, got " + hidden);
        }
        hidden = List.copyOf(hidden);
        for (int w : hidden) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1, got " + hidden);
            }
        }
        long count = 0;
        for (int l = 0; l <= hidden.size(); l++) {
            int in = l == 0 ? inputs : hidden.get(l - 1);
            int out = l == hidden.size() ? outputs : hidden.get(l);
            count += ((long) in + 1) * out;
        }
        if (count > Integer.MAX_VALUE - 8) {
            // a flat parameter vector is one Java array
            throw new IllegalArgumentException("the network " + inputs + "-" + hidden + "-" + outputs + " has " + count
                    + " parameters, more than one array can hold");
        }
    }

    /**
     * The number of weight layers, {@code hidden().size() + 1}.
     *
     * @return the number of weight layers
     */
    public int layers() {
        return hidden.size() + 1;
    }

    /**
     * The width of layer {@code l} for l in {@code [0, layers()]}: inputs, hidden..., outputs.
     *
     * @param l layer index in {@code [0, layers()]}
     * @return the number of units in that layer
     */
    public int width(int l) {
        return l == 0 ? inputs : l <= hidden.size() ? hidden.get(l - 1) : outputs;
    }

    /**
     * All weights and biases: {@code sum_l (width(l) + 1) * width(l + 1)} (the constructor refuses
     * shapes whose count would not fit in one array).
     *
     * @return the length of the flat parameter vector
     */
    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < layers(); l++) {
            n += (width(l) + 1) * width(l + 1);
        }
        return n;
    }

    /**
     * The widest layer, the largest inner dimension of any product in the network.
     *
     * @return the largest {@code width(l)}
     */
    public int maxWidth() {
        int m = 0;
        for (int l = 0; l <= layers(); l++) {
            m = Math.max(m, width(l));
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(inputs);
        hidden.forEach(w -> b.append('-').append(w));
        return b.append('-').append(outputs).toString();
    }
}
