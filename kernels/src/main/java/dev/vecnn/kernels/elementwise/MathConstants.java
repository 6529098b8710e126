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
     * Degree of the Taylor polynomial of exp on the reduced range |r| <= ln2 / 2 that expm1 uses
     * (exp itself uses the fits below): the truncation error {@code r^(d+1) / (d+1)!} is 5e-9
     * (0.1 ulp of float) for d = 7 and 6e-18 (0.05 ulp of double) for d = 13.
     */
    static final int EXP_DEGREE_F32 = 7;
    static final int EXP_DEGREE_F64 = 13;

    /**
     * The polynomial exp evaluates on the reduced range, coefficients of r^0, r^1, ...: in float a
     * relative minimax fit of degree 6 with the first two coefficients 1 ({@code
     * docs/tools/fit_exp.py}: 3.8e-9 = 0.03 ulp with these float coefficients, where the degree-7
     * Taylor polynomial gives 7.3e-9), one multiply-add fewer per vector (session 11: the float
     * logistic pass about 5% faster); in double likewise a fit of degree 11 ({@code fit_exp.py 11
     * double}: 1.1e-17 = 0.05 ulp with these double coefficients, where the degree-13 Taylor
     * polynomial it replaced in session 25 gives 0.04 ulp), two multiply-adds fewer per vector.
     * expm1 keeps the Taylor coefficients of {@link #EXP_DEGREE_F32} / {@link #EXP_DEGREE_F64},
     * whose relative accuracy near 0 it relies on.
     */
    static final double[] EXP_POLY_F32 = {1, 1, 0x1.fffffcp-2, 0x1.555492p-3, 0x1.5558f2p-5, 0x1.1239d4p-7,
            0x1.6a244cp-10};
    static final double[] EXP_POLY_F64 = {1, 1, 0x1.000000000000ap-1, 0x1.55555555554fap-3, 0x1.555555555088cp-5,
            0x1.1111111127b9dp-7, 0x1.6c16c184266fcp-10, 0x1.a01a012a690cep-13, 0x1.a0199a16dade3p-16,
            0x1.71df253bc8ffbp-19, 0x1.28ad68a8cf167p-22, 0x1.ad7f7834aa461p-26};

    /**
     * Number of terms of {@code atanh(s) = s (1 + s^2/3 + s^4/5 + ...)} used by log on
     * |s| <= 3 - 2 sqrt(2) = 0.1716: the first omitted term relative to s is 2e-9 for float with 6
     * terms and 6e-19 for double with 12 terms.
     */
    static final int LOG_TERMS_F32 = 6;
    static final int LOG_TERMS_F64 = 12;

    /**
     * Whether tanh is the rational approximation below (float) or {@code expm1(2|x|) /
     * (expm1(2|x|) + 2)} (double). The rational form is 2.3x faster per float vector (0.17 against
     * 0.41 ns per element, docs/elementwise-results.md); for double it would need degree (10, 9)
     * and lose about 3 ulps against the expm1 form, and no double target asks for the speed.
     */
    static final boolean TANH_RATIONAL_F32 = true;
    static final boolean TANH_RATIONAL_F64 = false;

    /**
     * tanh(x) = x P(x^2) / Q(x^2) on |x| <= TANH_LIMIT, and +-1 beyond: a relative minimax fit of
     * degree (4, 4) in x^2 with P(0) = Q(0) = 1 on [0, 8] (Lawson-weighted least squares in 40
     * digits, 7.9e-9 = 0.13 ulp; {@code docs/tools/fit_tanh.py 8 24 4,4}), its coefficients rounded
     * to float. Saturating at 8 rather than where tanh rounds to 1 in float (13 ln 2 = 9.011):
     * 1 - tanh(8) = 2 e^-16 / (1 + e^-16) is 3.8 ulps of 1 (2^-24 each), within the bound, and
     * the float evaluation of the fit does exceed 1 above 8.149 (the fit of session 9, on [0, 9.02]
     * with degree (5, 4), had to clamp its result to 1 for that). Over every float in [0, 10] the
     * evaluation, in pairs as {@code VectorMathF32.tanhRational} does, is within 4.99 ulps (worst
     * at x = 7.278) and never above 1 ({@code docs/tools/FloatSweep.java}); the degree (5, 4) fit
     * was within 5.26 ulps, (4, 3) and (3, 4) fit no better than 4.4 and 3.1 ulps.
     */
    static final double TANH_LIMIT_F32 = 8;
    static final double[] TANH_P_F32 = {1, 0x1.136d46p-3, 0x1.d4c4ecp-9, 0x1.70a84ep-16, 0x1.078952p-26};
    static final double[] TANH_Q_F32 = {1, 0x1.df0bf6p-2, 0x1.acfad4p-6, 0x1.668684p-12, 0x1.cbf2d8p-21};
    /** Unused: double tanh takes the expm1 form (TANH_RATIONAL_F64). */
    static final double TANH_LIMIT_F64 = 0;
    static final double[] TANH_P_F64 = {1};
    static final double[] TANH_Q_F64 = {1};

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
