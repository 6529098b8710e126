package dev.vecnn.nn;

import dev.vecnn.kernels.Reductions;
import dev.vecnn.kernels.Updates;

/**
 * Limited-memory BFGS for the {@code lbfgs} solver: the two-loop recursion over the last
 * {@value #HISTORY} steps (Nocedal and Wright, algorithm 7.4) and the strong-Wolfe line search
 * {@link MoreThuente}, at most {@value #MAX_LINE_SEARCH} evaluations per line search; when it
 * fails the curvature pairs are dropped and the step retried along {@code -g}. Stopping mirrors the
 * scipy {@code L-BFGS-B} call scikit-learn makes, in scipy's order after each iteration:
 * {@code maxIter} iterations, then more than {@code maxFun} evaluations (scipy 1.10 tests
 * {@code nfev > maxfun} only between iterations and never cuts a line search short), then
 * {@code max|g| <= gtol}, then a relative reduction of f below {@code factr * eps} (scipy's
 * default {@code factr = 1e7}); the limits come first, so an iteration that reaches one and
 * converges at once ends with the limit's status, as in scipy. Vector arithmetic runs on the
 * kernels ({@code Reductions.dot}, {@code Updates.sgd} as axpy).
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
        /** {@code max |g| <= gtol}. */
        CONVERGED_GRADIENT(0, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL"),
        /** The relative reduction of f fell below {@code factr * eps}. */
        CONVERGED_REDUCTION(0, "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH"),
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

        boolean converged() {
            return code == 0;
        }

        String message() {
            return message;
        }
    }

    /**
     * The final point, its loss, iterations and evaluations used, why it stopped, and the
     * bookkeeping scipy reports: curvature pairs skipped (s'y too small) and restarts from
     * steepest descent (after an ascent direction or a failed line search).
     */
    record Result(double[] x, double f, int iterations, int evaluations, Status status, int skipped, int restarts,
                  int lastLineSearchEvaluations) {
    }

    /** Receives the progress of a run (for verbose output). */
    interface Trace {
        /** Before the first step: the dimension, the history length, f and max|g| at x0. */
        void start(int n, int history, double f, double projectedGradient);

        /** After iteration {@code k} (from 1). */
        void iterate(int k, double f, double projectedGradient);

        /** The curvature pairs were dropped and the search restarts from steepest descent. */
        void restart();

        /** Iteration's pair was not stored: {@code s'y} (ys) was not above eps times {@code -g's}. */
        void skipped(double ys, double minusGs);

        /** At the end, with max|g| at the final point. */
        void end(Result result, double projectedGradient);
    }

    /** A trace that records nothing. */
    static final Trace SILENT = new Trace() {
        @Override
        public void start(int n, int history, double f, double projectedGradient) {
        }

        @Override
        public void iterate(int k, double f, double projectedGradient) {
        }

        @Override
        public void restart() {
        }

        @Override
        public void skipped(double ys, double minusGs) {
        }

        @Override
        public void end(Result result, double projectedGradient) {
        }
    };

    static Result minimize(Objective fn, double[] x0, int maxIter, int maxFun, double gtol) {
        return minimize(fn, x0, maxIter, maxFun, gtol, SILENT);
    }

    /** {@link #minimize(Objective, double[], int, int, double)} reporting to {@code trace}. */
    static Result minimize(Objective fn, double[] x0, int maxIter, int maxFun, double gtol, Trace trace) {
        Run run = new Run(fn, x0, maxIter, maxFun, gtol);
        trace.start(x0.length, HISTORY, run.f, Reductions.maxAbs(run.g, 0, run.g.length));
        Result r = run.solve(trace);
        trace.end(r, Reductions.maxAbs(run.g, 0, run.g.length));
        return r;
    }

    /** The state of one minimization. */
    private static final class Run {
        private final Objective fn;
        private final int n;
        private final int maxIter;
        private final int maxFun;
        private final double gtol;
        private double[] x;
        private double f;
        private double[] g;
        private int evaluations = 1;
        private int iterations;
        private int skipped;
        private int restarts;
        private int lastLineSearch;

        Run(Objective fn, double[] x0, int maxIter, int maxFun, double gtol) {
            this.fn = fn;
            this.n = x0.length;
            this.maxIter = maxIter;
            this.maxFun = maxFun;
            this.gtol = gtol;
            this.x = x0.clone();
            Evaluation e = fn.evaluate(x);
            this.f = e.f();
            this.g = e.g();
        }

        private Result result(Status status) {
            return new Result(x, f, iterations, evaluations, status, skipped, restarts, lastLineSearch);
        }

        Result solve(Trace trace) {
            double[][] s = new double[HISTORY][];
            double[][] y = new double[HISTORY][];
            double[] rho = new double[HISTORY];
            double[] a = new double[HISTORY];
            int stored = 0;
            int newest = -1;
            if (Reductions.maxAbs(g, 0, n) <= gtol) {
                return result(Status.CONVERGED_GRADIENT);
            }
            while (true) {
                double[] d = direction(g, s, y, rho, a, stored, newest);
                double slope = Reductions.dot(g, d, n);
                if (!(slope < 0)) {
                    // L-BFGS-B's line search refuses an ascent direction; with pairs stored it
                    // refreshes the memory and restarts, as after a failed search below
                    if (stored > 0) {
                        trace.restart();
                    }
                    stored = 0;
                    restarts++;
                    d = negated(g);
                    slope = Reductions.dot(g, d, n);
                }
                double first = stored == 0 ? 1.0 / Math.sqrt(-slope) : 1.0;
                MoreThuente ls = new MoreThuente(fn, x, d, MAX_LINE_SEARCH);
                MoreThuente.Point p = ls.search(f, slope, first);
                evaluations += ls.evaluations;
                lastLineSearch = ls.evaluations;
                if (p == null) {
                    if (stored > 0) {
                        // As L-BFGS-B: drop the curvature pairs and retry from steepest descent.
                        trace.restart();
                        stored = 0;
                        restarts++;
                        continue;
                    }
                    return result(Status.LINE_SEARCH_FAILED);
                }
                iterations++;
                double[] step = p.x().clone();
                Updates.sgd(step, x, 1.0);
                double[] dg = p.g().clone();
                Updates.sgd(dg, g, 1.0);
                double sy = Reductions.dot(step, dg, n);
                // L-BFGS-B's test: the pair is kept when s'y exceeds eps times -g's (g before the step)
                double minusGs = -Reductions.dot(g, step, n);
                boolean skip = !(sy > Math.ulp(1.0) * minusGs);
                if (!skip) {
                    newest = (newest + 1) % HISTORY;
                    s[newest] = step;
                    y[newest] = dg;
                    rho[newest] = 1.0 / sy;
                    stored = Math.min(stored + 1, HISTORY);
                } else {
                    skipped++;
                }
                double fOld = f;
                x = p.x();
                f = p.f();
                g = p.g();
                double projected = Reductions.maxAbs(g, 0, n);
                trace.iterate(iterations, f, projected);
                // scipy's driver tests its limits when L-BFGS-B reports a new x, before L-BFGS-B
                // itself runs its convergence tests on the next call.
                if (iterations >= maxIter) {
                    return result(Status.MAX_ITER);
                }
                if (evaluations > maxFun) {
                    return result(Status.MAX_FUN);
                }
                if (projected <= gtol) {
                    return result(Status.CONVERGED_GRADIENT);
                }
                if ((fOld - f) <= FTOL * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1.0)) {
                    return result(Status.CONVERGED_REDUCTION);
                }
                if (skip) {
                    // printed where L-BFGS-B tests the pair: after the tests that would have ended the run
                    trace.skipped(sy, minusGs);
                }
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
