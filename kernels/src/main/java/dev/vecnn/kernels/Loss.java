package dev.vecnn.kernels;

/**
 * The output-layer losses of a multilayer perceptron, each a mean over samples (weighted when
 * sample weights are given) of a sum over outputs, and each with output delta {@code p - y} for
 * its matching output activation (times the sample weight):
 *
 * <pre>
 * loss             output activation   per-sample value (p clipped to [eps, 1 - eps] in the log losses)
 * LOG_LOSS         softmax             -sum_j y_j log p_j
 * BINARY_LOG_LOSS  logistic            -sum_j (y_j log p_j + (1 - y_j) log(1 - p_j))
 * SQUARED          identity            sum_j (p_j - y_j)^2 / 2
 * POISSON          exp (log link)      sum_j (y_j log(y_j / p_j) - y_j + p_j)    (half deviance)
 * </pre>
 *
 * eps is the machine epsilon of the precision ({@code Math.ulp(1f)} or {@code Math.ulp(1d)}), as
 * scikit-learn clips. SQUARED sums over outputs (scikit-learn's value averages over them too, but
 * its gradient {@code p - y} matches the sum, which is what is used here).
 */
public enum Loss {
    /** Cross-entropy over classes, for a softmax output. */
    LOG_LOSS,
    /** Cross-entropy of each output as a binary label, for a logistic output. */
    BINARY_LOG_LOSS,
    /** Half the squared error, for an identity output. */
    SQUARED,
    /** Half the Poisson deviance, for an exp output. */
    POISSON
}
