package dev.vecnn.nn;

/**
 * Boundary checks and conversion of user arrays into flat row-major double arrays (float inputs
 * widen exactly and remember that they were float32). Every problem is an
 * {@link IllegalArgumentException} naming the argument, raised before any model state changes.
 *
 * @param x        the rows, flattened
 * @param rows     row count
 * @param cols     column count
 * @param float32  whether the caller passed float rows
 */
record Inputs(double[] x, int rows, int cols, boolean float32) {

    static Inputs of(double[][] x, String name) {
        int cols = shape(x, name);
        double[] flat = new double[Math.multiplyExact(x.length, cols)];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            for (int j = 0; j < cols; j++) {
                double v = row[j];
                if (!Double.isFinite(v)) {
                    throw nonFinite(name, i, j, v);
                }
                flat[i * cols + j] = v;
            }
        }
        return new Inputs(flat, x.length, cols, false);
    }

    static Inputs of(float[][] x, String name) {
        int cols = shape(x, name);
        double[] flat = new double[Math.multiplyExact(x.length, cols)];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < cols; j++) {
                float v = x[i][j];
                if (!Float.isFinite(v)) {
                    throw nonFinite(name, i, j, v);
                }
                flat[i * cols + j] = v;
            }
        }
        return new Inputs(flat, x.length, cols, true);
    }

    private static int shape(Object[] x, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(name + ": found array with 0 sample(s) (shape=(0, ?)) while a"
                    + " minimum of 1 is required");
        }
        int cols = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException(name + " row " + i + " is null");
            }
            int length = java.lang.reflect.Array.getLength(x[i]);
            if (cols < 0) {
                cols = length;
            } else if (length != cols) {
                throw new IllegalArgumentException(name + " is not rectangular: row " + i + " has "
                        + length + " columns, row 0 has " + cols);
            }
        }
        if (cols == 0) {
            throw new IllegalArgumentException(name + ": found array with 0 feature(s) (shape=(" + x.length
                    + ", 0)) while a minimum of 1 is required");
        }
        return cols;
    }

    private static IllegalArgumentException nonFinite(String name, int i, int j, double v) {
        return new IllegalArgumentException("Input " + name + " contains " + (Double.isNaN(v) ? "NaN" : "infinity")
                + " at row " + i + ", column " + j);
    }

    /** Checks that {@code count} matches this input's rows. */
    void sameRows(int count, String name) {
        if (count != rows) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: X has "
                    + rows + ", " + name + " has " + count);
        }
    }

    /** Checks and copies sample weights (null stays null): one finite, non-negative value per row, positive sum. */
    double[] weights(double[] w) {
        if (w == null) {
            return null;
        }
        sameRows(w.length, "sample_weight");
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i]) || w[i] < 0) {
                throw new IllegalArgumentException("sample_weight must be finite and non-negative, got " + w[i]
                        + " at " + i);
            }
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("sample_weight must have a positive sum, got " + sum);
        }
        return w.clone();
    }

    /** Checks the feature count against a fitted model's. */
    void features(int expected, String owner) {
        if (cols != expected) {
            throw new IllegalArgumentException("X has " + cols + " features, but " + owner + " is expecting "
                    + expected + " features as input.");
        }
    }
}
