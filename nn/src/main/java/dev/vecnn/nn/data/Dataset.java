package dev.vecnn.nn.data;

import java.util.List;

/**
 * A data set in memory: inputs and targets as row-major {@code double} arrays.
 *
 * <p>The arrays are shared with the caller, not copied, so that a 60 MB MNIST matrix is not
 * duplicated; do not modify them if the data set is used elsewhere.
 *
 * @param name         where the data came from (a file or resource name), for messages
 * @param nSamples     number of rows
 * @param nFeatures    number of input columns
 * @param x            inputs, {@code nSamples * nFeatures}, row-major
 * @param nTargets     number of target columns (1 for labels or a single target)
 * @param y            targets, {@code nSamples * nTargets}, row-major
 * @param featureNames one name per input column
 * @param targetNames  one name per target column
 */
public record Dataset(String name, int nSamples, int nFeatures, double[] x, int nTargets,
                      double[] y, List<String> featureNames, List<String> targetNames) {

    /**
     * Checks that every length agrees with the stated shape.
     *
     * @throws IllegalArgumentException if a component or a name is null, a size negative or a
     *                                  length off
     */
    public Dataset {
        String missing = name == null ? "name" : x == null ? "x" : y == null ? "y"
                : featureNames == null ? "featureNames" : targetNames == null ? "targetNames" : null;
        if (missing != null) {
            throw new IllegalArgumentException("Dataset: " + missing + " must not be null");
        }
        if (nSamples < 0 || nFeatures < 0 || nTargets < 0) {
            throw new IllegalArgumentException(name + ": negative shape " + nSamples + " x "
                    + nFeatures + " / " + nTargets);
        }
        if ((long) nSamples * nFeatures != x.length || (long) nSamples * nTargets != y.length) {
            throw new IllegalArgumentException(name + ": x has " + x.length + " and y "
                    + y.length + " entries for " + nSamples + " rows of " + nFeatures
                    + " features and " + nTargets + " targets");
        }
        if (featureNames.size() != nFeatures || targetNames.size() != nTargets) {
            throw new IllegalArgumentException(name + ": " + featureNames.size()
                    + " feature names and " + targetNames.size() + " target names for "
                    + nFeatures + " features and " + nTargets + " targets");
        }
        requireNames("featureNames", featureNames);
        requireNames("targetNames", targetNames);
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
    }

    private static void requireNames(String argument, List<String> names) {
        int i = 0;
        for (String n : names) {
            if (n == null) {
                throw new IllegalArgumentException("Dataset: " + argument + "[" + i + "] must not be null");
            }
            i++;
        }
    }

    /**
     * The input at row {@code i}, column {@code j}.
     *
     * @param i row in {@code [0, nSamples)}
     * @param j column in {@code [0, nFeatures)}
     * @return {@code x[i * nFeatures + j]}
     * @throws IllegalArgumentException if {@code i} or {@code j} is outside its range (a column
     *                                  past the last would otherwise read the next row)
     */
    public double x(int i, int j) {
        if (i < 0 || i >= nSamples || j < 0 || j >= nFeatures) {
            throw new IllegalArgumentException(name + ": x(" + i + ", " + j + ") outside [0, " + nSamples
                    + ") x [0, " + nFeatures + ")");
        }
        return x[i * nFeatures + j];
    }

    /**
     * The inputs as fresh row arrays, the shape the estimators take ({@code X}).
     *
     * @return {@code nSamples} copied rows of {@code nFeatures} values
     */
    public double[][] xRows() {
        double[][] out = new double[nSamples][];
        for (int i = 0; i < nSamples; i++) {
            out[i] = java.util.Arrays.copyOfRange(x, i * nFeatures, (i + 1) * nFeatures);
        }
        return out;
    }

    /**
     * The inputs as fresh float rows (a float32 fit, as scikit-learn does for float32 X).
     *
     * @return {@code nSamples} rows of {@code nFeatures} values rounded to float
     */
    public float[][] xRowsFloat() {
        float[][] out = new float[nSamples][nFeatures];
        for (int i = 0; i < nSamples; i++) {
            for (int j = 0; j < nFeatures; j++) {
                out[i][j] = (float) x[i * nFeatures + j];
            }
        }
        return out;
    }

    /**
     * {@link #labels()} boxed, the label array a classifier over {@code Integer} takes.
     *
     * @return one boxed label per row
     */
    public Integer[] boxedLabels() {
        return java.util.Arrays.stream(labels()).boxed().toArray(Integer[]::new);
    }

    /**
     * The single target column as class labels.
     *
     * @return one label per row, a fresh array
     * @throws IllegalStateException if there is more than one target or a value is not an
     *                               integer in the {@code int} range
     */
    public int[] labels() {
        if (nTargets != 1) {
            throw new IllegalStateException(name + " has " + nTargets + " targets, not one label");
        }
        int[] labels = new int[nSamples];
        for (int i = 0; i < nSamples; i++) {
            double v = y[i];
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalStateException(name + ": target at row " + i
                        + " is not an integer label: " + v);
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    /**
     * Rows {@code [from, to)} as a new data set with copied arrays, e.g. MNIST's fixed
     * train / test split.
     *
     * @param from first row, inclusive
     * @param to   end row, exclusive; {@code from <= to <= nSamples}
     * @return the rows, named {@code name[from:to]}
     */
    public Dataset rows(int from, int to) {
        if (from < 0 || from > to || to > nSamples) {
            throw new IllegalArgumentException(name + ": rows [" + from + ", " + to + ") outside [0, " + nSamples + "]");
        }
        double[] xs = java.util.Arrays.copyOfRange(x, from * nFeatures, to * nFeatures);
        double[] ys = java.util.Arrays.copyOfRange(y, from * nTargets, to * nTargets);
        return new Dataset(name + "[" + from + ":" + to + "]", to - from, nFeatures, xs,
                nTargets, ys, featureNames, targetNames);
    }
}
