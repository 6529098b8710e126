package dev.vecnn.gradcheck;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known answers of the checker: exact gradients pass, a wrong coordinate is named, arguments are validated. */
class GradientCheckTest {
    /** {@code f(x) = sum_i sin(x_i) x_(i+1) + exp(x_0)}, with its exact gradient. */
    private static final Differentiable SMOOTH = (x, g) -> {
        double f = Math.exp(x[0]);
        if (g != null) {
            java.util.Arrays.fill(g, 0);
            g[0] = Math.exp(x[0]);
        }
        for (int i = 0; i + 1 < x.length; i++) {
            f += Math.sin(x[i]) * x[i + 1];
            if (g != null) {
                g[i] += Math.cos(x[i]) * x[i + 1];
                g[i + 1] += Math.sin(x[i]);
            }
        }
        return f;
    };

    @Test
    void exactGradientPasses() {
        Report r = GradientCheck.check(SMOOTH, new double[] {0.3, -1.2, 2.5, 0, 1e-3, 40});
        assertTrue(r.passed(), r::toString);
        assertTrue(r.maxRelativeError() < 1e-8, r::toString);
        assertTrue(r.kinks().isEmpty(), r::toString);
    }

    @Test
    void wrongCoordinateIsNamedWithBothValues() {
        Differentiable wrong = (x, g) -> {
            double f = SMOOTH.evaluate(x, g);
            if (g != null) {
                g[2] *= 1.001;
            }
            return f;
        };
        double[] x = {0.3, -1.2, 2.5, 0.7};
        Report r = GradientCheck.check(wrong, x, CheckOptions.defaults().withNames(i -> "theta" + i));
        assertFalse(r.passed());
        CoordinateResult worst = r.worst(1).get(0);
        assertEquals(2, worst.index());
        assertEquals("theta2", worst.name());
        double[] g = new double[4];
        SMOOTH.evaluate(x, g);
        assertEquals(g[2] * 1.001, worst.analytic(), 0);
        assertEquals(g[2], worst.numeric(), 1e-9 * Math.abs(g[2]));
        assertEquals(0.001 / 2.001, worst.relativeError(), 1e-8);
        assertTrue(r.toString().contains("FAILED") && r.toString().contains("theta2"), r::toString);
        assertThrows(AssertionError.class, r::assertPassed);
    }

    /**
     * On exp at 1 the error is within the derived bound of FiniteDifferences: rounding
     * {@code 3 eps F / h} plus truncation {@code h^4 |f5| / 480} (F and f5 at most e^(1+h)).
     */
    @Test
    void errorOfExpWithinDerivedBound() {
        Report r = GradientCheck.check((x, g) -> {
            if (g != null) {
                g[0] = Math.exp(x[0]);
            }
            return Math.exp(x[0]);
        }, new double[] {1});
        CoordinateResult c = r.coordinates().get(0);
        double h = c.step();
        double big = Math.exp(1 + h);
        double bound = 3 * CheckOptions.DEFAULT_VALUE_ACCURACY * big / h + Math.pow(h, 4) * big / 480;
        assertTrue(Math.abs(c.numeric() - Math.E) <= bound, () -> "error " + Math.abs(c.numeric() - Math.E) + " > " + bound);
        assertEquals(3 * CheckOptions.DEFAULT_VALUE_ACCURACY * big / h, c.resolution(), 1e-3 * c.resolution());
    }

    @Test
    void constantFunctionHasZeroError() {
        Report r = GradientCheck.check((x, g) -> 0, new double[] {0, 1, -2});
        assertTrue(r.passed(), r::toString);
        assertEquals(0, r.maxRelativeError());
    }

    @Test
    void zeroGradientBelowResolutionIsComparedToTheResolution() {
        Report r = GradientCheck.check((x, g) -> {
            if (g != null) {
                g[0] = 0;
            }
            return 1 + 1e-13 * x[0];
        }, new double[] {0.5});
        assertTrue(r.passed(), r::toString);
    }

    @Test
    void parametersAreNotModified() {
        double[] x = {0.3, -1.2, 2.5};
        GradientCheck.check(SMOOTH, x);
        assertArrayEquals(new double[] {0.3, -1.2, 2.5}, x);
    }

    @Test
    void stepIsAPowerOfTwoProportionalToTheParameter() {
        CheckOptions o = CheckOptions.defaults();
        for (double x : new double[] {0, 1e-3, 0.9, 1, 3, -70, 1e6}) {
            double h = o.step(x);
            assertEquals(h, Math.scalb(1.0, Math.getExponent(h)), 0, "power of two");
            double ideal = Math.pow(o.valueAccuracy(), 0.2) * Math.max(Math.abs(x), o.typicalScale());
            assertTrue(h / ideal >= Math.sqrt(0.5) && h / ideal <= Math.sqrt(2), () -> x + ": " + h + " vs " + ideal);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(SMOOTH, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(SMOOTH, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check((x, g) -> Double.NaN, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check((x, g) -> {
            if (g != null) {
                g[0] = Double.POSITIVE_INFINITY;
            }
            return 0;
        }, new double[] {1}));
        assertEquals("f must not be null", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(null, new double[] {1})).getMessage());
        assertEquals("parameters must not be null", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(SMOOTH, null)).getMessage());
        assertEquals("options must not be null", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(SMOOTH, new double[] {1}, null)).getMessage());
        CheckOptions o = CheckOptions.defaults();
        assertEquals("names must not be null",
                assertThrows(IllegalArgumentException.class, () -> o.withNames(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.withThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> o.withValueAccuracy(0));
        assertThrows(IllegalArgumentException.class, () -> o.withTypicalScale(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withKinkRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withWorstCount(0));
    }

    @Test
    void aFailureWithReducedStepsSuggestsStatingTheValueAccuracy() {
        CoordinateResult reduced = new CoordinateResult(0, "x[0]", 1.0, 1.01, 0.005, 1e-3, 1e-9, KinkStatus.STEP_REDUCED);
        CoordinateResult plain = new CoordinateResult(1, "x[1]", 2.0, 2.0, 0, 1e-3, 1e-9, KinkStatus.NONE);
        String failed = new Report(1.0, List.of(reduced, plain), CheckOptions.defaults()).toString();
        assertTrue(failed.contains("1 coordinate needed a reduced step") && failed.contains("withValueAccuracy"), failed);
        CoordinateResult close = new CoordinateResult(0, "x[0]", 1.0, 1.0, 1e-9, 1e-3, 1e-9, KinkStatus.STEP_REDUCED);
        String passed = new Report(1.0, List.of(close, plain), CheckOptions.defaults()).toString();
        assertFalse(passed.contains("needed a reduced step"), passed);
        assertTrue(passed.startsWith("gradient check passed") && passed.contains("over 2 coordinates"), passed);
    }
}
