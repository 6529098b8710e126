package dev.vecnn.nn;

import java.util.Locale;

/** Python's {@code %f}-style formatting for the verbose lines and messages. */
final class Format {
    private Format() {
    }

    /** {@code "%f" % v}. */
    static String fixed6(double v) {
        return String.format(Locale.ROOT, "%f", v);
    }

    /** {@code "%.8f" % v}. */
    static String fixed8(double v) {
        return String.format(Locale.ROOT, "%.8f", v);
    }
}
