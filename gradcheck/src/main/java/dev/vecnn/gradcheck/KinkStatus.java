package dev.vecnn.gradcheck;

/**
 * What the kink detector of {@link GradientCheck} did at one coordinate (see {@link CheckOptions}
 * for the test itself).
 */
public enum KinkStatus {
    /** The stencil looked smooth; the estimate uses the initial step. */
    NONE,
    /**
     * The stencil crossed a kink, but a smaller stencil (the step divided by 8, a few times) no
     * longer did; the estimate uses that smaller step.
     */
    STEP_REDUCED,
    /**
     * Every stencil down to the smallest step crossed a kink, so the point sits on it (to
     * rounding): the coordinate is reported but left out of the pass/fail decision.
     */
    SKIPPED,
    /**
     * The stencil looked kinked, but its residuals grew as the step shrank, as rounding noise does
     * and a kink does not: the function is noisier than {@link CheckOptions#valueAccuracy()} says.
     * The coordinate is estimated with the first step and counted; raise the value accuracy if
     * the function really is that inaccurate.
     */
    NOISY
}
