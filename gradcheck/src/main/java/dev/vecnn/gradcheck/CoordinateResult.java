package dev.vecnn.gradcheck;

/**
 * The comparison at one coordinate of the parameter vector.
 *
 * @param index         the coordinate
 * @param name          its name from {@link CheckOptions#names()}, or {@code "x[index]"}
 * @param analytic      the gradient the function reported
 * @param numeric       the finite-difference estimate
 * @param relativeError {@code |analytic - numeric| / max(|analytic| + |numeric|, floor)}, where
 *                      floor is the estimate's rounding resolution divided by the threshold
 * @param step          the step h of the stencil that produced the estimate
 * @param resolution    the bound on the estimate's rounding error, {@code 3 eps |f| / h}
 * @param kink          what the kink detector did here
 */
public record CoordinateResult(int index, String name, double analytic, double numeric, double relativeError,
                               double step, double resolution, KinkStatus kink) {
    /**
     * True if this coordinate takes part in the pass/fail decision (it was not skipped at a kink).
     *
     * @return false only for {@link KinkStatus#SKIPPED}
     */
    public boolean counted() {
        return kink != KinkStatus.SKIPPED;
    }

    @Override
    public String toString() {
        return String.format("%-14s analytic % .17g  numeric % .17g  |diff| %.3e  rel.error %.3e  resolution %.1e"
                + "  step %.3e%s", name, analytic, numeric, Math.abs(analytic - numeric), relativeError, resolution,
                step, kink == KinkStatus.NONE ? "" : "  kink: " + kink);
    }
}
