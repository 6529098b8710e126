package dev.vecnn.nn;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The verbose output of the {@code lbfgs} solver, laid out as scikit-learn's (which is scipy's
 * L-BFGS-B Fortran code called with {@code iprint=1}, as in scipy 1.10): the banner, one
 * {@code At iterate} line per iteration with f and the largest gradient magnitude (the projected
 * gradient of an unconstrained problem), and the closing table. Fields follow that code's Fortran
 * formats ({@code 1p,d12.5}, {@code i5}, ...). {@code Tnint} counts the generalized Cauchy point
 * searches, which an unconstrained L-BFGS-B runs at the start and after each restart.
 */
final class ScipyLbfgsTrace implements Lbfgs.Trace {
    private static final String STARS = "           * * *";
    private final PrintStream out;

    ScipyLbfgsTrace(PrintStream out) {
        this.out = out;
    }

    @Override
    public void start(int n, int history, double f, double projectedGradient) {
        out.println("RUNNING THE L-BFGS-B CODE");
        out.println();
        out.println(STARS);
        out.println();
        out.println("Machine precision = " + fortranD(Math.ulp(1.0), 3));
        out.println(String.format(Locale.ROOT, " N =%13d     M =%13d", n, history));
        out.println(" This problem is unconstrained.");
        out.println();
        out.println("At X0         0 variables are exactly at the bounds");
        iterate(0, f, projectedGradient);
    }

    @Override
    public void iterate(int k, double f, double projectedGradient) {
        out.println();
        out.println(String.format(Locale.ROOT, "At iterate%5d    f= %12s    |proj g|= %12s", k, fortranD(f, 5),
                fortranD(projectedGradient, 5)));
    }

    @Override
    public void restart() {
        out.println();
        out.println(" Bad direction in the line search;");
        out.println("   refresh the lbfgs memory and restart the iteration.");
    }

    @Override
    public void skipped(double ys, double minusGs) {
        out.println("  ys=" + fortranE(ys) + "  -gs=" + fortranE(minusGs) + " BFGS update SKIPPED");
    }

    /** Fortran {@code 1p,e10.3}: {@code -1.241E+00}, right-aligned in ten columns. */
    static String fortranE(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return String.format(Locale.ROOT, "%10s", !Double.isFinite(v)
                    ? (Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity") : "0.000E+00");
        }
        Format.Scientific e = Format.scientific(v, 4);
        int magnitude = Math.abs(e.exponent());
        String exponent = magnitude < 100 ? String.format(Locale.ROOT, "E%s%02d", e.exponent() < 0 ? "-" : "+",
                magnitude) : String.format(Locale.ROOT, "%s%03d", e.exponent() < 0 ? "-" : "+", magnitude);
        return String.format(Locale.ROOT, "%10s", e.mantissa() + exponent);
    }

    @Override
    public void end(Lbfgs.Result r, double projectedGradient) {
        out.println();
        out.println(STARS);
        out.println();
        out.println("Tit   = total number of iterations");
        out.println("Tnf   = total number of function evaluations");
        out.println("Tnint = total number of segments explored during Cauchy searches");
        out.println("Skip  = number of BFGS updates skipped");
        out.println("Nact  = number of active bounds at final generalized Cauchy point");
        out.println("Projg = norm of the final projected gradient");
        out.println("F     = final function value");
        out.println();
        out.println(STARS);
        out.println();
        out.println("   N    Tit     Tnf  Tnint  Skip  Nact     Projg        F");
        boolean abnormal = r.status() == Lbfgs.Status.LINE_SEARCH_FAILED;
        // L-BFGS-B counts the failed iteration in Tit; a run that converged at x0 searched no segment
        int iterations = r.iterations() + (abnormal ? 1 : 0);
        int segments = r.iterations() == 0 && r.restarts() == 0 && r.status().converged() ? 0 : 1 + r.restarts();
        out.println(String.format(Locale.ROOT, "%5d%7d%7d%7d%6d%6d%12s%12s", r.x().length, iterations,
                r.evaluations(), segments, r.skipped(), 0, fortranD(projectedGradient, 3),
                fortranD(r.f(), 3)));
        out.println("  F =" + listDirected(r.f()));
        out.println();
        out.println(String.format(Locale.ROOT, "%-60s", r.status().message()));
        if (abnormal) {
            out.println();
            out.println(" Line search cannot locate an adequate point after 20 function");
            out.println("  and gradient evaluations.  Previous x, f and g restored.");
            out.println(" Possible causes: 1 error in function or gradient evaluation;");
            out.println("                  2 rounding error dominate computation.");
        } else if (r.status() == Lbfgs.Status.CONVERGED_REDUCTION && r.lastLineSearchEvaluations() > 10) {
            // L-BFGS-B's iback >= 10: ten evaluations after the first in the last line search
            out.println();
            out.println(" Warning:  more than 10 function and gradient");
            out.println("   evaluations in the last line search.  Termination");
            out.println("   may possibly be caused by a bad search direction.");
        }
    }

    /**
     * Fortran {@code 1p,d(w).(digits)}: one digit before the point, a {@code D} exponent of two
     * digits (three digits drop the letter, as Fortran does).
     */
    static String fortranD(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        String mantissa;
        int exponent;
        if (v == 0) {
            mantissa = (1 / v < 0 ? "-0." : "0.") + "0".repeat(digits);
            exponent = 0;
        } else {
            Format.Scientific e = Format.scientific(v, digits + 1);
            mantissa = e.mantissa();
            exponent = e.exponent();
        }
        String sign = exponent < 0 ? "-" : "+";
        int magnitude = Math.abs(exponent);
        return magnitude < 100 ? String.format(Locale.ROOT, "%sD%s%02d", mantissa, sign, magnitude)
                : String.format(Locale.ROOT, "%s%s%03d", mantissa, sign, magnitude);
    }

    /**
     * gfortran's list-directed output of a double: a blank, then G25.17 with a three-digit
     * exponent: fixed notation with 17 significant digits and five trailing blanks for
     * {@code 0.1 <= |v| < 1e17}, else {@code 1p} scientific ({@code 3.4700884867073020E-004}).
     */
    static String listDirected(double v) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, " %25s", Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
        double a = Math.abs(v);
        if (v == 0) {
            // gfortran's G editing of zero: 17 digits in all, one before the point
            return String.format(Locale.ROOT, " %20s     ", "0." + "0".repeat(16));
        }
        if (a < 0.1 || a >= 1e17) {
            Format.Scientific e = Format.scientific(v, 17);
            return String.format(Locale.ROOT, " %25s", e.mantissa() + "E" + (e.exponent() < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%03d", Math.abs(e.exponent())));
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(17, RoundingMode.HALF_EVEN));
        // Digits before the point: 0 below 1 (printed as "0."), else the magnitude's.
        int before = a < 1 ? 0 : rounded.precision() - rounded.scale();
        String fixed = rounded.setScale(17 - before, RoundingMode.HALF_EVEN).toPlainString();
        return String.format(Locale.ROOT, " %20s     ", fixed);
    }
}
