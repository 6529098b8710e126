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
     * Float32 backprop against the float64 reference, with u = 2^-24 ~ 6e-8. Rounding inputs,
     * targets and weights to float perturbs each by at most u. Each forward layer is a dot product
     * of length fan_in <= 64 plus an activation within a few ulps, each gradient entry a sum over
     * n <= 80 rows, and the loss a mean of n * outputs terms; the probabilistic rounding bound
     * (Higham and Mary 2019: about sqrt(k) u for a sum of k terms) gives about sqrt(80) u ~ 9u per
     * GEMM, so 3 forward and 2 backward products plus the input rounding stay within ~50u
     * relative to the sums of absolute values. Terms of both signs cancel in the gradients, by up
     * to a factor 3 in these cases (a bigger factor would make the float64 references themselves
     * fragile), giving ~150u ~ 9e-6; the tolerance rounds it to 1e-5. Measured worst case on the
     * bundled cases: 1.8e-7 (backprop-012, coef_grads[1]).
     */
    static final double FLOAT32 = 1e-5;
}
