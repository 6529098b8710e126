package dev.vecnn.kernels;

import dev.vecnn.kernels.elementwise.ReductionF32;
import dev.vecnn.kernels.elementwise.ReductionF64;
import dev.vecnn.kernels.elementwise.ReductionScalarF32;
import dev.vecnn.kernels.elementwise.ReductionScalarF64;

/**
 * Reductions over flat arrays: column sums (bias gradients), sum of squares (the L2 term), dot
 * product and max-abs. Sums use several vector accumulators combined in a fixed order, so a
 * result never depends on the thread count; column sums add rows in ascending order and equal the
 * scalar loop bit for bit. Invalid arguments throw {@link IllegalArgumentException} naming the
 * argument, before anything is written.
 */
public final class Reductions {
    private Reductions() {
    }

    /**
     * {@code sum x[i]^2} over {@code [offset, offset+length)}.
     *
     * @param x the values
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     * @return the sum of squares, 0 when empty
     */
    public static float sumOfSquares(float[] x, int offset, int length) {
        ElementwiseArguments.range("x", x, offset, length);
        return VectorSupport.enabled() ? ReductionF32.sumOfSquares(x, offset, length)
                : ReductionScalarF32.sumOfSquares(x, offset, length);
    }

    /**
     * {@code sum x[i]^2} over {@code [offset, offset+length)}.
     *
     * @param x the values
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     * @return the sum of squares, 0 when empty
     */
    public static double sumOfSquares(double[] x, int offset, int length) {
        ElementwiseArguments.range("x", x, offset, length);
        return VectorSupport.enabled() ? ReductionF64.sumOfSquares(x, offset, length)
                : ReductionScalarF64.sumOfSquares(x, offset, length);
    }

    /**
     * {@code sum a[i] b[i]} for i below {@code length}.
     *
     * @param a the first vector, from index 0
     * @param b the second vector, from index 0
     * @param length number of products summed, {@code >= 0}, within both arrays
     * @return the dot product, 0 when {@code length} is 0
     */
    public static float dot(float[] a, float[] b, int length) {
        ElementwiseArguments.range("a", a, 0, length);
        ElementwiseArguments.range("b", b, 0, length);
        return VectorSupport.enabled() ? ReductionF32.dot(a, 0, b, 0, length) : ReductionScalarF32.dot(a, 0, b, 0, length);
    }

    /**
     * {@code sum a[i] b[i]} for i below {@code length}.
     *
     * @param a the first vector, from index 0
     * @param b the second vector, from index 0
     * @param length number of products summed, {@code >= 0}, within both arrays
     * @return the dot product, 0 when {@code length} is 0
     */
    public static double dot(double[] a, double[] b, int length) {
        ElementwiseArguments.range("a", a, 0, length);
        ElementwiseArguments.range("b", b, 0, length);
        return VectorSupport.enabled() ? ReductionF64.dot(a, 0, b, 0, length) : ReductionScalarF64.dot(a, 0, b, 0, length);
    }

    /**
     * {@code max |x[i]|} over the range.
     *
     * @param x the values
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     * @return the largest magnitude: 0 when empty, NaN if any element is NaN
     */
    public static float maxAbs(float[] x, int offset, int length) {
        ElementwiseArguments.range("x", x, offset, length);
        return VectorSupport.enabled() ? ReductionF32.maxAbs(x, offset, length) : ReductionScalarF32.maxAbs(x, offset, length);
    }

    /**
     * {@code max |x[i]|} over the range.
     *
     * @param x the values
     * @param offset index of the first value, {@code >= 0}
     * @param length number of values, {@code >= 0}, within {@code x}
     * @return the largest magnitude: 0 when empty, NaN if any element is NaN
     */
    public static double maxAbs(double[] x, int offset, int length) {
        ElementwiseArguments.range("x", x, offset, length);
        return VectorSupport.enabled() ? ReductionF64.maxAbs(x, offset, length) : ReductionScalarF64.maxAbs(x, offset, length);
    }

    /**
     * {@code out[j] = sum_i x[i * cols + j]} over a row-major {@code rows x cols} matrix from
     * index 0.
     *
     * @param x the matrix
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @param out receives the {@code cols} sums from index 0
     */
    public static void columnSums(float[] x, int rows, int cols, float[] out) {
        checkColumns(x, rows, cols, out);
        if (VectorSupport.enabled()) {
            ReductionF32.columnSums(x, rows, cols, out);
        } else {
            ReductionScalarF32.columnSums(x, rows, cols, out);
        }
    }

    /**
     * {@code out[j] = sum_i x[i * cols + j]} over a row-major {@code rows x cols} matrix from
     * index 0.
     *
     * @param x the matrix
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @param out receives the {@code cols} sums from index 0
     */
    public static void columnSums(double[] x, int rows, int cols, double[] out) {
        checkColumns(x, rows, cols, out);
        if (VectorSupport.enabled()) {
            ReductionF64.columnSums(x, rows, cols, out);
        } else {
            ReductionScalarF64.columnSums(x, rows, cols, out);
        }
    }

    private static void checkColumns(Object x, int rows, int cols, Object out) {
        ElementwiseArguments.nonNegative("rows", rows);
        ElementwiseArguments.nonNegative("cols", cols);
        ElementwiseArguments.atLeast("x", x, (long) rows * cols);
        ElementwiseArguments.atLeast("out", out, cols);
    }
}
