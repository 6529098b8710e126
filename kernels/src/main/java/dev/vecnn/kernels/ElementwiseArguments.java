package dev.vecnn.kernels;

/**
 * Validation shared by the elementwise facades ({@link Activations}, {@link Losses},
 * {@link Reductions}, {@link Updates}), float and double alike: arrays are passed as objects and
 * described by their length. Every check runs before any kernel, so a rejected call writes
 * nothing.
 */
final class ElementwiseArguments {
    private ElementwiseArguments() {
    }

    /** Returns the length of {@code array}, a float[] or double[]; rejects null. */
    static int length(String name, Object array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return java.lang.reflect.Array.getLength(array);
    }

    static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Checks that {@code array[offset, offset + count)} exists. */
    static void range(String name, Object array, int offset, long count) {
        int length = length(name, array);
        nonNegative("offset", offset);
        nonNegative("length", count);
        if (offset + count > length) {
            throw new IllegalArgumentException(name + " is too short: " + count + " elements from offset "
                    + offset + " need " + (offset + count) + ", " + name + ".length is " + length);
        }
    }

    /** Checks that {@code array} has exactly {@code expected} elements. */
    static void exactLength(String name, Object array, long expected) {
        int length = length(name, array);
        if (length != expected) {
            throw new IllegalArgumentException(name + ".length must be " + expected + ", got " + length);
        }
    }

    /** Checks that {@code array} has at least {@code expected} elements. */
    static void atLeast(String name, Object array, long expected) {
        int length = length(name, array);
        if (length < expected) {
            throw new IllegalArgumentException(name + ".length must be >= " + expected + ", got " + length);
        }
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    /** Checks {@code lo <= value <= hi} (a NaN value fails). */
    static void inClosed(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }

    /** Checks {@code lo <= value < hi} (a NaN value fails). */
    static void inHalfOpen(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "), got " + value);
        }
    }
}
