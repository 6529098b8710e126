package dev.vecnn.nn;

/** scikit-learn's {@code accuracy_score} and {@code r2_score} (uniform average), with sample weights. */
final class Scores {
    /** The fewest rows R^2 is defined on. */
    static final int R2_MIN_ROWS = 2;

    private Scores() {
    }

    /** Weighted fraction of {@code correct} rows; {@code weight} null means 1 each. */
    static double accuracy(boolean[] correct, double[] weight) {
        double hit = 0;
        double total = 0;
        for (int i = 0; i < correct.length; i++) {
            double w = weight == null ? 1 : weight[i];
            total += w;
            if (correct[i]) {
                hit += w;
            }
        }
        return hit / total;
    }

    /**
     * R^2 of predictions {@code p} for targets {@code y}, both rows x outputs, averaged over
     * outputs; an output with constant targets scores 1 if predicted exactly, else 0. Fewer than
     * {@link #R2_MIN_ROWS} rows give NaN, as scikit-learn's {@code r2_score} (it warns that R^2 is
     * not well-defined there).
     */
    static double r2(double[] y, double[] p, int rows, int outputs, double[] weight) {
        if (rows < R2_MIN_ROWS) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < outputs; j++) {
            double wSum = 0;
            double mean = 0;
            for (int i = 0; i < rows; i++) {
                double w = weight == null ? 1 : weight[i];
                wSum += w;
                mean += w * y[i * outputs + j];
            }
            mean /= wSum;
            double num = 0;
            double den = 0;
            for (int i = 0; i < rows; i++) {
                double w = weight == null ? 1 : weight[i];
                double r = y[i * outputs + j] - p[i * outputs + j];
                double c = y[i * outputs + j] - mean;
                num += w * r * r;
                den += w * c * c;
            }
            sum += den != 0 ? 1 - num / den : num == 0 ? 1 : 0;
        }
        return sum / outputs;
    }

    /** The entries of {@code w} at {@code rows}, or null. */
    static double[] at(double[] w, int[] rows) {
        if (w == null) {
            return null;
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = w[rows[i]];
        }
        return out;
    }
}
