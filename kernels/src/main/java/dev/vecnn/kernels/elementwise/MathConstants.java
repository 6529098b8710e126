package dev.vecnn.kernels.elementwise;

/**
 * Constants of the vector elementary functions that differ between the precisions, kept out of
 * the {@code F32} sources so that the F32 to F64 generator turns a reference to {@code ..._F32}
 * into the matching {@code ..._F64} instead of copying float-sized values into the double code.
 */
final class MathConstants {
    /**
     * ln 2 split in a high part and a low part ({@code hi + lo} is ln 2 to about twice the
     * precision), so that {@code x - n ln 2} can be formed without losing the low bits of x.
     */
    static final double LN2_HI_F32 = (float) Math.log(2);
    static final double LN2_LO_F32 = (float) (Math.log(2) - LN2_HI_F32);
    static final double LN2_HI_F64 = 0x1.62e42fefa39efp-1;
    static final double LN2_LO_F64 = 0x1.abc9e3b39803fp-56;

    /**
     * Degree of the Taylor polynomial of exp on the reduced range |r| <= ln2 / 2: the truncation
     * error {@code r^(d+1) / (d+1)!} is 5e-9 (0.1 ulp of float) for d = 7 and 6e-18 (0.05 ulp
     * of double) for d = 13.
     */
    static final int EXP_DEGREE_F32 = 7;
    static final int EXP_DEGREE_F64 = 13;

    /**
     * Number of terms of {@code atanh(s) = s (1 + s^2/3 + s^4/5 + ...)} used by log on
     * |s| <= 3 - 2 sqrt(2) = 0.1716: the first omitted term relative to s is 2e-9 for float with 6
     * terms and 6e-19 for double with 12 terms.
     */
    static final int LOG_TERMS_F32 = 6;
    static final int LOG_TERMS_F64 = 12;

    private MathConstants() {
    }

    /** {@code 1/k!} for k = 0..degree, the Taylor coefficients of exp. */
    static double[] expTaylor(int degree) {
        double[] c = new double[degree + 1];
        double f = 1;
        for (int k = 0; k <= degree; k++) {
            f = k == 0 ? 1 : f * k;
            c[k] = 1 / f;
        }
        return c;
    }

    /** {@code 1/(2k+1)} for k = 0..terms-1, the coefficients of atanh(s)/s in powers of s^2. */
    static double[] atanhSeries(int terms) {
        double[] c = new double[terms];
        for (int k = 0; k < terms; k++) {
            c[k] = 1.0 / (2 * k + 1);
        }
        return c;
    }
}
