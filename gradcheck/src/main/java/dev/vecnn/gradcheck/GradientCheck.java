package dev.vecnn.gradcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks an analytic gradient against central finite differences in double precision.
 *
 * <pre>{@code
 * Report r = GradientCheck.check((x, g) -> { ... return loss; }, parameters);
 * assertTrue(r.passed(), r::toString);
 * }</pre>
 *
 * For each coordinate the function is evaluated at six points around the parameter (see
 * {@link CheckOptions} for the step rule, {@link FiniteDifferences} for the error analysis); points
 * whose stencil crosses a kink are retried with a smaller step or skipped, and the {@link Report}
 * says which. A function with n parameters costs one gradient evaluation and {@code 6 n} value
 * evaluations, more at kinks.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * Checks {@code f} at {@code parameters} with {@link CheckOptions#defaults()}.
     *
     * @param f          the function and its analytic gradient
     * @param parameters the point to check at, non-empty and finite; not modified
     * @return every coordinate's comparison and the verdict
     * @throws IllegalArgumentException as {@link #check(Differentiable, double[], CheckOptions)}
     */
    public static Report check(Differentiable f, double[] parameters) {
        return check(f, parameters, CheckOptions.defaults());
    }

    /**
     * Checks {@code f} at {@code parameters}. The array is not modified (a copy is perturbed).
     *
     * @param f          the function and its analytic gradient
     * @param parameters the point to check at
     * @param options    the step rule, threshold and report options
     * @return every coordinate's comparison and the verdict
     * @throws IllegalArgumentException if an argument is null, if {@code parameters} is empty or not
     *                                  finite, or if the function value or analytic gradient at it is
     *                                  not finite
     */
    public static Report check(Differentiable f, double[] parameters, CheckOptions options) {
        if (f == null || parameters == null || options == null) {
            throw new IllegalArgumentException((f == null ? "f" : parameters == null ? "parameters" : "options")
                    + " must not be null");
        }
        if (parameters.length == 0) {
            throw new IllegalArgumentException("parameters must not be empty");
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException("parameters[" + i + "] must be finite, got " + parameters[i]);
            }
        }
        double[] x = parameters.clone();
        double[] analytic = new double[x.length];
        double f0 = f.evaluate(x, analytic);
        if (!Double.isFinite(f0)) {
            throw new IllegalArgumentException("the function value at parameters must be finite, got " + f0);
        }
        for (int i = 0; i < analytic.length; i++) {
            if (!Double.isFinite(analytic[i])) {
                throw new IllegalArgumentException("the analytic gradient must be finite, got "
                        + analytic[i] + " at " + options.name(i));
            }
        }
        List<CoordinateResult> results = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            results.add(FiniteDifferences.estimate(f, x, i, f0, analytic[i], options));
        }
        return new Report(f0, results, options);
    }
}
