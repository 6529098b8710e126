package dev.vecnn.gradcheck;

/**
 * A differentiable scalar function of a flat parameter vector, given together with its analytic
 * gradient: the thing {@link GradientCheck} verifies.
 *
 * <pre>{@code
 * Differentiable sumOfSquares = (x, g) -> {
 *     double s = 0;
 *     for (int i = 0; i < x.length; i++) {
 *         s += x[i] * x[i];
 *         if (g != null) g[i] = 2 * x[i];
 *     }
 *     return s;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Differentiable {
    /**
     * Evaluates the function at {@code parameters}.
     *
     * @param parameters the point; must not be modified
     * @param gradient   null when only the value is wanted (finite differences), else an array of
     *                   {@code parameters.length} that receives the analytic gradient
     * @return the function value
     */
    double evaluate(double[] parameters, double[] gradient);
}
