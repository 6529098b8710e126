package dev.vecnn.gradcheck;

/**
 * The finite-difference estimate of one partial derivative, with its error analysis and the kink
 * test. Everything the checker claims about accuracy is derived here, once.
 *
 * <h2>Estimate</h2>
 * With {@code D(s) = (f(x+s) - f(x-s)) / 2s} (along one coordinate), Taylor's theorem gives
 * {@code D(s) = f' + f''' s^2/6 + f5 s^4/120 + O(s^6)} for smooth f ({@code f5} the fifth
 * derivative). The estimate is the Richardson extrapolation
 * <pre>  E = (4 D(h/2) - D(h)) / 3 = f' - f5 h^4 / 480 + O(h^6)</pre>
 * whose truncation error is {@code O(h^4)}. If each value is computed with absolute error at most
 * {@code eps F} (eps the value accuracy, F the largest |f| on the stencil), {@code D(s)} is off by at
 * most {@code eps F / s} from rounding, so E by at most
 * <pre>  resolution = (4 * 2 eps F/h + eps F/h) / 3 = 3 eps F / h.</pre>
 * The sum {@code |f5| h^4/480 + 3 eps F/h} is smallest at {@code h^5 = 360 eps F / |f5|}; for a
 * parameter of scale {@code c}, {@code F/|f5| ~ c^5}, hence the step rule {@code h ~ eps^(1/5) c}
 * of {@link CheckOptions}. With the default {@code eps = 2^-44}, {@code h ~ 2^-9 c}, the truncation
 * term is about {@code 1e-13 |f5| c^5} and the rounding term about {@code 9e-11 F}: both four or
 * more orders below a threshold of 1e-6 for functions whose derivatives are of the order of the
 * function at the parameter's scale.
 *
 * <h2>Kink test</h2>
 * Seven values ({@code x}, {@code x +- h}, {@code x +- h/2}, {@code x +- h/4}) give two residuals
 * that vanish for a polynomial of degree 3 (even part) or 4 (odd part):
 * <pre>
 *   Ke = (4 S(h/2) - S(h)) / h,  S(s) = f(x+s) - 2 f(x) + f(x-s)      smooth: -f'''' h^3 / 16
 *   Ko = D(h) - 5 D(h/2) + 4 D(h/4)                                   smooth: 0.0059 f5 h^4
 * </pre>
 * Their rounding noise is at most {@code 20 eps F/h} and {@code 27 eps F/h}. Now let f have a
 * kink (slopes a and b on the two sides, jump {@code j = b - a}) at {@code x + d} with
 * {@code |d| < h}: both residuals become multiples of j that depend on {@code d/h}, and so does the
 * error of E against the one-sided derivative at x. A sweep over {@code d/h} in {@code [-1.2, 1.2]}
 * (the test {@code KinkTest.sweepOfKinkOffsetsHasNoBlindSpot} repeats it) shows
 * <pre>  |E - f'(x)| &lt;= 0.6 max(|Ke|, |Ko|)</pre>
 * wherever E is wrong at all, with no blind spot (each residual alone has one: Ke at
 * {@code d = h/3}, which is why Ko is needed). So a coordinate is declared kinked when
 * <pre>  K = max(|Ke|, |Ko|) &gt; max(27 eps F / h, threshold/4 * max(|ga| + |E|, floor)),</pre>
 * (ga the analytic value, floor as in the relative error below): an undetected kink then moves E
 * by at most {@code 0.6/4 = 0.15} of the threshold where the second term of that maximum is the
 * larger, and a detected one is retried with {@code h/8} (which excludes a kink at distance
 * {@code > h/8}) and, if the kink is still inside after the retries, skipped. Where the rounding
 * term is the larger (gradients so small that the relative error's floor decides), a kink below it
 * can still move E by up to {@code 0.6 * 27 = 16} eps F/h, five times the resolution: so a
 * coordinate that fails with a discrepancy an undetected kink could explain
 * ({@code |ga - E| <= 0.6 K + resolution}) is retried with {@code h/8} as well, and counts as
 * checked at the smaller step only if the stencil there is smooth, passes, and the discrepancy at
 * least halved (an excluded kink's or the truncation's error shrinks with the step; a wrong
 * analytic value's does not). A stencil with a non-finite value (the function is not defined
 * within the step) is retried the same way; if it is still not finite at the smallest step the
 * coordinate is {@code NON_FINITE} and fails: nothing there could be checked. Rounding noise larger than the stated
 * value accuracy also makes the residuals large, but unlike a kink it grows like {@code 1/h} as the
 * step shrinks: a residual that grew by more than 16 over the retries (512 expected for noise,
 * about 1 for a kink at the point) marks the coordinate NOISY, estimated with the first step and
 * counted, so an understated value accuracy cannot make a check pass by skipping everything.
 *
 * <h2>Relative error</h2>
 * {@code |ga - E| / max(|ga| + |E|, floor)} with {@code floor = resolution / threshold}: where
 * both values are below what the finite differences can resolve, they are compared against that
 * resolution instead of against each other (otherwise a zero gradient and rounding noise of
 * {@code 1e-12} would count as a relative error of 1). The floor is at least the smallest normal
 * double, and equal values (a function constant on the whole stencil) have relative error 0.
 */
final class FiniteDifferences {
    /** Bound of {@code |E - f'|} over {@code max(|Ke|, |Ko|)} at a kink, from the sweep above. */
    static final double KINK_ERROR_PER_RESIDUAL = 0.6;
    /** The share of the threshold an undetected kink may use: 1/4, so at most 0.15 of it. */
    static final double KINK_SHARE = 0.25;
    /** The reduction of the step on each retry at a kink. */
    static final double RETRY_FACTOR = 8;
    /**
     * How much the residual must grow from the first to the last stencil to be called noise: it
     * grows like 1/h (8 per retry) for rounding noise and stays put for a kink at the point.
     */
    static final double NOISE_GROWTH = 16;

    private FiniteDifferences() {
    }

    /** Estimates coordinate {@code i} of the gradient at {@code x} (restored on return). */
    static CoordinateResult estimate(Differentiable f, double[] x, int i, double f0, double analytic,
                                     CheckOptions options) {
        double h = options.step(x[i]);
        Stencil first = Stencil.evaluate(f, x, i, h, f0);
        Stencil s = first;
        KinkStatus status = KinkStatus.NONE;
        if (options.kinkDetection() && !settled(first, analytic, options)) {
            boolean firstKinked = kinked(first, analytic, options);
            boolean accepted = false;
            for (int retry = 0; retry < options.kinkRetries() && !accepted; retry++) {
                h /= RETRY_FACTOR;
                s = Stencil.evaluate(f, x, i, h, f0);
                // A smooth first stencil that failed is replaced only by one whose discrepancy
                // shrank with the step, as an excluded kink's does and a wrong value's does not.
                accepted = settled(s, analytic, options) && (firstKinked
                        || Math.abs(analytic - s.estimate()) <= Math.abs(analytic - first.estimate()) / 2);
            }
            if (!s.finite()) {
                status = KinkStatus.NON_FINITE;
            } else if (accepted || firstKinked && !kinked(s, analytic, options)) {
                status = KinkStatus.STEP_REDUCED;
            } else if (firstKinked) {
                status = KinkStatus.SKIPPED;
                if (options.kinkRetries() > 0 && first.finite() && s.residual() > NOISE_GROWTH * first.residual()) {
                    status = KinkStatus.NOISY;
                    s = first;
                }
            } else {
                s = first; // smooth, failing, and no smaller step explained it away: a wrong value
            }
        }
        double resolution = resolution(s, options);
        double e = s.estimate();
        double rel = status == KinkStatus.NON_FINITE ? Double.POSITIVE_INFINITY : relativeError(s, analytic, options);
        return new CoordinateResult(i, options.name(i), analytic, e, rel, s.h(), resolution, status);
    }

    /**
     * Whether a stencil's estimate can be taken as it is: no kink detected, and either it passes or
     * its discrepancy is more than an undetected kink could cause.
     */
    private static boolean settled(Stencil s, double analytic, CheckOptions options) {
        return !kinked(s, analytic, options)
                && (passes(s, analytic, options) || !kinkCouldExplain(s, analytic, options));
    }

    /** {@code |ga - E| / max(|ga| + |E|, floor)}; NaN counts as infinitely wrong. */
    private static double relativeError(Stencil s, double analytic, CheckOptions options) {
        double e = s.estimate();
        double diff = Math.abs(analytic - e);
        double rel = diff == 0 ? 0 : diff / Math.max(Math.abs(analytic) + Math.abs(e),
                floor(resolution(s, options), options));
        return Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
    }

    private static boolean passes(Stencil s, double analytic, CheckOptions options) {
        return relativeError(s, analytic, options) <= options.threshold();
    }

    /** Whether a kink the detector let through could account for the discrepancy (see the class comment). */
    private static boolean kinkCouldExplain(Stencil s, double analytic, CheckOptions options) {
        return Math.abs(analytic - s.estimate())
                <= KINK_ERROR_PER_RESIDUAL * s.residual() + resolution(s, options);
    }

    /** The smallest denominator of a relative error: the resolution over the threshold, or the least normal double. */
    private static double floor(double resolution, CheckOptions options) {
        return Math.max(resolution / options.threshold(), Double.MIN_NORMAL);
    }

    private static double resolution(Stencil s, CheckOptions options) {
        return 3 * options.valueAccuracy() * s.maxAbs() / s.h();
    }

    private static boolean kinked(Stencil s, double analytic, CheckOptions options) {
        double k = s.residual();
        if (!Double.isFinite(k)) {
            return true;
        }
        double noise = 27 * options.valueAccuracy() * s.maxAbs() / s.h();
        double size = Math.max(Math.abs(analytic) + Math.abs(s.estimate()), floor(resolution(s, options), options));
        return k > Math.max(noise, KINK_SHARE * options.threshold() * size);
    }
}
