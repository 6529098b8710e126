package dev.vecnn.nn.layer;

import java.lang.reflect.Array;

/**
 * Checks at the boundary of the layer API, float and double alike (arrays are taken as Object):
 * each public method of a network or layer calls them before it writes anything, so a rejected
 * call names the argument and leaves every array and the parameters as they were. The kernels
 * check again inside, in their own argument names; these say what the layer's caller passed.
 */
final class LayerArguments {
    /** The longest array the JVM allocates (HotSpot's limit, a few below Integer.MAX_VALUE). */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private LayerArguments() {
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    static void rows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
    }

    /** The L2 penalty: finite and non-negative (NaN would turn every gradient into NaN). */
    static void alpha(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
    }

    /** A row-major {@code rows x width} matrix from index 0: a float[] or double[] long enough. */
    static void matrix(String name, Object array, int rows, int width) {
        notNull(name, array);
        long needed = (long) rows * width;
        int length = Array.getLength(array);
        if (length < needed) {
            throw new IllegalArgumentException(name + " has " + length + " values, " + rows + " rows x "
                    + width + " need " + needed);
        }
    }

    /** {@code rows x cols} values from {@code offset}: all sizes non-negative and inside the array. */
    static void range(String name, Object array, int offset, int rows, int cols) {
        notNull(name, array);
        if (offset < 0 || rows < 0 || cols < 0) {
            throw new IllegalArgumentException("offset, rows and cols must be >= 0, got " + offset + ", " + rows
                    + ", " + cols);
        }
        long end = offset + (long) rows * cols;
        int length = Array.getLength(array);
        if (end > length) {
            throw new IllegalArgumentException(name + " has " + length + " values, offset " + offset + " + " + rows
                    + " x " + cols + " need " + end);
        }
    }

    /** One array per row, at least {@code rows} of them, each with at least {@code width} values. */
    static void rowArrays(String name, Object[] array, int rows, int width) {
        notNull(name, array);
        if (array.length < rows) {
            throw new IllegalArgumentException(name + " has " + array.length + " rows, rows is " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (array[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            int length = Array.getLength(array[i]);
            if (length < width) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + length + " values, the layer reads "
                        + width);
            }
        }
    }
}
