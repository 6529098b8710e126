package dev.vecnn.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kinks do not raise false alarms: relu at 0 and clipped probabilities are skipped or re-checked
 * with a smaller step, and the report says which; without the detector the same points fail. "No
 * false alarm" is {@code maxRelativeError() <= threshold}: at a one-parameter point that sits on its
 * kink nothing is checked, which {@code passed()} does not count as a pass.
 */
class KinkTest {
    /** {@code sum_i c_i relu(x_i)} with relu'(0) = 0, the kernels' convention. */
    private static final Differentiable RELU_SUM = (x, g) -> {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double c = 1 + i;
            f += c * Math.max(x[i], 0);
            if (g != null) {
                g[i] = x[i] > 0 ? c : 0;
            }
        }
        return f;
    };

    @Test
    void reluAtZeroIsSkipped() {
        double[] x = {0, 0.5, -0.3, 0};
        Report r = GradientCheck.check(RELU_SUM, x);
        assertTrue(r.passed(), r::toString);
        assertEquals(2, r.skipped(), r::toString);
        assertEquals(List.of(0, 3), r.kinks().stream().map(CoordinateResult::index).toList());
        assertTrue(r.toString().contains("2 skipped at kinks"), r::toString);
        Report blind = GradientCheck.check(RELU_SUM, x, CheckOptions.defaults().withKinkDetection(false));
        assertFalse(blind.passed(), "without the detector relu at 0 is a false alarm");
    }

    @Test
    void aCheckThatCheckedNothingDoesNotPass() {
        Report r = GradientCheck.check(RELU_SUM, new double[] {0, 0});
        assertFalse(r.passed(), r::toString);
        assertTrue(r.toString().contains("nothing was checked"), r::toString);
    }

    /**
     * Rounding noise of 1e-10 (a deterministic function of x) on a function said to be accurate to
     * 2^-44: the residuals grow as the step shrinks, so the coordinates are NOISY and counted, not
     * skipped; a wrong gradient still fails, and stating the real accuracy makes the right one pass.
     */
    @Test
    void noiseIsNotMistakenForAKink() {
        Differentiable noisy = (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                f += x[i] * x[i] + 1e-10 * (Long.hashCode(Double.doubleToLongBits(x[i]) * 0x9E3779B97F4A7C15L) / 0x1p31);
                if (g != null) {
                    g[i] = 2 * x[i];
                }
            }
            return f;
        };
        Differentiable flipped = (x, g) -> {
            double f = noisy.evaluate(x, g);
            for (int i = 0; g != null && i < g.length; i++) {
                g[i] = -g[i];
            }
            return f;
        };
        double[] x = {0.3, -0.7, 1.1};
        Report wrong = GradientCheck.check(flipped, x);
        assertFalse(wrong.passed(), wrong::toString);
        assertEquals(0, wrong.skipped(), wrong::toString);
        Report understated = GradientCheck.check(noisy, x);
        assertEquals(0, understated.skipped(), understated::toString);
        assertTrue(understated.noisy() > 0, understated::toString);
        assertTrue(understated.toString().contains("noisier than the value accuracy"), understated::toString);
        Report stated = GradientCheck.check(noisy, x, CheckOptions.defaults().withValueAccuracy(1e-10));
        assertTrue(stated.passed(), stated::toString);
        assertEquals(0, stated.noisy(), stated::toString);
    }

    @Test
    void kinkInsideTheStencilButNotAtThePointGetsASmallerStep() {
        double h = CheckOptions.defaults().step(0);
        double[] x = {h / 3, -h / 3, 2 * h / 3};
        Report r = GradientCheck.check(RELU_SUM, x);
        assertTrue(r.passed(), r::toString);
        assertEquals(3, r.kinks().size(), r::toString);
        assertTrue(r.kinks().stream().allMatch(c -> c.kink() == KinkStatus.STEP_REDUCED), r::toString);
        assertTrue(r.kinks().stream().allMatch(c -> c.step() < h), r::toString);
    }

    /** Binary log-loss of a logistic output with p clipped to {@code [eps, 1 - eps]}, at a logit where p is clipped. */
    @Test
    void clippedProbabilityIsNoFalseAlarm() {
        double eps = 1e-3;
        double clipAt = Math.log((1 - eps) / eps);
        Differentiable clipped = (x, g) -> {
            double p = 1 / (1 + Math.exp(-x[0]));
            double q = Math.min(Math.max(p, eps), 1 - eps);
            if (g != null) {
                g[0] = p == q ? p - 1 : 0;
            }
            return -Math.log(q);
        };
        double h = CheckOptions.defaults().step(clipAt);
        for (double at : new double[] {clipAt, clipAt + h / 5, clipAt - h / 3}) {
            Report r = GradientCheck.check(clipped, new double[] {at});
            assertTrue(r.maxRelativeError() <= r.options().threshold(), r::toString);
            assertEquals(1, r.kinks().size(), r::toString);
        }
    }

    /**
     * The sweep of FiniteDifferences: a kink at every offset d in [-1.2h, 1.2h] from the point.
     * The estimate's error is at most 0.6 of the residual statistic, and no offset gives a false
     * alarm; without the detector many do.
     */
    @Test
    void sweepOfKinkOffsetsHasNoBlindSpot() {
        CheckOptions o = CheckOptions.defaults();
        double h = o.step(0);
        List<Double> blindFailures = new ArrayList<>();
        for (int k = -240; k <= 240; k++) {
            double d = k / 200.0 * h;
            Differentiable kinkAtD = (x, g) -> {
                if (g != null) {
                    g[0] = x[0] > d ? 1 : 0;
                }
                return Math.max(x[0] - d, 0);
            };
            double truth = 0 > d ? 1 : 0;
            Stencil s = Stencil.evaluate(kinkAtD, new double[] {0}, 0, h, kinkAtD.evaluate(new double[] {0}, null));
            double residual = Math.max(Math.abs(s.evenResidual()), Math.abs(s.oddResidual()));
            double error = d == 0 ? 0 : Math.abs(s.estimate() - truth);
            assertTrue(error <= FiniteDifferences.KINK_ERROR_PER_RESIDUAL * residual + 1e-12,
                    () -> "d/h = " + d / h + ": error " + error + ", residual " + residual);
            Report r = GradientCheck.check(kinkAtD, new double[] {0}, o);
            assertTrue(r.maxRelativeError() <= r.options().threshold(), () -> "d/h = " + d / h + ":\n" + r);
            if (!GradientCheck.check(kinkAtD, new double[] {0}, o.withKinkDetection(false)).passed()) {
                blindFailures.add(d / h);
            }
        }
        assertTrue(blindFailures.size() > 300, () -> "the sweep should matter; blind failures at " + blindFailures);
    }

    /**
     * A kink too small to stand out of the rounding bound of the residuals (its jump 1.4e-9 on a
     * function of size 1) still moves the estimate by five times its resolution; where that
     * decides a small gradient, the coordinate is re-estimated with a smaller step that leaves
     * the kink out. Swept over kink offsets and jumps: no correct gradient fails, and the slope of
     * the other side of the kink, claimed instead, still does wherever the step the estimate ends
     * with resolves it (a resolution below a tenth of the jump).
     */
    @Test
    void aKinkBelowTheNoiseBoundDoesNotFailACorrectGradient() {
        CheckOptions o = CheckOptions.defaults();
        double h = o.step(0);
        int resolved = 0;
        for (double jump : new double[] {3e-10, 1.42e-9, 5e-9, 3e-8}) {
            for (int k = 1; k <= 40; k++) {
                double d = k / 41.0 * h;
                Differentiable f = (x, g) -> {
                    if (g != null) {
                        g[0] = x[0] > d ? jump : 0;
                    }
                    return 1 + jump * Math.max(x[0] - d, 0);
                };
                Report r = GradientCheck.check(f, new double[] {0}, o);
                assertTrue(r.passed(), () -> "jump " + jump + ", d/h " + d / h + ":\n" + r);
                Differentiable otherSide = (x, g) -> {
                    if (g != null) {
                        g[0] = jump;
                    }
                    return f.evaluate(x, null);
                };
                Report wrong = GradientCheck.check(otherSide, new double[] {0}, o);
                if (wrong.coordinates().get(0).resolution() < jump / 10) {
                    resolved++;
                    assertFalse(wrong.passed(), () -> "the other side's slope, jump " + jump + ", d/h " + d / h
                            + ":\n" + wrong);
                }
            }
        }
        assertTrue(resolved >= 60, "the wrong slopes were resolved in " + resolved + " of 160 cases (69 when written)");
    }

    /**
     * log(x) at x = 1e-7 with the default steps (about 2e-3): every stencil reaches log of a
     * negative number. Nothing can be checked there, so the check fails and says why (it used to
     * skip the coordinate as a kink and pass a wrong sign); with a typical scale of the point's
     * size the sign error is caught and the right gradient passes.
     */
    @Test
    void aFunctionNotFiniteWithinTheStepFailsInsteadOfBeingSkipped() {
        Differentiable wrongSign = (x, g) -> {
            if (g != null) {
                g[0] = -1 / x[0];
                g[1] = 2 * x[1];
            }
            return Math.log(x[0]) + x[1] * x[1];
        };
        Differentiable right = (x, g) -> {
            if (g != null) {
                g[0] = 1 / x[0];
                g[1] = 2 * x[1];
            }
            return Math.log(x[0]) + x[1] * x[1];
        };
        double[] x = {1e-7, 0.5};
        Report r = GradientCheck.check(wrongSign, x);
        assertFalse(r.passed(), r::toString);
        assertEquals(1, r.nonFinite(), r::toString);
        assertEquals(KinkStatus.NON_FINITE, r.coordinates().get(0).kink());
        assertTrue(r.toString().contains("NaN or infinite") && r.toString().contains("withTypicalScale"),
                r::toString);
        assertFalse(GradientCheck.check(right, x).passed(), "not checkable at this scale either");
        CheckOptions small = CheckOptions.defaults().withTypicalScale(1e-7);
        assertFalse(GradientCheck.check(wrongSign, x, small).passed());
        assertTrue(GradientCheck.check(right, x, small).passed(), () -> GradientCheck.check(right, x, small).toString());
    }

    /**
     * A point 1e-6 from relu's kink lies within the smallest default step (about 3.8e-6), so the
     * coordinate is skipped and a wrong value there is not checked; the report names the typical
     * scale, and a smaller one reaches the point: then the wrong value fails and the right one passes.
     */
    @Test
    void aSkippedCoordinateIsWithinTheSmallestStepOfAKink() {
        double[] x = {1e-6, 0.5};
        Differentiable claimsZero = (p, g) -> {
            if (g != null) {
                g[0] = 0;
                g[1] = 2 * p[1];
            }
            return Math.max(p[0], 0) + p[1] * p[1];
        };
        Differentiable right = (p, g) -> {
            if (g != null) {
                g[0] = p[0] > 0 ? 1 : 0;
                g[1] = 2 * p[1];
            }
            return Math.max(p[0], 0) + p[1] * p[1];
        };
        Report r = GradientCheck.check(claimsZero, x);
        assertEquals(KinkStatus.SKIPPED, r.coordinates().get(0).kink(), r::toString);
        assertTrue(r.coordinates().get(0).step() > x[0], "the smallest step still reaches the kink");
        assertTrue(r.toString().contains("withTypicalScale"), r::toString);
        CheckOptions small = CheckOptions.defaults().withTypicalScale(1e-3);
        assertFalse(GradientCheck.check(claimsZero, x, small).passed());
        assertTrue(GradientCheck.check(right, x, small).passed());
    }
}
