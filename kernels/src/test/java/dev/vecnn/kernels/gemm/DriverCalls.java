package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.Activation;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One driver call of each kind on double operands (converted for float), for the tests that
 * compare a path's bits with the same product taken another way.
 */
final class DriverCalls {
    /** What is computed into C. */
    enum Op { PLAIN, BETA, ALPHA_ONE_BETA_ONE, TANH, RELU, TANH_DERIVATIVE, PLUS_SCALED }

    private DriverCalls() {
    }

    /**
     * One product's operands, random in [-1, 1), with a random offset (0-3) and leading
     * dimensions up to two larger than the rows; {@link #run} computes it from a copy of c0.
     */
    record Product(boolean useDouble, Op op, boolean transA, boolean transB, int m, int n, int k, int lda, int ldb,
                   int ldc, int off, double[] a, double[] b, double[] bias, double[] z, double[] c0) {
        static Product random(Random rnd, boolean useDouble, Op op, boolean transA, boolean transB, int m, int n,
                              int k) {
            int lda = (transA ? m : k) + rnd.nextInt(3);
            int ldb = (transB ? k : n) + rnd.nextInt(3);
            int ldc = n + rnd.nextInt(3);
            int off = rnd.nextInt(4);
            double[] a = DriverCalls.random(rnd, off + (transA ? k : m) * lda);
            double[] b = DriverCalls.random(rnd, off + (transB ? n : k) * ldb);
            double[] bias = DriverCalls.random(rnd, n);
            double[] z = DriverCalls.random(rnd, m * n);
            double[] c0 = DriverCalls.random(rnd, off + m * ldc);
            return new Product(useDouble, op, transA, transB, m, n, k, lda, ldb, ldc, off, a, b, bias, z, c0);
        }

        double[] run(int threads) {
            return DriverCalls.run(useDouble, op, transA, transB, m, n, k, a, lda, b, ldb, bias, z, c0, off, ldc,
                    threads);
        }

        /**
         * {@link #run} with a driver path switched {@code on} or off through {@code path} (which
         * sets the float and double drivers' flag), switched back on afterwards whatever happens.
         */
        double[] runWith(Consumer<Boolean> path, boolean on, int threads) {
            path.accept(on);
            try {
                return run(threads);
            } finally {
                path.accept(true);
            }
        }

        /**
         * Asserts that the product has the same bits with a driver path on (over {@code threads}
         * threads) as with it off (one thread); a failure names the first differing element, its
         * column, the product and {@code context}.
         */
        void assertPathKeepsBits(Consumer<Boolean> path, int threads, String context) {
            double[] on = runWith(path, true, threads);
            double[] off = runWith(path, false, 1);
            int x = firstDifference(off, on);
            if (x >= 0) {
                assertEquals(off[x], on[x], String.format(
                        "%s element %d (column %d): %s m=%d n=%d k=%d trans=%b%b threads=%d%s",
                        useDouble ? "double" : "float", x, (x - off()) % ldc, op, m, n, k, transA, transB, threads,
                        context.isEmpty() ? "" : ", " + context));
            }
        }

        /** The first element where two results differ in any bit, or -1. */
        static int firstDifference(double[] x, double[] y) {
            for (int i = 0; i < x.length; i++) {
                if (Double.doubleToLongBits(x[i]) != Double.doubleToLongBits(y[i])) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** C from a copy of {@code c0}, as {@code op} computes it; float results widened to double. */
    static double[] run(boolean useDouble, Op op, boolean transA, boolean transB, int m, int n, int k, double[] a,
                        int lda, double[] b, int ldb, double[] bias, double[] z, double[] c0, int off, int ldc,
                        int threads) {
        if (useDouble) {
            double[] c = c0.clone();
            switch (op) {
                case PLAIN -> DriverF64.gemm(transA, transB, m, n, k, 1, a, off, lda, b, off, ldb, 0, c, off, ldc,
                        threads);
                case BETA -> DriverF64.gemm(transA, transB, m, n, k, -0.75, a, off, lda, b, off, ldb, 1.5, c, off,
                        ldc, threads);
                case ALPHA_ONE_BETA_ONE -> DriverF64.gemm(transA, transB, m, n, k, 1, a, off, lda, b, off, ldb, 1, c,
                        off, ldc, threads);
                case TANH, RELU -> DriverF64.gemmBiasActivation(transA, transB, m, n, k, a, off, lda, b, off, ldb,
                        bias, 0, op == Op.TANH ? Activation.TANH : Activation.RELU, 0, c, off, ldc, threads);
                case TANH_DERIVATIVE -> DriverF64.gemmActivationDerivative(transA, transB, m, n, k, a, off, lda,
                        b, off, ldb, Activation.TANH, 0, z, 0, n, c, off, ldc, threads);
                case PLUS_SCALED -> DriverF64.gemmPlusScaled(transA, transB, m, n, k, 0.005, a, off, lda, b, off,
                        ldb, 1e-4, z, 0, n, c, off, ldc, threads);
            }
            return c;
        }
        float[] c = toFloat(c0);
        float[] af = toFloat(a);
        float[] bf = toFloat(b);
        switch (op) {
            case PLAIN -> DriverF32.gemm(transA, transB, m, n, k, 1, af, off, lda, bf, off, ldb, 0, c, off, ldc,
                    threads);
            case BETA -> DriverF32.gemm(transA, transB, m, n, k, -0.75f, af, off, lda, bf, off, ldb, 1.5f, c, off,
                    ldc, threads);
            case ALPHA_ONE_BETA_ONE -> DriverF32.gemm(transA, transB, m, n, k, 1, af, off, lda, bf, off, ldb, 1, c,
                    off, ldc, threads);
            case TANH, RELU -> DriverF32.gemmBiasActivation(transA, transB, m, n, k, af, off, lda, bf, off, ldb,
                    toFloat(bias), 0, op == Op.TANH ? Activation.TANH : Activation.RELU, 0, c, off, ldc, threads);
            case TANH_DERIVATIVE -> DriverF32.gemmActivationDerivative(transA, transB, m, n, k, af, off, lda,
                    bf, off, ldb, Activation.TANH, 0, toFloat(z), 0, n, c, off, ldc, threads);
            case PLUS_SCALED -> DriverF32.gemmPlusScaled(transA, transB, m, n, k, 0.005f, af, off, lda, bf, off,
                    ldb, 1e-4f, toFloat(z), 0, n, c, off, ldc, threads);
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i];
        }
        return out;
    }

    static float[] toFloat(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    /** {@code length} values uniform in [-1, 1). */
    static double[] random(Random rnd, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }
}
