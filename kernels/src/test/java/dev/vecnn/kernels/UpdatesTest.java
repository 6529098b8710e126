package dev.vecnn.kernels;

import java.util.Random;

import dev.vecnn.kernels.elementwise.UpdateScalarF32;
import dev.vecnn.kernels.elementwise.UpdateScalarF64;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Updates}: the vector kernels equal their scalar twins bit for bit (same operations, same
 * order, no fused multiply-add), and both match the formulas re-derived here in double, up to
 * the float roundings: each updated value is a short chain of at most 8 operations on values of
 * moderate size, so it is within {@code gamma(8)} relative to the sum of the absolute values of
 * its terms.
 */
class UpdatesTest {
    private static final double U = GemmTolerance.FLOAT_UNIT_ROUNDOFF;

    @Provide
    Arbitrary<Integer> length() {
        return Lengths.ragged();
    }

    @Property(tries = 150)
    void formulasHoldAndTwinsAgree(@ForAll("length") int n, @ForAll @IntRange(min = 1, max = 50) int t,
                                   @ForAll boolean nesterov, @ForAll @IntRange(max = 1000) int seed) {
        Lengths.collect(n);
        Random rnd = new Random(seed);
        double[] p = random(rnd, n, 1);
        double[] g = random(rnd, n, 1);
        double[] s1 = random(rnd, n, 0.1);
        double[] s2 = abs(random(rnd, n, 0.01));
        float lr = 0.01f;
        float b1 = 0.9f;
        float b2 = 0.999f;
        float eps = 1e-8f;
        float decay = 0.01f;
        float rho = 0.9f;

        // SGD
        float[] pf = f(p);
        Updates.sgd(pf, f(g), lr);
        float[] pt = f(p);
        UpdateScalarF32.sgd(pt, f(g), lr);
        assertArrayEquals(pt, pf);
        for (int i = 0; i < n; i++) {
            double want = fl(p[i]) - (double) lr * fl(g[i]);
            near(want, pf[i], Math.abs(fl(p[i])) + Math.abs(lr * fl(g[i])));
        }

        // Momentum / Nesterov, as scikit-learn: v = mu v - lr g; p += v (or mu v - lr g); mu = 1
        // (the velocity never decays) is accepted as scikit-learn accepts it.
        for (float mu : new float[] {0f, 0.9f, 1f}) {
            pf = f(p);
            float[] vf = f(s1);
            Updates.momentum(pf, f(g), vf, lr, mu, nesterov);
            pt = f(p);
            float[] vt = f(s1);
            UpdateScalarF32.momentum(pt, vt, f(g), lr, mu, nesterov);
            assertArrayEquals(pt, pf);
            assertArrayEquals(vt, vf);
            for (int i = 0; i < n; i++) {
                double v = mu * fl(s1[i]) - (double) lr * fl(g[i]);
                double upd = nesterov ? mu * v - (double) lr * fl(g[i]) : v;
                near(v, vf[i], Math.abs(mu * fl(s1[i])) + Math.abs(lr * fl(g[i])));
                near(fl(p[i]) + upd, pf[i], Math.abs(fl(p[i])) + 2 * (Math.abs(mu * fl(s1[i])) + Math.abs(lr * fl(g[i]))));
            }
        }

        // Adam and AdamW (decay 0 is Adam).
        for (float wd : new float[] {0f, decay}) {
            pf = f(p);
            float[] mf = f(s1);
            float[] vv = f(s2);
            Updates.adamW(pf, f(g), mf, vv, lr, b1, b2, eps, wd, t);
            pt = f(p);
            float[] mt = f(s1);
            float[] vtt = f(s2);
            UpdateScalarF32.adam(pt, f(g), mt, vtt, (float) Updates.adamRate(lr, b1, b2, t), b1, b2, eps, lr * wd);
            assertArrayEquals(pt, pf);
            assertArrayEquals(mt, mf);
            assertArrayEquals(vtt, vv);
            double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < n; i++) {
                double gi = fl(g[i]);
                double m = b1 * fl(s1[i]) + (1 - (double) b1) * gi;
                double v = b2 * fl(s2[i]) + (1 - (double) b2) * gi * gi;
                double step = lrT * m / (Math.sqrt(v) + eps);
                double want = fl(p[i]) - (double) lr * wd * fl(p[i]) - step;
                near(m, mf[i], Math.abs(b1 * fl(s1[i])) + Math.abs(gi));
                near(v, vv[i], b2 * fl(s2[i]) + gi * gi);
                // sqrt(v) + eps can be tiny when g and v are: the step's relative error is then
                // amplified by at most 1 (sqrt halves the relative error of v, the sum adds one).
                near(want, pf[i], Math.abs(fl(p[i])) + Math.abs(step) * 4);
            }
        }

        // AdaGrad (rho = 1) and RMSProp.
        for (boolean rms : new boolean[] {false, true}) {
            pf = f(p);
            float[] hf = f(s2);
            if (rms) {
                Updates.rmsprop(pf, f(g), hf, lr, rho, eps);
            } else {
                Updates.adagrad(pf, f(g), hf, lr, eps);
            }
            pt = f(p);
            float[] ht = f(s2);
            UpdateScalarF32.scaled(pt, f(g), ht, lr, rms ? rho : 1, rms ? 1 - rho : 1, eps);
            assertArrayEquals(pt, pf);
            assertArrayEquals(ht, hf);
            for (int i = 0; i < n; i++) {
                double gi = fl(g[i]);
                double h = rms ? rho * fl(s2[i]) + (1 - (double) rho) * gi * gi : fl(s2[i]) + gi * gi;
                double step = lr * gi / (Math.sqrt(h) + eps);
                near(h, hf[i], h);
                near(fl(p[i]) - step, pf[i], Math.abs(fl(p[i])) + Math.abs(step) * 4);
            }
        }

        // Double: bit-for-bit against the twin (the formulas are the float code, generated).
        double[] pd = p.clone();
        double[] md = s1.clone();
        double[] vd = s2.clone();
        Updates.adamW(pd, g, md, vd, 0.01, 0.9, 0.999, 1e-8, 0.01, t);
        double[] pdt = p.clone();
        double[] mdt = s1.clone();
        double[] vdt = s2.clone();
        UpdateScalarF64.adam(pdt, g, mdt, vdt, Updates.adamRate(0.01, 0.9, 0.999, t), 0.9, 0.999, 1e-8, 0.01 * 0.01);
        assertArrayEquals(pdt, pd);
        assertArrayEquals(mdt, md);
        double[] vm = s1.clone();
        double[] pm = p.clone();
        Updates.momentum(pm, g, vm, 0.1, 0.5, nesterov);
        double[] vmt = s1.clone();
        double[] pmt = p.clone();
        UpdateScalarF64.momentum(pmt, vmt, g, 0.1, 0.5, nesterov);
        assertArrayEquals(pmt, pm);
    }

    /**
     * Arrays long enough to be split over threads: every thread count gives the scalar twin's
     * bits (the split falls between elements, which do not interact).
     */
    @Test
    void longArraysSplitOverThreadsGiveTheTwinsBits() {
        int previous = Gemm.threads();
        try {
            for (int n : new int[] {Updates.PARALLEL_MIN_ELEMENTS, 3 * Updates.PARALLEL_MIN_ELEMENTS + 17}) {
                Random rnd = new Random(n);
                double[] p = random(rnd, n, 1);
                double[] g = random(rnd, n, 1);
                double[] s1 = random(rnd, n, 0.1);
                double[] s2 = abs(random(rnd, n, 0.01));
                float[] pt = f(p);
                float[] mt = f(s1);
                float[] vt = f(s2);
                UpdateScalarF32.adam(pt, f(g), mt, vt, (float) Updates.adamRate(0.01f, 0.9f, 0.999f, 3), 0.9f, 0.999f,
                        1e-8f, 0f);
                double[] pdt = p.clone();
                double[] hdt = s2.clone();
                UpdateScalarF64.scaled(pdt, g, hdt, 0.01, 0.9, 1 - 0.9, 1e-8);
                float[] pst = f(p);
                float[] vst = f(s1);
                UpdateScalarF32.momentum(pst, vst, f(g), 0.01f, 0.9f, true);
                for (int threads : new int[] {1, 2, 3}) {
                    Gemm.setThreads(threads);
                    float[] pf = f(p);
                    float[] mf = f(s1);
                    float[] vf = f(s2);
                    Updates.adam(pf, f(g), mf, vf, 0.01f, 0.9f, 0.999f, 1e-8f, 3);
                    assertArrayEquals(pt, pf, "adam p, threads " + threads);
                    assertArrayEquals(mt, mf, "adam m, threads " + threads);
                    assertArrayEquals(vt, vf, "adam v, threads " + threads);
                    double[] pd = p.clone();
                    double[] hd = s2.clone();
                    Updates.rmsprop(pd, g, hd, 0.01, 0.9, 1e-8);
                    assertArrayEquals(pdt, pd, "rmsprop p, threads " + threads);
                    assertArrayEquals(hdt, hd, "rmsprop h, threads " + threads);
                    float[] ps = f(p);
                    float[] vs = f(s1);
                    Updates.momentum(ps, f(g), vs, 0.01f, 0.9f, true);
                    assertArrayEquals(pst, ps, "nesterov p, threads " + threads);
                    assertArrayEquals(vst, vs, "nesterov v, threads " + threads);
                }
            }
        } finally {
            Gemm.setThreads(previous);
        }
    }

    @Test
    void sklearnAdamFirstStep() {
        // t = 1: m = 0.1 g, v = 0.001 g^2, lr_t = lr sqrt(0.001) / 0.1, so p moves by lr sign(g)
        // (shortened by eps / sqrt(v)): the well-known size of Adam's first step.
        double[] p = {1, 1};
        double[] m = new double[2];
        double[] v = new double[2];
        Updates.adam(p, new double[] {4, -0.5}, m, v, 0.001, 0.9, 0.999, 1e-8, 1);
        double s0 = 4 * Math.sqrt(0.001);
        double s1 = 0.5 * Math.sqrt(0.001);
        assertEquals(1 - 0.001 * s0 / (s0 + 1e-8), p[0], 1e-15);
        assertEquals(1 + 0.001 * s1 / (s1 + 1e-8), p[1], 1e-15);
        assertArrayEquals(new double[] {0.4, -0.05}, m, 1e-15);
    }

    @Test
    void badArguments() {
        float[] p = {1, 2, 3};
        ActivationsTest.expect("params must not be null", () -> Updates.sgd(null, new float[3], 0.1f));
        ActivationsTest.expect("grads.length", () -> Updates.sgd(p, new float[2], 0.1f));
        ActivationsTest.expect("velocity must not be null", () -> Updates.momentum(p, new float[3], null, 0.1f, 0.9f, true));
        ActivationsTest.expect("mu", () -> Updates.momentum(p, new float[3], new float[3], 0.1f, 1.5f, true));
        ActivationsTest.expect("v.length", () -> Updates.adam(p, new float[3], new float[3], new float[4], 0.1f, 0.9f, 0.999f, 1e-8f, 1));
        ActivationsTest.expect("t must be >= 1", () -> Updates.adam(p, new float[3], new float[3], new float[3], 0.1f, 0.9f, 0.999f, 1e-8f, 0));
        ActivationsTest.expect("beta2", () -> Updates.adamW(new double[1], new double[1], new double[1], new double[1], 0.1, 0.9, 1, 1e-8, 0, 1));
        ActivationsTest.expect("lr", () -> Updates.adagrad(p, new float[3], new float[3], Float.NaN, 1e-8f));
        ActivationsTest.expect("rho", () -> Updates.rmsprop(new double[1], new double[1], new double[1], 0.1, -0.1, 1e-8));
        // params as the optimizer's own state: the vector body and the scalar tail read params
        // before and after writing the state, so the result depended on the element's position
        ActivationsTest.expect("velocity must not be the params array", () -> Updates.momentum(p, new float[3], p,
                0.1f, 0.9f, false));
        ActivationsTest.expect("m must not be the params array", () -> Updates.adam(p, new float[3], p, new float[3],
                0.1f, 0.9f, 0.999f, 1e-8f, 1));
        ActivationsTest.expect("v must not be the params array", () -> Updates.adamW(p, new float[3], new float[3], p,
                0.1f, 0.9f, 0.999f, 1e-8f, 0.01f, 1));
        ActivationsTest.expect("h must not be the params array", () -> Updates.adagrad(p, new float[3], p, 0.1f,
                1e-8f));
        assertArrayEquals(new float[] {1, 2, 3}, p, "a rejected call writes nothing");
    }

    private static void near(double want, float got, double magnitude) {
        double nu = 8 * U;
        assertEquals(want, got, 2 * nu / (1 - nu) * magnitude + Float.MIN_NORMAL);
    }

    private static double fl(double x) {
        return (float) x;
    }

    private static float[] f(double[] x) {
        return ActivationsTest.toFloat(x);
    }

    private static double[] abs(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.abs(x[i]);
        }
        return x;
    }

    private static double[] random(Random rnd, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() * scale;
        }
        return x;
    }
}
