package dev.vecnn.gradcheck;

/**
 * The seven function values around one coordinate that {@link FiniteDifferences} works on, at
 * offsets {@code 0, +-h/4, +-h/2, +-h} (as realised in floating point), and the combinations it
 * uses.
 */
record Stencil(double h, double f0, double p4, double m4, double p2, double m2, double p1, double m1,
               double d4, double d2, double d1) {

    /** Evaluates f around {@code x[i]}; {@code x[i]} is restored before returning. */
    static Stencil evaluate(Differentiable f, double[] x, int i, double h, double f0) {
        double xi = x[i];
        double[] values = new double[6];
        double[] spans = new double[3];
        double s = h;
        for (int k = 0; k < 3; k++, s /= 2) {
            double up = xi + s;
            double down = xi - s;
            x[i] = up;
            values[2 * k] = f.evaluate(x, null);
            x[i] = down;
            values[2 * k + 1] = f.evaluate(x, null);
            x[i] = xi;
            spans[k] = up - down;
        }
        return new Stencil(h, f0, values[4], values[5], values[2], values[3], values[0], values[1],
                (values[4] - values[5]) / spans[2], (values[2] - values[3]) / spans[1],
                (values[0] - values[1]) / spans[0]);
    }

    /** The Richardson extrapolation {@code (4 D(h/2) - D(h)) / 3}. */
    double estimate() {
        return (4 * d2 - d1) / 3;
    }

    /** {@code (4 S(h/2) - S(h)) / h}: zero up to {@code O(h^3)} for smooth f. */
    double evenResidual() {
        return (4 * (p2 - 2 * f0 + m2) - (p1 - 2 * f0 + m1)) / h;
    }

    /** {@code D(h) - 5 D(h/2) + 4 D(h/4)}: zero up to {@code O(h^4)} for smooth f. */
    double oddResidual() {
        return d1 - 5 * d2 + 4 * d4;
    }

    /** {@code max(|Ke|, |Ko|)}, the kink statistic. */
    double residual() {
        return Math.max(Math.abs(evenResidual()), Math.abs(oddResidual()));
    }

    /** Whether every value on the stencil is finite (the function is defined within the step). */
    boolean finite() {
        return Double.isFinite(f0) && Double.isFinite(p4) && Double.isFinite(m4) && Double.isFinite(p2)
                && Double.isFinite(m2) && Double.isFinite(p1) && Double.isFinite(m1);
    }

    /** The largest |f| on the stencil, the F of the rounding bounds. */
    double maxAbs() {
        return Math.max(Math.max(Math.max(Math.abs(f0), Math.abs(p4)), Math.max(Math.abs(m4), Math.abs(p2))),
                Math.max(Math.max(Math.abs(m2), Math.abs(p1)), Math.abs(m1)));
    }
}
