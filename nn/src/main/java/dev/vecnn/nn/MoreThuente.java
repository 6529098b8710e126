package dev.vecnn.nn;

import dev.vecnn.kernels.Reductions;
import dev.vecnn.kernels.Updates;

/**
 * The Moré-Thuente line search ({@code dcsrch} / {@code dcstep} of MINPACK-2), the one scipy's
 * L-BFGS-B uses, with its parameters ({@code ftol = 1e-3}, {@code gtol = 0.9},
 * {@code xtol = 0.1}): it finds a step satisfying the strong Wolfe conditions by keeping an
 * interval of uncertainty and choosing trial steps by safeguarded cubic and quadratic
 * interpolation. Following L-BFGS-B, its rounding and interval warnings accept the last point.
 */
final class MoreThuente {
    private static final double FTOL = 1e-3;
    private static final double GTOL = 0.9;
    private static final double XTOL = 0.1;
    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;
    private static final double STPMAX = 1e10;

    /** An evaluated point on the line. */
    record Point(double step, double[] x, double f, double[] g, double slope) {
    }

    private final Lbfgs.Objective fn;
    private final double[] x0;
    private final double[] d;
    private final int budget;
    int evaluations;

    // The state of dcsrch / dcstep: the best step so far (x) and the other end of the interval (y).
    private boolean bracketed;
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;

    MoreThuente(Lbfgs.Objective fn, double[] x0, double[] d, int budget) {
        this.fn = fn;
        this.x0 = x0;
        this.d = d;
        this.budget = budget;
    }

    /**
     * Searches from {@code f0} with slope {@code g0 < 0}, first trying {@code stp}; null when the
     * evaluation budget runs out first.
     */
    Point search(double f0, double g0, double stp) {
        double gtest = FTOL * g0;
        double width = STPMAX;
        double width1 = 2 * width;
        stx = 0;
        fx = f0;
        gx = g0;
        sty = 0;
        fy = f0;
        gy = g0;
        bracketed = false;
        boolean stage1 = true;
        double stmin = 0;
        double stmax = stp + XTRAPU * stp;
        while (evaluations < budget) {
            Point p = at(stp);
            double f = p.f();
            double g = p.slope();
            if (!Double.isFinite(f) || !Double.isFinite(g)) {
                // Outside the function's domain in practice: shrink towards the best step.
                stp = stx + 0.5 * (stp - stx);
                bracketed = true;
                sty = p.step();
                fy = Double.MAX_VALUE;
                gy = 0;
                continue;
            }
            double ftest = f0 + stp * gtest;
            if (stage1 && f <= ftest && g >= 0) {
                stage1 = false;
            }
            if (f <= ftest && Math.abs(g) <= GTOL * -g0) {
                return p;
            }
            if (bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax)) {
                return f < f0 ? p : null;
            }
            if (stp == STPMAX && f <= ftest && g <= gtest) {
                return p;
            }
            if (stage1 && f <= fx && f > ftest) {
                double fm = f - stp * gtest;
                double fxm = fx - stx * gtest;
                double fym = fy - sty * gtest;
                fx = fxm;
                fy = fym;
                gx -= gtest;
                gy -= gtest;
                stp = step(stp, fm, g - gtest, stmin, stmax);
                fx += stx * gtest;
                fy += sty * gtest;
                gx += gtest;
                gy += gtest;
            } else {
                stp = step(stp, f, g, stmin, stmax);
            }
            if (bracketed) {
                if (Math.abs(sty - stx) >= 0.66 * width1) {
                    stp = stx + 0.5 * (sty - stx);
                }
                width1 = width;
                width = Math.abs(sty - stx);
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
            } else {
                stmin = stp + XTRAPL * (stp - stx);
                stmax = stp + XTRAPU * (stp - stx);
            }
            stp = Math.min(Math.max(stp, 0), STPMAX);
            if (bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax)) {
                stp = stx;
            }
        }
        return null;
    }

    /** dcstep: updates the interval with the trial (stp, fp, dp) and returns the next trial step. */
    private double step(double stp, double fp, double dp, double stpmin, double stpmax) {
        double sgnd = dp * Math.signum(gx);
        double stpf;
        if (fp > fx) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (gx / s) * (dp / s)));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - gx) + theta;
            double q = ((gamma - gx) + gamma) + dp;
            double stpc = stx + p / q * (stp - stx);
            double stpq = stx + ((gx / ((fx - fp) / (stp - stx) + gx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            bracketed = true;
        } else if (sgnd < 0) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (gx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + gx;
            double stpc = stp + p / q * (stx - stp);
            double stpq = stp + (dp / (dp - gx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            bracketed = true;
        } else if (Math.abs(dp) < Math.abs(gx)) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (gx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (gx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else {
                stpc = stp > stx ? stpmax : stpmin;
            }
            double stpq = stp + (dp / (dp - gx)) * (stx - stp);
            if (bracketed) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.max(stpmin, Math.min(stpmax, stpf));
            }
        } else if (bracketed) {
            double theta = 3 * (fp - fy) / (sty - stp) + gy + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(gy), Math.abs(dp)));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (gy / s) * (dp / s)));
            if (stp > sty) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + gy;
            stpf = stp + p / q * (sty - stp);
        } else {
            stpf = stp > stx ? stpmax : stpmin;
        }
        if (fp > fx) {
            sty = stp;
            fy = fp;
            gy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                gy = gx;
            }
            stx = stp;
            fx = fp;
            gx = dp;
        }
        return stpf;
    }

    private Point at(double step) {
        double[] xt = x0.clone();
        Updates.sgd(xt, d, -step);
        Lbfgs.Evaluation e = fn.evaluate(xt);
        evaluations++;
        double slope = Double.isFinite(e.f()) ? Reductions.dot(e.g(), d, d.length) : Double.NaN;
        return new Point(step, xt, e.f(), e.g(), slope);
    }
}
