package dev.vecnn.nn;

import dev.vecnn.kernels.Reductions;
import dev.vecnn.kernels.Updates;

/**
 * Limited-memory BFGS for the {@code lbfgs} solver: the two-loop recursion over the last
 * {@value #HISTORY} steps (Nocedal and Wright, algorithm 7.4) and the strong-Wolfe line search
 * {@link MoreThuente}, at most {@value #MAX_LINE_SEARCH} evaluations per line search; when it
 * fails the curvature pairs are dropped and the step retried along {@code -g}. Stopping mirrors the
 * scipy {@code L-BFGS-B} call scikit-learn makes: {@code max|g| <= gtol}, a relative reduction of
 * f below {@code factr * eps} (scipy's default {@code factr = 1e7}), {@code maxIter} iterations or
 * {@code maxFun} evaluations. Vector arithmetic runs on the kernels ({@code Reductions.dot},
 * {@code Updates.sgd} as axpy).
 */
final class Lbfgs {
    static final int HISTORY = 10;
    private static final double FTOL = 1e7 * Math.ulp(1.0);
    private static final int MAX_LINE_SEARCH = 20;

    private Lbfgs() {
    }

    /** The loss and gradient at a point. */
    record Evaluation(double f, double[] g) {
    }

    /** The function to minimize. */
    interface Objective {
        Evaluation evaluate(double[] x);
    }

    /** How the run ended, with scipy's status code and message. */
    enum Status {
        CONVERGED(0, "CONVERGENCE"),
        MAX_ITER(1, "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT"),
        MAX_FUN(1, "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT"),
        LINE_SEARCH_FAILED(2, "ABNORMAL_TERMINATION_IN_LNSRCH");

        private final int code;
        private final String message;

        Status(int code, String message) {
            this.code = code;
            this.message = message;
        }

        int code() {
            return code;
        }

        String message() {
            return message;
        }
    }

    /** The final point, its loss, iterations and evaluations used, and why it stopped. */
    record Result(double[] x, double f, int iterations, int evaluations, Status status) {
    }

    static Result minimize(Objective fn, double[] x0, int maxIter, int maxFun, double gtol) {
        int n = x0.length;
        double[] x = x0.clone();
        Evaluation e = fn.evaluate(x);
        int evaluations = 1;
        double f = e.f();
        double[] g = e.g();
        double[][] s = new double[HISTORY][];
        double[][] y = new double[HISTORY][];
        double[] rho = new double[HISTORY];
        double[] a = new double[HISTORY];
        int stored = 0;
        int newest = -1;
        int iterations = 0;
        if (Reductions.maxAbs(g, 0, n) <= gtol) {
            return new Result(x, f, 0, evaluations, Status.CONVERGED);
        }
        while (true) {
            double[] d = direction(g, s, y, rho, a, stored, newest);
            double slope = Reductions.dot(g, d, n);
            if (!(slope < 0)) {
                stored = 0;
                d = negated(g);
                slope = Reductions.dot(g, d, n);
            }
            double first = stored == 0 ? 1.0 / Math.sqrt(-slope) : 1.0;
            int budget = Math.min(MAX_LINE_SEARCH, maxFun - evaluations);
            MoreThuente ls = new MoreThuente(fn, x, d, budget);
            MoreThuente.Point p = ls.search(f, slope, first);
            evaluations += ls.evaluations;
            if (p == null) {
                if (evaluations >= maxFun) {
                    return new Result(x, f, iterations, evaluations, Status.MAX_FUN);
                }
                if (stored > 0) {
                    // As L-BFGS-B: drop the curvature pairs and retry from steepest descent.
                    stored = 0;
                    continue;
                }
                return new Result(x, f, iterations, evaluations, Status.LINE_SEARCH_FAILED);
            }
            iterations++;
            double[] step = p.x().clone();
            Updates.sgd(step, x, 1.0);
            double[] dg = p.g().clone();
            Updates.sgd(dg, g, 1.0);
            double sy = Reductions.dot(step, dg, n);
            if (sy > Math.ulp(1.0) * Reductions.dot(dg, dg, n)) {
                newest = (newest + 1) % HISTORY;
                s[newest] = step;
                y[newest] = dg;
                rho[newest] = 1.0 / sy;
                stored = Math.min(stored + 1, HISTORY);
            }
            double fOld = f;
            x = p.x();
            f = p.f();
            g = p.g();
            if ((fOld - f) / Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1.0) <= FTOL) {
                return new Result(x, f, iterations, evaluations, Status.CONVERGED);
            }
            if (Reductions.maxAbs(g, 0, n) <= gtol) {
                return new Result(x, f, iterations, evaluations, Status.CONVERGED);
            }
            if (iterations >= maxIter) {
                return new Result(x, f, iterations, evaluations, Status.MAX_ITER);
            }
            if (evaluations >= maxFun) {
                return new Result(x, f, iterations, evaluations, Status.MAX_FUN);
            }
        }
    }

    /** {@code -H g} by the two-loop recursion over the stored pairs, newest first. */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, double[] a,
                                      int stored, int newest) {
        int n = g.length;
        double[] q = g.clone();
        for (int k = 0; k < stored; k++) {
            int i = Math.floorMod(newest - k, HISTORY);
            a[i] = rho[i] * Reductions.dot(s[i], q, n);
            Updates.sgd(q, y[i], a[i]);
        }
        double gamma = 1.0;
        if (stored > 0) {
            gamma = Reductions.dot(s[newest], y[newest], n) / Reductions.dot(y[newest], y[newest], n);
        }
        double[] r = new double[n];
        Updates.sgd(r, q, -gamma);
        for (int k = stored - 1; k >= 0; k--) {
            int i = Math.floorMod(newest - k, HISTORY);
            double b = rho[i] * Reductions.dot(y[i], r, n);
            Updates.sgd(r, s[i], b - a[i]);
        }
        double[] d = new double[n];
        Updates.sgd(d, r, 1.0);
        return d;
    }

    private static double[] negated(double[] g) {
        double[] d = new double[g.length];
        Updates.sgd(d, g, 1.0);
        return d;
    }
}
