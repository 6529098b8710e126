package dev.vecnn.gradcheck;

/** Mistakes {@link ReferenceMlp} can make on purpose, so the self-test can show they are caught. */
enum Bug {
    /** The correct gradient. */
    NONE,
    /** The whole gradient negated. */
    SIGN_FLIP,
    /** The output delta not divided by the number of samples (or the weight sum). */
    MISSING_MEAN,
    /** The hidden derivative computed by feeding the pre-activation z where the output y = f(z) belongs. */
    DERIVATIVE_FROM_INPUT,
    /** The whole gradient multiplied by the number of outputs. */
    SCALED_BY_OUTPUTS
}
