package dev.vecnn.nn;

/**
 * Validated training data at the precision-neutral boundary: row-major inputs and encoded
 * targets (one-hot, 0/1 indicators or regression targets), optional sample weights, and what
 * the early-stopping validation score needs.
 *
 * @param x          rows x features
 * @param rows       sample count
 * @param features   feature count
 * @param float32    whether the input was float32 (the network then computes in float)
 * @param y          rows x outputs
 * @param outputs    network output count
 * @param weight     per-row sample weights, or null
 * @param stratify   class codes for a stratified split (binary classification), or null
 * @param scorer     validation score of some rows (accuracy or R^2 on the original targets)
 */
record FitData(double[] x, int rows, int features, boolean float32, double[] y, int outputs,
               double[] weight, int[] stratify, Scorer scorer) {

    /** The validation score of the network outputs {@code output} for the given original rows. */
    interface Scorer {
        double score(double[] output, int[] rows);
    }

    /** The rows {@code idx} of x, y and the weights, in that order. */
    FitData select(int[] idx) {
        double[] xs = new double[idx.length * features];
        double[] ys = new double[idx.length * outputs];
        double[] ws = weight == null ? null : new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * features, xs, i * features, features);
            System.arraycopy(y, idx[i] * outputs, ys, i * outputs, outputs);
            if (ws != null) {
                ws[i] = weight[idx[i]];
            }
        }
        return new FitData(xs, idx.length, features, float32, ys, outputs, ws, null, scorer);
    }

    /** The rows {@code idx} of x only. */
    double[] inputs(int[] idx) {
        double[] xs = new double[idx.length * features];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * features, xs, i * features, features);
        }
        return xs;
    }
}
