package dev.vecnn.gradcheck;

/**
 * What the kink detector of {@link GradientCheck} did at one coordinate (see {@link CheckOptions}
 * for the test itself).
 */
public enum KinkStatus {
    /** The stencil looked smooth; the estimate uses the initial step. */
    NONE,
    /**
     * The stencil crossed a kink (or its values were not finite, or it failed by a discrepancy an
     * undetected kink could explain), but a smaller stencil (the step divided by 8, a few times) no
     * longer did; the estimate uses that smaller step.
     */
    STEP_REDUCED,
    /**
     * Every stencil down to the smallest step crossed a kink: the point lies within that step
     * (the coordinate's {@link CoordinateResult#step()}, the initial step over {@code 8^kinkRetries})
     * of a kink, where finite differences at the stated value accuracy cannot tell the two one-sided
     * derivatives apart. The coordinate is reported but left out of the pass/fail decision, so an
     * analytic value there is not checked; a smaller {@link CheckOptions#typicalScale()} or more
     * {@link CheckOptions#kinkRetries()} narrow that distance.
     */
    SKIPPED,
    /**
     * The stencil looked kinked, but its residuals grew as the step shrank, as rounding noise does
     * and a kink does not: the function is noisier than {@link CheckOptions#valueAccuracy()} says.
     * The coordinate is estimated with the first step and counted; raise the value accuracy if
     * the function really is that inaccurate.
     */
    NOISY,
    /**
     * The function was not finite (NaN or infinite) somewhere on the stencil, down to the smallest
     * step: it is not defined (or overflows) that close to the point, so nothing could be checked.
     * The coordinate counts as failed; a smaller {@link CheckOptions#typicalScale()} keeps the
     * steps where the function is finite.
     */
    NON_FINITE
}
