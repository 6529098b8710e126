package dev.vecnn.gradcheck;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of one {@link GradientCheck}: every coordinate's comparison, the largest relative
 * error over the counted coordinates, and the verdict against the threshold. {@link #toString()}
 * is written to be a test failure message: verdict, worst coordinates with both values, kinks met,
 * options used.
 *
 * @param value       the function value at the checked point
 * @param coordinates one result per coordinate, in index order
 * @param options     the options the check ran with
 */
public record Report(double value, List<CoordinateResult> coordinates, CheckOptions options) {
    /** Copies the list; the report is immutable. */
    public Report {
        coordinates = List.copyOf(coordinates);
    }

    /**
     * The largest relative error over the coordinates not skipped at a kink (0 if there are none).
     *
     * @return the largest counted relative error, or 0
     */
    public double maxRelativeError() {
        return coordinates.stream().filter(CoordinateResult::counted)
                .mapToDouble(CoordinateResult::relativeError).max().orElse(0);
    }

    /**
     * True if at least one coordinate was checked (not skipped at a kink) and every checked
     * coordinate's relative error is at most the threshold: a check that checked nothing does not
     * pass.
     *
     * @return whether the check passed
     */
    public boolean passed() {
        return skipped() < coordinates.size() && maxRelativeError() <= options.threshold();
    }

    /**
     * The counted coordinates with the largest relative errors, worst first, at most {@code n}.
     *
     * @param n the most coordinates to return, {@code >= 0}
     * @return a new list, worst first
     */
    public List<CoordinateResult> worst(int n) {
        return coordinates.stream().filter(CoordinateResult::counted)
                .sorted(Comparator.comparingDouble(CoordinateResult::relativeError).reversed()).limit(n).toList();
    }

    /**
     * The coordinates where the kink detector acted (step reduced, skipped or noisy).
     *
     * @return those coordinates, in index order
     */
    public List<CoordinateResult> kinks() {
        return coordinates.stream().filter(c -> c.kink() != KinkStatus.NONE).toList();
    }

    /**
     * The number of coordinates skipped at a kink.
     *
     * @return the count of {@link KinkStatus#SKIPPED} coordinates
     */
    public long skipped() {
        return coordinates.stream().filter(c -> !c.counted()).count();
    }

    /**
     * The number of coordinates whose function values were noisier than the stated accuracy.
     *
     * @return the count of {@link KinkStatus#NOISY} coordinates
     */
    public long noisy() {
        return coordinates.stream().filter(c -> c.kink() == KinkStatus.NOISY).count();
    }

    /**
     * The number of coordinates where the function was not finite on the stencil, down to the
     * smallest step (they count as failed).
     *
     * @return the count of {@link KinkStatus#NON_FINITE} coordinates
     */
    public long nonFinite() {
        return coordinates.stream().filter(c -> c.kink() == KinkStatus.NON_FINITE).count();
    }

    /**
     * Throws an {@link AssertionError} carrying {@link #toString()} unless the check passed.
     *
     * @return this report, when it passed
     */
    public Report assertPassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        long counted = coordinates.size() - skipped();
        if (counted == 0) {
            b.append(String.format("gradient check FAILED: nothing was checked (%s, every one skipped at a kink)",
                    coordinates(coordinates.size())));
        } else {
            b.append(String.format("gradient check %s: max relative error %.3e %s threshold %.1e over %s",
                    passed() ? "passed" : "FAILED", maxRelativeError(), passed() ? "<=" : ">", options.threshold(),
                    coordinates(counted)));
        }
        List<CoordinateResult> kinks = kinks();
        long reduced = kinks.size() - skipped() - noisy() - nonFinite();
        if (!kinks.isEmpty()) {
            b.append(String.format(" (%d skipped at kinks, %d with a reduced step, %d noisy%s)", skipped(),
                    reduced, noisy(), nonFinite() > 0 ? ", " + nonFinite() + " not finite" : ""));
        }
        if (nonFinite() > 0) {
            b.append(String.format("%n  the function is NaN or infinite within the smallest step at %s: nothing"
                    + " could be checked there; a smaller typical scale (CheckOptions.withTypicalScale, now %s)"
                    + " keeps the steps where it is finite", coordinates(nonFinite()), options.typicalScale()));
        }
        if (skipped() > 0 || noisy() > 0) {
            // A function that varies on a much smaller scale than the steps looks kinked or noisy too.
            b.append(String.format("%n  if the function varies on a scale much smaller than the typical scale %s"
                    + " (the steps start near %s times it), state that scale (CheckOptions.withTypicalScale)",
                    options.typicalScale(), String.format("%.1e", Math.pow(options.valueAccuracy(), 0.2))));
        }
        if (noisy() > 0) {
            b.append(String.format("%n  the function is noisier than the value accuracy %.3e says at %d coordinates:"
                    + " state its real accuracy (CheckOptions.withValueAccuracy)", options.valueAccuracy(), noisy()));
        } else if (!passed() && reduced > 0) {
            // Rounding noise above the stated accuracy also looks like a kink to the detector.
            b.append(String.format("%n  %s needed a reduced step: if the function is computed less accurately than"
                    + " %.3e (float32: about 2^-20), state it (CheckOptions.withValueAccuracy); rounding noise"
                    + " looks like a kink", coordinates(reduced), options.valueAccuracy()));
        }
        b.append(String.format("%n  value %.17g; value accuracy %.3e, typical scale %s%n", value,
                options.valueAccuracy(), options.typicalScale()));
        List<CoordinateResult> worst = worst(options.worstCount());
        if (!worst.isEmpty()) {
            b.append("  worst coordinates (rel.error = |diff| / max(|analytic| + |numeric|, resolution / threshold),")
                    .append(" at most 1):\n");
            for (CoordinateResult c : worst) {
                b.append("    ").append(c).append('\n');
            }
        }
        if (!kinks.isEmpty()) {
            b.append("  kinks met:\n");
            kinks.stream().limit(options.worstCount()).forEach(c -> b.append("    ").append(c).append('\n'));
            if (kinks.size() > options.worstCount()) {
                b.append("    ... ").append(kinks.size() - options.worstCount()).append(" more\n");
            }
        }
        return b.toString();
    }

    private static String coordinates(long n) {
        return n + (n == 1 ? " coordinate" : " coordinates");
    }
}
