package dev.vecnn.kernels;

import java.util.Random;

import dev.vecnn.kernels.ElementwiseTolerance.Function;
import dev.vecnn.kernels.elementwise.LossScalarF32;
import dev.vecnn.kernels.elementwise.LossScalarF64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Losses} against the scalar twins. Deltas are {@code (p - y) w} in both, bit for bit. The
 * values differ by summation order and by the logarithms: each side is within
 * {@code gamma(n + 4) M} of the exact sum (n = rows * cols addends, a few roundings per element,
 * M the sum of absolute values of every addend, weighted) and each logarithm within its ulp bound,
 * at most {@code 2 u} relative per ulp; so the two values differ by at most
 * {@code (2 gamma(n + 4) + 4 (LOG_ULPS + 1) u) M}.
 */
class LossesTest {
    @Property(tries = 150)
    void matchesTwin(@ForAll Loss loss, @ForAll @IntRange(max = 40) int rows, @ForAll @IntRange(min = 1, max = 37) int cols,
                     @ForAll boolean weighted, @ForAll @IntRange(max = 1000) int seed) {
        Lengths.collect(rows * cols);
        int n = rows * cols;
        Random rnd = new Random(seed);
        double[] p = new double[n];
        double[] y = new double[n];
        double[] w = weighted ? new double[rows] : null;
        for (int i = 0; i < n; i++) {
            switch (loss) {
                case LOG_LOSS, BINARY_LOG_LOSS -> {
                    p[i] = i % 17 == 0 ? 0 : i % 19 == 0 ? 1 : rnd.nextDouble();
                    y[i] = loss == Loss.LOG_LOSS ? rnd.nextInt(2) : i % 3 == 0 ? rnd.nextDouble() : rnd.nextInt(2);
                }
                case SQUARED -> {
                    p[i] = rnd.nextGaussian();
                    y[i] = rnd.nextGaussian();
                }
                case POISSON -> {
                    p[i] = Math.exp(rnd.nextGaussian());
                    y[i] = rnd.nextInt(4);
                }
            }
        }
        for (int r = 0; weighted && r < rows; r++) {
            w[r] = rnd.nextDouble() * 2;
        }
        float[] pf = ActivationsTest.toFloat(p);
        float[] yf = ActivationsTest.toFloat(y);
        float[] wf = weighted ? ActivationsTest.toFloat(w) : null;
        float[] df = new float[n];
        float[] dft = new float[n];
        float vf = Losses.loss(loss, pf, yf, wf, rows, cols, df);
        float vft = LossScalarF32.loss(loss, pf, yf, wf, rows, cols, dft);
        assertArrayEquals(dft, df);
        double[] dd = new double[n];
        double[] ddt = new double[n];
        double vd = Losses.loss(loss, p, y, w, rows, cols, dd);
        double vdt = LossScalarF64.loss(loss, p, y, w, rows, cols, ddt);
        assertArrayEquals(ddt, dd);
        assertWithin(vf, vft, magnitude(loss, ActivationsTest.toDouble(pf), ActivationsTest.toDouble(yf),
                wf == null ? null : ActivationsTest.toDouble(wf), rows, cols), true, n);
        assertWithin(vd, vdt, magnitude(loss, p, y, w, rows, cols), false, n);
        assertTrue(Float.isFinite(vf) && Double.isFinite(vd), "clipping keeps the value finite");
    }

    private static void assertWithin(double got, double want, double m, boolean asFloat, int n) {
        double u = asFloat ? GemmTolerance.FLOAT_UNIT_ROUNDOFF : GemmTolerance.DOUBLE_UNIT_ROUNDOFF;
        double nu = (n + 4) * u;
        double tol = (2 * nu / (1 - nu) + 4 * (ElementwiseTolerance.vectorVersusTwin(Function.LOG, asFloat) + 1) * u) * m;
        assertEquals(want, got, tol);
    }

    /** The weighted mean of the sum of absolute addends: the M of the class comment. */
    private static double magnitude(Loss loss, double[] p, double[] y, double[] w, int rows, int cols) {
        double eps = 1e-7;
        double total = 0;
        double ws = 0;
        for (int r = 0; r < rows; r++) {
            double wr = w == null ? 1 : w[r];
            double s = 0;
            for (int i = r * cols; i < (r + 1) * cols; i++) {
                double pc = Math.min(Math.max(p[i], eps * eps), 1);
                s += switch (loss) {
                    case LOG_LOSS -> Math.abs(y[i] * Math.log(Math.max(pc, 1e-300))) + 1;
                    case BINARY_LOG_LOSS -> Math.abs(y[i] * Math.log(Math.max(pc, 1e-300)))
                            + Math.abs((1 - y[i]) * Math.log(Math.max(1 - pc, 1e-300))) + 1;
                    case SQUARED -> (p[i] - y[i]) * (p[i] - y[i]) + Math.abs(p[i]) + Math.abs(y[i]);
                    case POISSON -> Math.abs(y[i] * Math.log(Math.max(y[i], 1))) + Math.abs(y[i] * Math.log(p[i]))
                            + y[i] + p[i];
                };
            }
            total += wr * s;
            ws += wr;
        }
        return ws == 0 ? 0 : total / ws * 4;
    }

    @Test
    void knownAnswersAndClipping() {
        // Softmax output [0.5, 0.5] with target class 1: loss log 2, delta [0.5, -0.5].
        float[] delta = new float[2];
        float v = Losses.loss(Loss.LOG_LOSS, new float[] {0.5f, 0.5f}, new float[] {0, 1}, null, 1, 2, delta);
        assertEquals(Math.log(2), v, 1e-6);
        assertArrayEquals(new float[] {0.5f, -0.5f}, delta);
        // p = 0 for the true class is clipped to eps: -log(eps), finite.
        double[] dd = new double[1];
        double b = Losses.loss(Loss.BINARY_LOG_LOSS, new double[] {0}, new double[] {1}, null, 1, 1, dd);
        assertEquals(-Math.log(Math.ulp(1d)), b, 1e-12);
        assertEquals(-1, dd[0]);
        // Squared error, weighted: (1 * 0.5 * 4 + 3 * 0.5 * 1) / 4.
        double[] sq = new double[2];
        double s = Losses.loss(Loss.SQUARED, new double[] {3, 1}, new double[] {1, 0}, new double[] {1, 3}, 2, 1, sq);
        assertEquals((2 + 1.5) / 4, s, 1e-15);
        assertArrayEquals(new double[] {2, 3}, sq);
        // Poisson half deviance at y = 2, p = 1: 2 log 2 - 2 + 1.
        double[] pd = new double[1];
        assertEquals(2 * Math.log(2) - 1, Losses.loss(Loss.POISSON, new double[] {1}, new double[] {2}, null, 1, 1, pd), 1e-14);
    }

    @Test
    void badArguments() {
        float[] d = {7, 7};
        ActivationsTest.expect("loss must not be null", () -> Losses.loss(null, new float[2], new float[2], null, 1, 2, d));
        ActivationsTest.expect("rows", () -> Losses.loss(Loss.SQUARED, new float[2], new float[2], null, -1, 2, d));
        ActivationsTest.expect("y.length", () -> Losses.loss(Loss.SQUARED, new float[2], new float[1], null, 1, 2, d));
        ActivationsTest.expect("sampleWeight.length", () -> Losses.loss(Loss.SQUARED, new float[4], new float[4], new float[1], 2, 2, new float[4]));
        ActivationsTest.expect("delta must not be null", () -> Losses.loss(Loss.SQUARED, new double[2], new double[2], null, 1, 2, null));
        // weights the weighted mean cannot use: all zero (it was NaN), negative (-inf), NaN, and
        // float weights whose sum overflows a float (the mean came out 0)
        float[] two = {7, 7};
        ActivationsTest.expect("positive sum", () -> Losses.loss(Loss.SQUARED, new float[2], new float[2],
                new float[] {0, 0}, 2, 1, two));
        ActivationsTest.expect("sampleWeight[1] must be finite and >= 0", () -> Losses.loss(Loss.SQUARED,
                new float[2], new float[2], new float[] {1, -1}, 2, 1, two));
        ActivationsTest.expect("sampleWeight[0] must be finite and >= 0", () -> Losses.loss(Loss.SQUARED,
                new double[2], new double[2], new double[] {Double.NaN, 1}, 2, 1, new double[2]));
        ActivationsTest.expect("a float holds", () -> Losses.loss(Loss.SQUARED, new float[] {1, 1}, new float[2],
                new float[] {3e38f, 3e38f}, 2, 1, two));
        assertArrayEquals(new float[] {7, 7}, two, "a rejected call writes nothing");
        assertArrayEquals(new float[] {7, 7}, d, "a rejected call writes nothing");
    }
}
