package dev.vecnn.kernels;

/**
 * How far two correct GEMMs may disagree, element by element: the bound every GEMM test and
 * benchmark check uses, derived once here and never loosened to make a test pass.
 *
 * <h2>Derivation</h2>
 * Let {@code u} be the unit roundoff ({@code 2^-24} for float, {@code 2^-53} for double) and
 * {@code gamma(n) = n u / (1 - n u)}. A dot product of length k summed in any order, with or
 * without fused multiply-add, satisfies {@code |fl(sum a_p b_p) - sum a_p b_p| <= gamma(k) sum |a_p b_p|}
 * (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., eq. 3.5 and section 3.1).
 * Multiplying by alpha, multiplying C by beta and adding the two cost at most two more roundings,
 * so each computed element lies within {@code gamma(k + 2) * (|alpha| sum_p |A_ip| |B_pj| + |beta| |C_ij|)}
 * of the exact value. Two implementations that each meet that bound (the SIMD kernel and its scalar
 * twin) differ by at most twice as much:
 * <pre>
 *   |C - Cref| &lt;= 2 * gamma(k + 2) * (|alpha| |A| |B| + |beta| |C0|)   elementwise
 * </pre>
 * where {@code |A| |B|} is the product of the absolute values, computed exactly enough in double.
 * Underflow is ignored: inputs in the tests are normal numbers of moderate size.
 */
public final class GemmTolerance {
    /** Unit roundoff of float: half the distance from 1 to the next float. */
    public static final double FLOAT_UNIT_ROUNDOFF = 0x1p-24;
    /** Unit roundoff of double: half the distance from 1 to the next double. */
    public static final double DOUBLE_UNIT_ROUNDOFF = 0x1p-53;

    private GemmTolerance() {
    }

    /**
     * The largest allowed difference between two correct GEMM results at one element.
     *
     * @param k         the inner dimension
     * @param unitRoundoff {@link #FLOAT_UNIT_ROUNDOFF} or {@link #DOUBLE_UNIT_ROUNDOFF}
     * @param magnitude {@code |alpha| sum_p |A_ip| |B_pj| + |beta| |C0_ij|} for that element
     * @return {@code 2 * gamma(k + 2) * magnitude}
     */
    public static double elementBound(int k, double unitRoundoff, double magnitude) {
        double nu = (k + 2) * unitRoundoff;
        if (nu >= 1) {
            throw new IllegalArgumentException("k = " + k + " is too large for a meaningful bound");
        }
        return 2 * nu / (1 - nu) * magnitude;
    }
}
