package dev.vecnn.gradcheck;

import java.util.function.IntFunction;

/**
 * How {@link GradientCheck} estimates and judges a gradient. Start from {@link #defaults()} and
 * change what you need with the {@code with...} methods; every option is validated there.
 *
 * <h2>Step rule</h2>
 * Coordinate i is perturbed by {@code h_i = 2^round(log2(valueAccuracy^(1/5) * max(|x_i|, typicalScale)))}:
 * proportional to the parameter's magnitude (but not below {@code typicalScale}, so that zero
 * parameters still move), and a power of two so that {@code x_i +- h}, {@code x_i +- h/2} and
 * {@code x_i +- h/4} are exact in most cases (the formulas use the distances actually realised).
 * Why the fifth root is derived in {@link FiniteDifferences}: the estimate is a Richardson
 * extrapolation of two central differences, whose truncation error is {@code O(h^4)} and rounding
 * error {@code O(eps/h)}; their sum is smallest for {@code h ~ eps^(1/5)}.
 *
 * <h2>Value accuracy</h2>
 * {@code valueAccuracy} is the relative error eps to which the function's value is computed,
 * relative to the largest |f| on the stencil. The default {@code 2^-44} (about 512 unit roundoffs
 * of double) covers a loss summed over a few hundred terms a few roundings deep; set it larger for
 * functions computed less accurately (through float, through iterative solvers), smaller for exact
 * ones. It sets the step, the rounding resolution of each estimate and the noise level of the kink
 * detector.
 *
 * <h2>Kink detection</h2>
 * Seven values around each coordinate ({@code x}, {@code x +- h}, {@code x +- h/2},
 * {@code x +- h/4}) are fitted by the smooth model {@code f + f' s + f'' s^2/2 + ...}; a kink (a
 * jump in slope, such as relu at 0 or a clipped probability) inside the stencil leaves residuals of
 * the size of the slope jump, where a smooth function leaves {@code O(h^3)}. A coordinate whose
 * residual exceeds both its noise level and a quarter of the threshold times the gradient's size is
 * retried with the step divided by 8, up to {@code kinkRetries} times, then skipped; both outcomes
 * are listed in the {@link Report}. Residuals that grow as the step shrinks are rounding noise, not a
 * kink: such coordinates are marked {@link KinkStatus#NOISY} and counted, so an understated value
 * accuracy shows up instead of skipping everything. The derivation, including why a quarter of the threshold
 * cannot hide a kink that would fail the check, is in {@link FiniteDifferences}.
 *
 * @param threshold     the largest relative error that passes
 * @param valueAccuracy the relative accuracy eps of the function value (see above)
 * @param typicalScale  the magnitude below which a parameter's step stops shrinking
 * @param kinkDetection whether to look for kinks at all (off: every coordinate counts as computed)
 * @param kinkRetries   how many times a kinked stencil is shrunk by 8 before the coordinate is skipped
 * @param worstCount    how many of the worst coordinates the report lists
 * @param names         names for coordinates in the report (for example {@code "W1[2,0]"}), or null
 */
public record CheckOptions(double threshold, double valueAccuracy, double typicalScale, boolean kinkDetection,
                           int kinkRetries, int worstCount, IntFunction<String> names) {
    /** The default threshold on the relative error, as the issue asks of float64 gradients. */
    public static final double DEFAULT_THRESHOLD = 1e-6;
    /** The default relative accuracy of the function value: 2^-44, about 512 double roundoffs. */
    public static final double DEFAULT_VALUE_ACCURACY = 0x1p-44;

    /** Validates the options; throws {@link IllegalArgumentException} naming the offending one. */
    public CheckOptions {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        if (!(valueAccuracy >= 0x1p-53 && valueAccuracy < 1e-3)) {
            throw new IllegalArgumentException("valueAccuracy must be in [2^-53, 1e-3), got " + valueAccuracy);
        }
        if (!(typicalScale > 0 && typicalScale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("typicalScale must be finite and > 0, got " + typicalScale);
        }
        if (kinkRetries < 0 || kinkRetries > 6) {
            throw new IllegalArgumentException("kinkRetries must be in [0, 6], got " + kinkRetries);
        }
        if (worstCount < 1) {
            throw new IllegalArgumentException("worstCount must be >= 1, got " + worstCount);
        }
    }

    /**
     * Threshold 1e-6, value accuracy 2^-44, typical scale 1, kink detection with 3 retries, 5 worst.
     *
     * @return the default options, without coordinate names
     */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_THRESHOLD, DEFAULT_VALUE_ACCURACY, 1.0, true, 3, 5, null);
    }

    /**
     * These options with another threshold on the relative error.
     *
     * @param value the largest relative error that passes, in (0, 1)
     * @return new options
     */
    public CheckOptions withThreshold(double value) {
        return new CheckOptions(value, valueAccuracy, typicalScale, kinkDetection, kinkRetries, worstCount, names);
    }

    /**
     * These options with another relative accuracy of the function value.
     *
     * @param value the relative accuracy eps, in {@code [2^-53, 1e-3)}
     * @return new options
     */
    public CheckOptions withValueAccuracy(double value) {
        return new CheckOptions(threshold, value, typicalScale, kinkDetection, kinkRetries, worstCount, names);
    }

    /**
     * These options with another typical parameter scale.
     *
     * @param value the magnitude below which steps stop shrinking, finite and {@code > 0}
     * @return new options
     */
    public CheckOptions withTypicalScale(double value) {
        return new CheckOptions(threshold, valueAccuracy, value, kinkDetection, kinkRetries, worstCount, names);
    }

    /**
     * These options with kink detection switched on or off.
     *
     * @param value whether to look for kinks
     * @return new options
     */
    public CheckOptions withKinkDetection(boolean value) {
        return new CheckOptions(threshold, valueAccuracy, typicalScale, value, kinkRetries, worstCount, names);
    }

    /**
     * These options with another number of step reductions at a kink.
     *
     * @param value how many times a kinked stencil is shrunk by 8, in {@code [0, 6]}
     * @return new options
     */
    public CheckOptions withKinkRetries(int value) {
        return new CheckOptions(threshold, valueAccuracy, typicalScale, kinkDetection, value, worstCount, names);
    }

    /**
     * These options listing another number of worst coordinates.
     *
     * @param value how many worst coordinates the report lists, {@code >= 1}
     * @return new options
     */
    public CheckOptions withWorstCount(int value) {
        return new CheckOptions(threshold, valueAccuracy, typicalScale, kinkDetection, kinkRetries, value, names);
    }

    /**
     * These options naming coordinates with {@code value} in the report.
     *
     * @param value maps a coordinate index to its name, not null
     * @return new options
     * @throws IllegalArgumentException if {@code value} is null
     */
    public CheckOptions withNames(IntFunction<String> value) {
        if (value == null) {
            throw new IllegalArgumentException("names must not be null");
        }
        return new CheckOptions(threshold, valueAccuracy, typicalScale, kinkDetection, kinkRetries, worstCount,
                value);
    }

    /**
     * The initial step for a parameter of value {@code x}; see the class comment.
     *
     * @param x the parameter's current value
     * @return the step h, a power of two
     */
    public double step(double x) {
        double h = Math.pow(valueAccuracy, 0.2) * Math.max(Math.abs(x), typicalScale);
        int exponent = Math.getExponent(h);
        boolean roundUp = h / Math.scalb(1.0, exponent) >= Math.sqrt(2);
        return Math.scalb(1.0, roundUp ? exponent + 1 : exponent);
    }

    String name(int index) {
        return names == null ? "x[" + index + "]" : names.apply(index);
    }
}
