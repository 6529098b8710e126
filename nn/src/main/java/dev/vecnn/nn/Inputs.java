package dev.vecnn.nn;

import dev.vecnn.kernels.Reductions;

/**
 * Boundary checks and conversion of user arrays into flat row-major arrays. Every problem is an
 * {@link IllegalArgumentException} naming the argument, raised before any model state changes.
 * Float rows stay float (a float32 model predicts from them without a round trip through double);
 * the double view widens them exactly, once, when asked for.
 */
final class Inputs {
    private double[] x;
    private final float[] floats;
    private final int rows;
    private final int cols;

    private Inputs(double[] x, float[] floats, int rows, int cols) {
        this.x = x;
        this.floats = floats;
        this.rows = rows;
        this.cols = cols;
    }

    static Inputs of(double[][] x, String name) {
        int cols = shape(x, name);
        double[] flat = new double[Math.multiplyExact(x.length, cols)];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * cols, cols);
        }
        // One vectorized pass: the largest magnitude is NaN or infinite exactly when some value is.
        if (!Double.isFinite(Reductions.maxAbs(flat, 0, flat.length))) {
            for (int k = 0; k < flat.length; k++) {
                if (!Double.isFinite(flat[k])) {
                    throw nonFinite(name, k / cols, k % cols, flat[k]);
                }
            }
        }
        return new Inputs(flat, null, x.length, cols);
    }

    static Inputs of(float[][] x, String name) {
        int cols = shape(x, name);
        float[] flat = new float[Math.multiplyExact(x.length, cols)];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * cols, cols);
        }
        if (!Float.isFinite(Reductions.maxAbs(flat, 0, flat.length))) {
            for (int k = 0; k < flat.length; k++) {
                if (!Float.isFinite(flat[k])) {
                    throw nonFinite(name, k / cols, k % cols, flat[k]);
                }
            }
        }
        return new Inputs(null, flat, x.length, cols);
    }

    /** The rows, flattened, as double (float inputs widened exactly, once). */
    double[] x() {
        if (x == null) {
            double[] wide = new double[floats.length];
            for (int i = 0; i < wide.length; i++) {
                wide[i] = floats[i];
            }
            x = wide;
        }
        return x;
    }

    /** {@link #x()}; the name the double engine (generated from the float one) calls. */
    double[] asDoubleArray() {
        return x();
    }

    /** The rows as float: the caller's values when it passed float rows, else rounded copies. */
    float[] asFloatArray() {
        if (floats != null) {
            return floats;
        }
        float[] narrow = new float[x.length];
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = (float) x[i];
        }
        return narrow;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** Whether the caller passed float rows (scikit-learn then fits in float32). */
    boolean float32() {
        return floats != null;
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
