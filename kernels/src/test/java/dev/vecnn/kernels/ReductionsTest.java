package dev.vecnn.kernels;

import dev.vecnn.kernels.elementwise.ReductionScalarF32;
import dev.vecnn.kernels.elementwise.ReductionScalarF64;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Reductions} against the scalar twins. A sum of n products in any order is within
 * {@code gamma(n) sum |a_i b_i|} of the exact value (Higham eq. 3.5), so two orders differ by at
 * most {@code 2 gamma(n) sum |a_i b_i|}. Max-abs and column sums (same order) are exact matches.
 */
class ReductionsTest {
    @Provide
    Arbitrary<Integer> length() {
        return Lengths.ragged();
    }

    @Property(tries = 200)
    void matchTwin(@ForAll("length") int n, @ForAll @IntRange(max = 3) int off, @ForAll @IntRange(max = 1000) int seed) {
        Lengths.collect(n);
        double[] a = ActivationsTest.data(off + n, seed, 3);
        double[] b = ActivationsTest.data(n, seed + 7, 3);
        float[] af = ActivationsTest.toFloat(a);
        float[] bf = ActivationsTest.toFloat(b);
        double mag = 0;
        double magSq = 0;
        for (int i = 0; i < n; i++) {
            mag += Math.abs((double) af[i] * bf[i]);
            magSq += (double) af[off + i] * af[off + i];
        }
        assertEquals(ReductionScalarF32.dot(af, 0, bf, 0, n), Reductions.dot(af, bf, n), bound(n, true) * mag);
        assertEquals(ReductionScalarF32.sumOfSquares(af, off, n), Reductions.sumOfSquares(af, off, n), bound(n, true) * magSq);
        assertEquals(ReductionScalarF32.maxAbs(af, off, n), Reductions.maxAbs(af, off, n));
        double magD = 0;
        for (int i = 0; i < n; i++) {
            magD += Math.abs(a[i] * b[i]);
        }
        assertEquals(ReductionScalarF64.dot(a, 0, b, 0, n), Reductions.dot(a, b, n), bound(n, false) * magD);
        assertEquals(ReductionScalarF64.maxAbs(a, off, n), Reductions.maxAbs(a, off, n));
        int rows = 1 + seed % 7;
        float[] m = ActivationsTest.toFloat(ActivationsTest.data(rows * n, seed, 1));
        float[] out = new float[n];
        float[] want = new float[n];
        Reductions.columnSums(m, rows, n, out);
        ReductionScalarF32.columnSums(m, rows, n, want);
        assertArrayEquals(want, out);
        double[] md = ActivationsTest.data(rows * n, seed, 1);
        double[] outD = new double[n];
        double[] wantD = new double[n];
        Reductions.columnSums(md, rows, n, outD);
        ReductionScalarF64.columnSums(md, rows, n, wantD);
        assertArrayEquals(wantD, outD);
    }

    /**
     * maxAbs on values whose ordering is the hard part: signed zeros, subnormals, infinities and
     * NaNs (also negative ones and other payloads) anywhere, including the scalar tail. The result
     * has the twin's bits, or is a NaN exactly when the twin's is.
     */
    @Property(tries = 300)
    void maxAbsOfSpecialValuesMatchesTwin(@ForAll("length") int n, @ForAll @IntRange(max = 3) int off,
                                          @ForAll @IntRange(max = 1000) int seed) {
        java.util.Random rnd = new java.util.Random(seed);
        float[] fSpecial = {-0f, 0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0xffc00001),
                Float.intBitsToFloat(0x7f800001)};
        double[] dSpecial = {-0d, 0d, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.longBitsToDouble(0xfff8000000000001L), Double.longBitsToDouble(0x7ff0000000000001L)};
        // How far up the list of special values this case goes: often only zeros and subnormals.
        int upTo = 1 + rnd.nextInt(fSpecial.length);
        float[] f = new float[off + n];
        double[] d = new double[off + n];
        for (int i = 0; i < f.length; i++) {
            if (rnd.nextInt(4) == 0) {
                int k = rnd.nextInt(upTo);
                f[i] = fSpecial[k];
                d[i] = dSpecial[k];
            } else {
                d[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
                f[i] = (float) d[i];
            }
        }
        float wantF = ReductionScalarF32.maxAbs(f, off, n);
        float gotF = Reductions.maxAbs(f, off, n);
        if (Float.isNaN(wantF)) {
            assertTrue(Float.isNaN(gotF), "float: " + gotF);
        } else {
            assertEquals(Float.floatToRawIntBits(wantF), Float.floatToRawIntBits(gotF), "float " + wantF + " " + gotF);
        }
        double wantD = ReductionScalarF64.maxAbs(d, off, n);
        double gotD = Reductions.maxAbs(d, off, n);
        if (Double.isNaN(wantD)) {
            assertTrue(Double.isNaN(gotD), "double: " + gotD);
        } else {
            assertEquals(Double.doubleToRawLongBits(wantD), Double.doubleToRawLongBits(gotD),
                    "double " + wantD + " " + gotD);
        }
    }

    private static double bound(int n, boolean asFloat) {
        double nu = n * (asFloat ? GemmTolerance.FLOAT_UNIT_ROUNDOFF : GemmTolerance.DOUBLE_UNIT_ROUNDOFF);
        return 2 * nu / (1 - nu);
    }

    @Test
    void knownAnswersAndDeterminism() {
        float[] x = {3, -4, 0, 1};
        assertEquals(26f, Reductions.sumOfSquares(x, 0, 4));
        assertEquals(4f, Reductions.maxAbs(x, 0, 4));
        assertEquals(0f, Reductions.maxAbs(x, 0, 0));
        assertEquals(Double.NaN, Reductions.maxAbs(new double[] {1, Double.NaN, 2}, 0, 3));
        assertEquals(3 * 1 + -4 * 2f, Reductions.dot(x, new float[] {1, 2, 9, 0}, 2));
        double[] cs = new double[2];
        Reductions.columnSums(new double[] {1, 2, 3, 4, 5, 6}, 3, 2, cs);
        assertArrayEquals(new double[] {9, 12}, cs);
        float[] big = ActivationsTest.toFloat(ActivationsTest.data(100_003, 5, 1));
        float first = Reductions.sumOfSquares(big, 0, big.length);
        for (int rep = 0; rep < 5; rep++) {
            assertEquals(Float.floatToRawIntBits(first), Float.floatToRawIntBits(Reductions.sumOfSquares(big, 0, big.length)));
        }
    }

    @Test
    void badArguments() {
        ActivationsTest.expect("x must not be null", () -> Reductions.sumOfSquares((float[]) null, 0, 1));
        ActivationsTest.expect("b is too short", () -> Reductions.dot(new float[3], new float[2], 3));
        ActivationsTest.expect("length", () -> Reductions.maxAbs(new double[3], 0, -1));
        float[] out = {5, 5};
        ActivationsTest.expect("out.length", () -> Reductions.columnSums(new float[6], 2, 3, out));
        ActivationsTest.expect("x.length", () -> Reductions.columnSums(new float[5], 3, 2, out));
        assertArrayEquals(new float[] {5, 5}, out);
    }
}
