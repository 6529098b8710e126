package dev.vecnn.gradcheck;

/**
 * Where each layer's weights and biases sit in the flat parameter vector of a
 * {@link NetworkShape}: layer by layer, the weight matrix {@code W_l} ({@code width(l) x width(l+1)},
 * row-major, as scikit-learn's {@code coefs_[l]}) followed by its bias {@code b_l}
 * ({@code intercepts_[l]}).
 */
public final class ParameterLayout {
    private final NetworkShape shape;
    private final int[] offsets;

    /**
     * The layout of {@code shape}'s parameters.
     *
     * @param shape the network's layer widths, not null
     * @throws IllegalArgumentException if shape is null
     */
    public ParameterLayout(NetworkShape shape) {
        if (shape == null) {
            throw new IllegalArgumentException("shape must not be null");
        }
        this.shape = shape;
        this.offsets = new int[shape.layers() + 1];
        for (int l = 0; l < shape.layers(); l++) {
            offsets[l + 1] = offsets[l] + (shape.width(l) + 1) * shape.width(l + 1);
        }
    }

    /**
     * The index of {@code W_l[0, 0]}.
     *
     * @param l weight layer from 0, in {@code [0, shape.layers())}
     * @return the index in the flat vector
     * @throws IllegalArgumentException if l is out of range
     */
    public int weights(int l) {
        checkLayer(l);
        return offsets[l];
    }

    private void checkLayer(int l) {
        if (l < 0 || l >= shape.layers()) {
            throw new IllegalArgumentException("layer must be in [0, " + shape.layers() + "), got " + l);
        }
    }

    /**
     * The index of {@code b_l[0]}.
     *
     * @param l weight layer from 0, in {@code [0, shape.layers())}
     * @return the index in the flat vector
     * @throws IllegalArgumentException if l is out of range
     */
    public int bias(int l) {
        checkLayer(l);
        return offsets[l] + shape.width(l) * shape.width(l + 1);
    }

    /**
     * The length of the flat vector.
     *
     * @return the shape's parameter count
     */
    public int size() {
        return offsets[shape.layers()];
    }

    /**
     * The name of parameter {@code index}, {@code "W1[2,0]"} or {@code "b1[0]"} (layers from 1).
     *
     * @param index position in the flat vector, in {@code [0, size())}
     * @return the name, with row and column for weights
     * @throws IllegalArgumentException if index is out of range
     */
    public String name(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index must be in [0, " + size() + "), got " + index);
        }
        int l = 0;
        while (index >= offsets[l + 1]) {
            l++;
        }
        int local = index - offsets[l];
        int fanOut = shape.width(l + 1);
        int weightCount = shape.width(l) * fanOut;
        return local < weightCount
                ? "W" + (l + 1) + "[" + local / fanOut + "," + local % fanOut + "]"
                : "b" + (l + 1) + "[" + (local - weightCount) + "]";
    }
}
