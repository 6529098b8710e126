package dev.vecnn.nn;

/**
 * Tolerances of {@link SklearnParityTest}, each {@code |ours - theirs| <= tol * (1 + |theirs|)}.
 * The float64 ones are the reference README's; the float32 one is derived here.
 */
final class ParityTolerance {
    private ParityTolerance() {
    }

    /** README, kind backprop. */
    static final double BACKPROP = 1e-10;

    /** README, kinds trajectory and seeded. */
    static final double TRAJECTORY = 1e-8;

    /** README, kind lbfgs: final loss within 5% of sklearn's (or lower). */
    static final double LBFGS_LOSS = 0.05;

    /** README, kind lbfgs: score at least sklearn's minus 0.02. */
    static final double LBFGS_SCORE = 0.02;

    /**
     * Float32 backprop against the float64 reference. Rounding the inputs and weights to float
     * perturbs each by at most u = 2^-24 relative; each forward layer is a dot product of length
     * fan_in <= 64 plus a few-ulp activation, each gradient entry a sum over n <= 80 rows, and the
     * loss a sum of n * outputs terms: by the usual bound gamma_k = k u / (1 - k u), every entry is
     * within about (2 * 64 + 80 + 10) u ~ 218 u ~ 1.3e-5 relative to the sum of absolute values of
     * its terms. Those sums exceed the result itself (terms of both signs cancel in the gradients)
     * by up to a factor 10 in these cases, which gives 1.3e-4; the tolerance rounds it to 2e-4.
     */
    static final double FLOAT32 = 2e-4;
}
