package dev.vecnn.nn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code %f}-style formatting for the verbose lines and messages, and the scientific form
 * gfortran writes for scipy's L-BFGS-B trace. Both round the exact binary value half to even
 * (Java's {@code String.format} rounds its shortest decimal form half up and pads longer requests
 * with zeros: 0.4140625 printed 0.414063 where Python prints 0.414062, and 1874999991390.77392578
 * came out 1874999991390.77400000); non-finite values print as Python's {@code inf}, {@code -inf},
 * {@code nan}.
 */
final class Format {
    private Format() {
    }

    /** {@code "%f" % v}. */
    static String fixed6(double v) {
        return fixed(v, 6);
    }

    /** {@code "%.8f" % v}. */
    static String fixed8(double v) {
        return fixed(v, 8);
    }

    /** {@code "%.<digits>f" % v}: the exact value rounded half to even, Python's sign of zero. */
    static String fixed(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    /**
     * {@code v} as {@code digits} significant digits rounded half to even from its exact value:
     * the mantissa with one digit before the point and the decimal exponent, for {@code v} finite
     * and non-zero.
     */
    static Scientific scientific(double v, int digits) {
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(digits - 1, RoundingMode.UNNECESSARY);
        return new Scientific(mantissa.toPlainString(), exponent);
    }

    /** A mantissa such as {@code "-8.4457902536955884"} and its power of ten. */
    record Scientific(String mantissa, int exponent) {
    }
}
