package dev.vecnn.nn;

import dev.vecnn.kernels.Rows;

/**
 * Boundary checks and conversion of user arrays into flat row-major arrays. Every problem is an
 * {@link IllegalArgumentException} naming the argument, raised before any model state changes.
 * The caller's rows are checked where they are (one vectorized read of each row) and kept: a
 * model of the same precision multiplies them in place (predicting from 2000 MNIST rows needs no
 * 12 MB copy), and flat copies are made only when asked for, once, in the precision asked for.
 */
final class Inputs {
    private final double[][] doubleRows;
    private final float[][] floatRows;
    private double[] x;
    private float[] floats;
    private final int rows;
    private final int cols;
    private final String name;
    private boolean finiteChecked;

    private Inputs(double[][] doubleRows, float[][] floatRows, int rows, int cols, String name) {
        this.doubleRows = doubleRows;
        this.floatRows = floatRows;
        this.rows = rows;
        this.cols = cols;
        this.name = name;
    }

    /** Checked inputs: shape, then no NaN or infinity. */
    static Inputs of(double[][] x, String name) {
        return forPrediction(x, name).requireFinite();
    }

    /** {@link #of(double[][], String)} for float rows. */
    static Inputs of(float[][] x, String name) {
        return forPrediction(x, name).requireFinite();
    }

    /**
     * Inputs whose shape is checked but whose values are not yet: the prediction methods let the
     * engine fold the NaN / infinity check into the first layer's product, which reads the rows
     * anyway (a separate scan of 2000 MNIST rows was an eighth of a float predict_proba). Whoever
     * uses the values must call {@link #requireFinite()} unless {@link #finiteChecked()}, or prove
     * them finite another way.
     */
    static Inputs forPrediction(double[][] x, String name) {
        int cols = shape(x, name); // before x.length, so that a null x is named, not dereferenced
        return new Inputs(x, null, x.length, cols, name);
    }

    /** {@link #forPrediction(double[][], String)} for float rows. */
    static Inputs forPrediction(float[][] x, String name) {
        int cols = shape(x, name); // before x.length, so that a null x is named, not dereferenced
        return new Inputs(null, x, x.length, cols, name);
    }

    /** Throws, naming the first NaN or infinity (row-major order), unless every value is finite. */
    Inputs requireFinite() {
        if (finiteChecked) {
            return this;
        }
        int i = doubleRows != null ? Rows.firstNonFinite(doubleRows, cols) : Rows.firstNonFinite(floatRows, cols);
        if (i >= 0) {
            for (int j = 0; j < cols; j++) {
                double v = doubleRows != null ? doubleRows[i][j] : floatRows[i][j];
                if (!Double.isFinite(v)) {
                    throw nonFinite(name, i, j, v);
                }
            }
        }
        finiteChecked = true;
        return this;
    }

    /** Whether {@link #requireFinite()} has passed. */
    boolean finiteChecked() {
        return finiteChecked;
    }

    /** The rows, flattened, as double (float inputs widened exactly), made once. */
    double[] x() {
        requireFinite();
        if (x == null) {
            double[] flat = new double[Math.multiplyExact(rows, cols)];
            for (int i = 0; i < rows; i++) {
                if (doubleRows != null) {
                    System.arraycopy(doubleRows[i], 0, flat, i * cols, cols);
                } else {
                    float[] row = floatRows[i];
                    for (int j = 0; j < cols; j++) {
                        flat[i * cols + j] = row[j];
                    }
                }
            }
            x = flat;
        }
        return x;
    }

    /** {@link #x()}; the name the double engine (generated from the float one) calls. */
    double[] asDoubleArray() {
        return x();
    }

    /** The rows, flattened, as float (double inputs rounded), made once. */
    float[] asFloatArray() {
        requireFinite();
        if (floats == null) {
            float[] flat = new float[Math.multiplyExact(rows, cols)];
            for (int i = 0; i < rows; i++) {
                if (floatRows != null) {
                    System.arraycopy(floatRows[i], 0, flat, i * cols, cols);
                } else {
                    double[] row = doubleRows[i];
                    for (int j = 0; j < cols; j++) {
                        flat[i * cols + j] = (float) row[j];
                    }
                }
            }
            floats = flat;
        }
        return floats;
    }

    /** The caller's float rows, or null if it passed double rows; maybe not yet checked (see {@link #forPrediction}). */
    float[][] callerRowsIfFloat() {
        return floatRows;
    }

    /** The caller's double rows, or null if it passed float rows; maybe not yet checked (see {@link #forPrediction}). */
    double[][] callerRowsIfDouble() {
        return doubleRows;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** Whether the caller passed float rows (scikit-learn then fits in float32). */
    boolean float32() {
        return floatRows != null;
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

    /**
     * Checks that {@code y} (labels or per-row arrays) is there, has one entry per row of X and
     * no null entry.
     */
    void sameRows(Object[] y, String name) {
        if (y == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        sameRows(y.length, name);
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null) {
                throw new IllegalArgumentException(name + " contains null at " + i);
            }
        }
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
            // scikit-learn reports a NaN or infinity before a wrong feature count.
            requireFinite();
            throw new IllegalArgumentException("X has " + cols + " features, but " + owner + " is expecting "
                    + expected + " features as input.");
        }
    }
}
