package dev.vecnn.gradcheck;

/**
 * How accurately the kernels compute a loss value from output probabilities, and whether the
 * probabilities are clipped: what a finite-difference check of a loss needs to know.
 *
 * <p>Accuracy: the value is a weighted mean of n = rows * cols per-element terms. It is within
 * {@code (n + cols + 16) u M} of the exact value, M the weighted mean of the terms' magnitudes
 * before cancellation ({@link #magnitude}; n roundings of the sum, {@code cols + 8} of softmax or
 * the logistic and the log, the rest for the term's own formula), plus, for a logistic output,
 * the cancellation in {@code 1 - p}: p is within about 4 ulps (8 u), so {@code 1 - p} carries an
 * absolute error of {@code 9 u} and {@code log(1 - p)} one of {@code 9 u / (1 - p)}, which grows
 * without bound as the output saturates.
 *
 * <p>Clipping: the kernels clip a logged probability to {@code [eps, 1 - eps]} (eps the machine
 * epsilon, as scikit-learn does) but their delta stays {@code p - y}, the gradient of the unclipped
 * loss. Where a logged probability is clipped, the value is flat in that output while the delta
 * is not, so the delta is not the derivative of the value there; gradient checks of the loss
 * leave such points out (the boundary itself is a kink, which the checker handles).
 */
final class LossAccuracy {
    private static final double U = 0x1p-53;
    private static final double EPS = Math.ulp(1d);

    private LossAccuracy() {
    }

    /**
     * The relative accuracy of the loss value {@code value}, from the outputs p, targets y and
     * weights w (null: unweighted) with weight sum s, plus {@code base} for everything computed
     * before the outputs.
     */
    static double valueAccuracy(OutputKind kind, double[] p, double[] y, double[] w, int rows, int cols, double s,
                                double value, double base) {
        double absolute = (p.length + cols + 16) * U * magnitude(kind, p, y, w, rows, cols, s);
        if (kind == OutputKind.BINARY || kind == OutputKind.MULTILABEL) {
            double saturation = 0;
            for (int i = 0; i < p.length; i++) {
                saturation += (w == null ? 1 : w[i / cols]) * (1 - y[i]) / (1 - p[i]);
            }
            absolute += 9 * U * saturation / s;
        }
        return base + absolute / Math.abs(value);
    }

    /** The weighted mean over rows of the summed per-element magnitudes of the loss terms. */
    static double magnitude(OutputKind kind, double[] p, double[] y, double[] w, int rows, int cols, double s) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double row = 0;
            for (int j = 0; j < cols; j++) {
                int i = r * cols + j;
                row += switch (kind) {
                    case MULTICLASS -> y[i] * (Math.abs(Math.log(p[i])) + 1);
                    case BINARY, MULTILABEL -> Math.abs(y[i] * Math.log(p[i])) + Math.abs((1 - y[i]) * Math.log1p(-p[i])) + 1;
                    case REGRESSION -> (Math.abs(p[i]) + Math.abs(y[i])) * (Math.abs(p[i]) + Math.abs(y[i]));
                    case POISSON -> (y[i] > 0 ? Math.abs(y[i] * Math.log(y[i] / p[i])) : 0) + 2 * y[i] + p[i];
                };
            }
            total += (w == null ? 1 : w[r]) * row;
        }
        return total / s;
    }

    /** True if some logged probability lies outside {@code [eps, 1 - eps]} (double's eps). */
    static boolean clipped(OutputKind kind, double[] p, double[] y) {
        for (int i = 0; i < p.length; i++) {
            boolean low = p[i] < EPS;
            boolean high = p[i] > 1 - EPS;
            boolean logged = switch (kind) {
                case MULTICLASS -> y[i] > 0 && low;
                case BINARY, MULTILABEL -> y[i] > 0 && low || y[i] < 1 && high;
                case REGRESSION, POISSON -> false;
            };
            if (logged) {
                return true;
            }
        }
        return false;
    }
}
