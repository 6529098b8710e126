package dev.vecnn.kernels;

import dev.vecnn.kernels.elementwise.LossF32;
import dev.vecnn.kernels.elementwise.LossF64;
import dev.vecnn.kernels.elementwise.LossScalarF32;
import dev.vecnn.kernels.elementwise.LossScalarF64;

/**
 * Output-layer losses: the loss value and the output delta in one pass (see {@link Loss} for the
 * formulas). {@code p} holds the output activations and {@code y} the targets, both row-major
 * {@code rows x cols} from index 0; {@code sampleWeight} is null or has one weight per row. The
 * value is {@code sum_i w_i loss_i / sum_i w_i} and {@code delta[i, j] = (p - y) w_i}, so the
 * caller divides gradients by the weight sum (or by rows when unweighted).
 *
 * <p>Sums are formed in a fixed lane-wise order, so the value depends only on the input. Invalid
 * arguments throw {@link IllegalArgumentException} naming the argument, before anything is
 * written.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * The float loss value; writes {@code delta}.
     *
     * @param loss the loss, not null
     * @param p the output activations, row-major {@code rows x cols} from index 0
     * @param y the targets, laid out as {@code p}
     * @param sampleWeight one weight per row, each finite and {@code >= 0} with a positive sum the
     *                     precision holds (weights are used as given: ones so small that their
     *                     products underflow lose accuracy), or null for weight 1
     * @param rows number of samples, {@code >= 0}
     * @param cols number of outputs per sample, {@code >= 0}
     * @param delta receives {@code (p - y) w_i} per element; may be {@code p} or {@code y}
     * @return the weighted mean loss over rows, 0 when {@code rows} is 0
     */
    public static float loss(Loss loss, float[] p, float[] y, float[] sampleWeight, int rows, int cols, float[] delta) {
        check(loss, p, y, sampleWeight, rows, cols, delta);
        return VectorSupport.enabled()
                ? LossF32.loss(loss, p, y, sampleWeight, rows, cols, delta)
                : LossScalarF32.loss(loss, p, y, sampleWeight, rows, cols, delta);
    }

    /**
     * The double loss value; writes {@code delta}.
     *
     * @param loss the loss, not null
     * @param p the output activations, row-major {@code rows x cols} from index 0
     * @param y the targets, laid out as {@code p}
     * @param sampleWeight one weight per row, each finite and {@code >= 0} with a positive sum the
     *                     precision holds (weights are used as given: ones so small that their
     *                     products underflow lose accuracy), or null for weight 1
     * @param rows number of samples, {@code >= 0}
     * @param cols number of outputs per sample, {@code >= 0}
     * @param delta receives {@code (p - y) w_i} per element; may be {@code p} or {@code y}
     * @return the weighted mean loss over rows, 0 when {@code rows} is 0
     */
    public static double loss(Loss loss, double[] p, double[] y, double[] sampleWeight, int rows, int cols,
                              double[] delta) {
        check(loss, p, y, sampleWeight, rows, cols, delta);
        return VectorSupport.enabled()
                ? LossF64.loss(loss, p, y, sampleWeight, rows, cols, delta)
                : LossScalarF64.loss(loss, p, y, sampleWeight, rows, cols, delta);
    }

    private static void check(Loss loss, Object p, Object y, Object w, int rows, int cols, Object delta) {
        ElementwiseArguments.notNull("loss", loss);
        ElementwiseArguments.nonNegative("rows", rows);
        ElementwiseArguments.nonNegative("cols", cols);
        long n = (long) rows * cols;
        ElementwiseArguments.atLeast("p", p, n);
        ElementwiseArguments.atLeast("y", y, n);
        ElementwiseArguments.atLeast("delta", delta, n);
        if (w != null) {
            ElementwiseArguments.atLeast("sampleWeight", w, rows);
            checkWeights(w, rows);
        }
    }

    /**
     * Each weight finite and {@code >= 0}, their sum positive and finite in the working precision
     * (the mean divides by it: all zeros gave NaN, a negative weight -inf, and float weights whose
     * sum overflows a mean of 0).
     */
    private static void checkWeights(Object w, int rows) {
        double sum = 0;
        boolean isFloat = w instanceof float[];
        for (int i = 0; i < rows; i++) {
            double v = isFloat ? ((float[]) w)[i] : ((double[]) w)[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("sampleWeight[" + i + "] must be finite and >= 0, got " + v);
            }
            sum += v;
        }
        double limit = isFloat ? Float.MAX_VALUE : Double.MAX_VALUE;
        if (rows > 0 && !(sum > 0 && sum <= limit)) {
            throw new IllegalArgumentException("sampleWeight must have a positive sum that " + (isFloat ? "a float"
                    : "a double") + " holds over the " + rows + " rows, got " + sum);
        }
    }
}
