package dev.vecnn.gradcheck;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import dev.vecnn.kernels.Gemm;
import dev.vecnn.kernels.Loss;
import dev.vecnn.kernels.Losses;
import dev.vecnn.kernels.Reductions;

/**
 * The kernel calls of {@link ReferenceMlp} in one precision, on double arrays. {@link #F32} copies
 * each argument to float, runs the float kernel and copies the result back: every stored value is
 * then a float, so the network computes exactly what an all-float network computes, while one
 * network class serves both precisions.
 */
enum Precision {
    F64(0x1p-53) {
        @Override
        void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double beta, double[] c) {
            Gemm.dgemm(transA, transB, m, n, k, 1, a, 0, Math.max(1, transA ? m : k), b, 0,
                    Math.max(1, transB ? k : n), beta, c, 0, Math.max(1, n));
        }

        @Override
        void forward(Activation a, double[] x) {
            Activations.forward(a, x, 0, x.length);
        }

        @Override
        void derivative(Activation a, double[] y, double[] delta) {
            Activations.derivative(a, Activations.DEFAULT_LEAKY_SLOPE, y, delta, 0, delta.length);
        }

        @Override
        void softmax(double[] x, int rows, int cols) {
            Activations.softmax(x, 0, rows, cols);
        }

        @Override
        double exp(double x) {
            return Math.exp(x);
        }

        @Override
        double loss(Loss loss, double[] p, double[] y, double[] w, int rows, int cols, double[] delta) {
            return Losses.loss(loss, p, y, w, rows, cols, delta);
        }

        @Override
        void columnSums(double[] x, int rows, int cols, double[] out) {
            Reductions.columnSums(x, rows, cols, out);
        }

        @Override
        double sumOfSquares(double[] x) {
            return Reductions.sumOfSquares(x, 0, x.length);
        }

        @Override
        double round(double v) {
            return v;
        }
    },
    F32(0x1p-24) {
        @Override
        void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double beta, double[] c) {
            float[] cf = toFloat(c);
            Gemm.sgemm(transA, transB, m, n, k, 1f, toFloat(a), 0, Math.max(1, transA ? m : k), toFloat(b), 0,
                    Math.max(1, transB ? k : n), (float) beta, cf, 0, Math.max(1, n));
            copy(cf, c);
        }

        @Override
        void forward(Activation a, double[] x) {
            float[] xf = toFloat(x);
            Activations.forward(a, xf, 0, xf.length);
            copy(xf, x);
        }

        @Override
        void derivative(Activation a, double[] y, double[] delta) {
            float[] df = toFloat(delta);
            Activations.derivative(a, (float) Activations.DEFAULT_LEAKY_SLOPE, toFloat(y), df, 0, df.length);
            copy(df, delta);
        }

        @Override
        void softmax(double[] x, int rows, int cols) {
            float[] xf = toFloat(x);
            Activations.softmax(xf, 0, rows, cols);
            copy(xf, x);
        }

        @Override
        double exp(double x) {
            return (float) Math.exp((float) x);
        }

        @Override
        double loss(Loss loss, double[] p, double[] y, double[] w, int rows, int cols, double[] delta) {
            float[] df = toFloat(delta);
            float v = Losses.loss(loss, toFloat(p), toFloat(y), w == null ? null : toFloat(w), rows, cols, df);
            copy(df, delta);
            return v;
        }

        @Override
        void columnSums(double[] x, int rows, int cols, double[] out) {
            float[] of = toFloat(out);
            Reductions.columnSums(toFloat(x), rows, cols, of);
            copy(of, out);
        }

        @Override
        double sumOfSquares(double[] x) {
            return Reductions.sumOfSquares(toFloat(x), 0, x.length);
        }

        @Override
        double round(double v) {
            return (float) v;
        }
    };

    private final double unitRoundoff;

    Precision(double unitRoundoff) {
        this.unitRoundoff = unitRoundoff;
    }

    /** u: half the distance from 1 to the next number of this precision. */
    double unitRoundoff() {
        return unitRoundoff;
    }

    /** {@code C = op(A) op(B) + beta C} on whole row-major arrays. */
    abstract void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double beta,
                       double[] c);

    abstract void forward(Activation a, double[] x);

    /** {@code delta *= f'} from outputs y, leaky_relu with the kernels' default slope. */
    abstract void derivative(Activation a, double[] y, double[] delta);

    abstract void softmax(double[] x, int rows, int cols);

    /** The exp output of Poisson regression (no kernel has it), rounded to this precision. */
    abstract double exp(double x);

    abstract double loss(Loss loss, double[] p, double[] y, double[] w, int rows, int cols, double[] delta);

    abstract void columnSums(double[] x, int rows, int cols, double[] out);

    abstract double sumOfSquares(double[] x);

    /** {@code v} rounded to this precision. */
    abstract double round(double v);

    /** A copy of {@code x} with every element rounded to this precision. */
    double[] rounded(double[] x) {
        if (x == null) {
            return null;
        }
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = round(x[i]);
        }
        return r;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static void copy(float[] from, double[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i];
        }
    }
}
