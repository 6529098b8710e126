package dev.vecnn.kernels;

/**
 * Error bounds of the elementwise kernels, stated once here and never loosened to make a test
 * pass.
 *
 * <h2>Elementary functions, in ulps of the exact result</h2>
 * The vector exp, log, tanh, logistic and softplus are polynomial approximations (see
 * {@code VectorMathF32}). Their error against the exact result, in units in the last place of the
 * exact result (for a zero or subnormal result, the smallest subnormal), is at most:
 * <pre>
 *            exp  log  tanh  logistic  softplus
 * float       1    2    6       3         5
 * double      2    3    5       4         5
 * </pre>
 * Where they come from: exp is a polynomial whose approximation error is below 0.1 ulp (float: a
 * degree-6 minimax fit, 0.03 ulp; double: a degree-11 minimax fit, 0.05 ulp), evaluated
 * by Horner with fused multiply-adds (about half an ulp) after a Cody-Waite reduction that is
 * exact to the precision, then scaled exactly; log adds the rounding of {@code m + 1} and of the division in {@code s = (m-1)/(m+1)}, which enter the result relative to
 * s, so up to 2 ulps near x = 1; double tanh = {@code e / (e + 2)} with {@code e = expm1(2|x|)}
 * adds the error of expm1 (up to 2 ulps from the reconstruction {@code 2^n q + 2^n - 1}) to two
 * roundings; float tanh = {@code x P(x^2) / Q(x^2)} is a fit within 0.13 ulp (float coefficients
 * included), plus the roundings of the two polynomials, each evaluated in pairs (two multiply-adds
 * into the pairs and two steps in x^4; about 1-2 ulps of its polynomial, the terms being positive
 * where it matters), one product and one division: about 5 ulps where the result is just below 1
 * (the worst binade, where one ulp is 2^-24 of the value), and beyond x = 8, where it returns 1,
 * 1 - tanh(8) = 3.8 ulps; 4.99 measured over every float in [0, 10] ({@code docs/tools/FloatSweep.java};
 * 5.26 for the degree (5, 4) fit before session 17), hence 6;
 * logistic = {@code 1/(1+e)} with {@code e = e^-x} adds two roundings (the sum, fused with the
 * scaling, and the division) to exp's error, and no cancellation: 2.48 measured over every float
 * in [-120, 100];
 * softplus = {@code max(x, 0) + log1p(e)} with {@code e = e^-|x|}: exp's error in e (1 ulp float,
 * 2 double) reaches log1p(e) at most undiminished, and log1p, {@code log(1 + e) e / ((1 + e) - 1)},
 * adds log's 2 ulps and the rounding of its product and quotient: 4-5 ulps, the most where the
 * result lies just below a power of two (4.22 measured in float at x = -2.0232201, 4.52 in double
 * at x = -4.1530450608042315, against a 200-bit reference in session 28, when the bound stated
 * here was 4), hence 5. The float bounds are checked against
 * StrictMath in double (exact to 2^-29) on a sweep of a million bit patterns over the whole range;
 * the double bounds are one ulp looser because the reference StrictMath is itself within one ulp.
 *
 * <h2>Vector against scalar twin</h2>
 * The scalar twin computes in double with {@link Math} and rounds once for float (within 1 ulp),
 * and for double uses {@link Math} whose exp, log, expm1, log1p are within 1 ulp and tanh within
 * 2.5 ulps; logistic and softplus add two roundings. Two implementations with bounds a and b
 * differ by at most {@code a + b} ulps of the exact result, which is bounded by
 * {@link #vectorVersusTwin} ulps of the larger of the two results.
 */
public final class ElementwiseTolerance {
    /** The elementary functions whose accuracy is stated here. */
    public enum Function {
        /** The exponential {@code e^x}. */
        EXP,
        /** The natural logarithm. */
        LOG,
        /** The hyperbolic tangent. */
        TANH,
        /** The logistic sigmoid {@code 1 / (1 + e^-x)}. */
        LOGISTIC,
        /** {@code log(1 + e^x)}. */
        SOFTPLUS
    }

    private static final double[] VECTOR_FLOAT = {1, 2, 6, 3, 5};
    private static final double[] VECTOR_DOUBLE = {2, 3, 5, 4, 5};
    private static final double[] TWIN_FLOAT = {1, 1, 1, 1, 1};
    private static final double[] TWIN_DOUBLE = {1, 1, 2.5, 3, 3};

    private ElementwiseTolerance() {
    }

    /**
     * The bound of the vector function against the exact result, in ulps of that result.
     *
     * @param f the function
     * @param isFloat true for the float kernels, false for the double ones
     * @return the bound in ulps of the exact result
     */
    public static double vectorUlps(Function f, boolean isFloat) {
        return (isFloat ? VECTOR_FLOAT : VECTOR_DOUBLE)[f.ordinal()];
    }

    /**
     * The largest difference between the vector function and its scalar twin, in ulps.
     *
     * @param f the function
     * @param isFloat true for the float kernels, false for the double ones
     * @return the bound in ulps of the larger of the two results
     */
    public static double vectorVersusTwin(Function f, boolean isFloat) {
        return vectorUlps(f, isFloat) + (isFloat ? TWIN_FLOAT : TWIN_DOUBLE)[f.ordinal()];
    }
}
