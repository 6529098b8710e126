package dev.vecnn.nn.reference;

/**
 * A dense row-major matrix read from a reference file.
 *
 * @param rows           number of rows
 * @param cols           number of columns
 * @param data           the entries, row-major, {@code rows * cols} long
 * @param oneDimensional whether the JSON value was a flat list (numpy shape {@code (rows,)}),
 *                       read as one column
 */
public record Matrix(int rows, int cols, double[] data, boolean oneDimensional) {
    public Matrix {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " != " + rows + " x " + cols);
        }
    }

    /** The entry at row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** The first column as int labels, for 1-D class-label vectors. */
    public int[] labels() {
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            double v = data[i * cols];
            if (v != Math.rint(v)) {
                throw new IllegalStateException("not an integer label at row " + i + ": " + v);
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** Short shape text as numpy prints it, for messages. */
    public String shape() {
        return oneDimensional ? "(" + rows + ",)" : "(" + rows + ", " + cols + ")";
    }
}
