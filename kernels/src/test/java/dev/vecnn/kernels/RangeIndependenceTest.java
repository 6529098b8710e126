package dev.vecnn.kernels;

import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * An element's value must not depend on the range it was computed in: the fused GEMM applies its
 * activation per finished block of C and a thread's rows start where the split puts them, so the
 * same element sits at a different place in its range for different thread counts. Before the
 * transcendental loops finished their ranges with their own vector code, the last partial vector
 * took the scalar twin's {@code Math.tanh} and friends, which differ in the last bits: a
 * 200 x 50 tanh layer split over three threads gave other bits than on one.
 */
class RangeIndependenceTest {
    private final int savedThreads = Gemm.threads();

    @AfterEach
    void restoreThreads() {
        Gemm.setThreads(savedThreads);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardOverSplitRangesEqualsOneRange(Activation activation) {
        Random random = new Random(7);
        for (int n : new int[] {1, 15, 16, 17, 31, 33, 100, 257}) {
            float[] x = randomFloats(random, n, 6);
            double[] xd = toDouble(x);
            float[] whole = x.clone();
            Activations.forward(activation, whole, 0, n);
            double[] wholeD = xd.clone();
            Activations.forward(activation, wholeD, 0, n);
            for (int cut = 1; cut < n; cut += Math.max(1, n / 7)) {
                float[] split = x.clone();
                Activations.forward(activation, split, 0, cut);
                Activations.forward(activation, split, cut, n - cut);
                assertArrayEquals(whole, split, activation + ", n = " + n + ", cut at " + cut);
                double[] splitD = xd.clone();
                Activations.forward(activation, splitD, 0, cut);
                Activations.forward(activation, splitD, cut, n - cut);
                assertArrayEquals(wholeD, splitD, activation + " double, n = " + n + ", cut at " + cut);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeOverSplitRangesEqualsOneRange(Activation activation) {
        Random random = new Random(8);
        for (int n : new int[] {1, 15, 17, 33, 100, 257}) {
            float[] y = randomFloats(random, n, 1);
            Activations.forward(activation, y, 0, n);
            float[] delta = randomFloats(random, n, 2);
            float[] whole = delta.clone();
            Activations.derivative(activation, 0.01f, y, whole, 0, n);
            double[] yd = toDouble(y);
            double[] wholeD = toDouble(delta);
            Activations.derivative(activation, 0.01, yd, wholeD, 0, n);
            for (int cut = 1; cut < n; cut += Math.max(1, n / 5)) {
                float[] split = delta.clone();
                Activations.derivative(activation, 0.01f, y, split, 0, cut);
                Activations.derivative(activation, 0.01f, y, split, cut, n - cut);
                assertArrayEquals(whole, split, activation + ", n = " + n + ", cut at " + cut);
                double[] splitD = toDouble(delta);
                Activations.derivative(activation, 0.01, yd, splitD, 0, cut);
                Activations.derivative(activation, 0.01, yd, splitD, cut, n - cut);
                assertArrayEquals(wholeD, splitD, activation + " double, n = " + n + ", cut at " + cut);
            }
        }
    }

    @Test
    void softmaxOfSomeRowsEqualsTheSameRowsOfAll() {
        Random random = new Random(9);
        for (int cols : new int[] {1, 3, 10, 17}) {
            int rows = 23;
            float[] x = randomFloats(random, rows * cols, 8);
            float[] whole = x.clone();
            Activations.softmax(whole, 0, rows, cols);
            double[] wholeD = toDouble(x);
            Activations.softmax(wholeD, 0, rows, cols);
            for (int cut : new int[] {1, 5, 11, 22}) {
                float[] split = x.clone();
                Activations.softmax(split, 0, cut, cols);
                Activations.softmax(split, cut * cols, rows - cut, cols);
                assertArrayEquals(whole, split, "cols = " + cols + ", cut after row " + cut);
                double[] splitD = toDouble(x);
                Activations.softmax(splitD, 0, cut, cols);
                Activations.softmax(splitD, cut * cols, rows - cut, cols);
                assertArrayEquals(wholeD, splitD, "double, cols = " + cols + ", cut after row " + cut);
            }
        }
    }

    /**
     * 200 x 50 outputs over depth 700: enough work for three parts, whose row ranges (60, 72 and
     * 68 rows) hold 3000, 3600 and 3400 elements, none a multiple of the float vector length 16
     * where one thread's blocks (144 and 56 rows) are.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "LOGISTIC", "SOFTPLUS"})
    void fusedProductsGiveTheSameBitsForAnyThreadCount(Activation activation) {
        int m = 200;
        int n = 50;
        int k = 700;
        Random random = new Random(10);
        float[] a = randomFloats(random, m * k, 0.1f);
        float[] b = randomFloats(random, k * n, 0.1f);
        float[] bias = randomFloats(random, n, 1);
        float[] z = randomFloats(random, m * n, 1);
        Activations.forward(activation, z, 0, m * n);
        float[] forward1 = null;
        float[] backward1 = null;
        double[] forward1d = null;
        for (int threads : new int[] {1, 2, 3, 8}) {
            Gemm.setThreads(threads);
            float[] forward = new float[m * n];
            FusedGemm.sgemmBiasActivation(false, false, m, n, k, a, 0, k, b, 0, n, bias, 0, activation, 0f,
                    forward, 0, n);
            float[] backward = new float[m * n];
            FusedGemm.sgemmActivationDerivative(false, false, m, n, k, a, 0, k, b, 0, n, activation, 0f,
                    z, 0, n, backward, 0, n);
            double[] forwardD = new double[m * n];
            FusedGemm.dgemmBiasActivation(false, false, m, n, k, toDouble(a), 0, k, toDouble(b), 0, n,
                    toDouble(bias), 0, activation, 0, forwardD, 0, n);
            if (forward1 == null) {
                forward1 = forward;
                backward1 = backward;
                forward1d = forwardD;
            } else {
                assertArrayEquals(forward1, forward, activation + " forward, " + threads + " threads");
                assertArrayEquals(backward1, backward, activation + " backward, " + threads + " threads");
                assertArrayEquals(forward1d, forwardD, activation + " double forward, " + threads + " threads");
            }
        }
    }

    /**
     * The fused forward epilogue of tanh, logistic and softplus adds the bias in its pass over each
     * finished block (from a repeated bias row when the block spans whole rows, else row by row),
     * and must give exactly the bits of the plain product, then the bias, then the vector
     * activation over all of C. Shapes: whole-row blocks (200 x 50); a bias repeat too long for the
     * pattern, lcm(257, 16) = 4112 (row by row); rows wider than one column block (NC = 3072); two
     * k panels; on one and two threads (the wide products split by columns).
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "LOGISTIC", "SOFTPLUS"})
    void fusedBiasGivesTheBitsOfProductThenBiasThenActivation(Activation activation) {
        int[][] shapes = {{200, 50, 100}, {37, 257, 20}, {5, 3100, 9}, {64, 300, 700}, {3, 3, 1}};
        Random random = new Random(11);
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            float[] a = randomFloats(random, m * k, 0.3f);
            float[] b = randomFloats(random, k * n, 0.3f);
            float[] bias = randomFloats(random, n + 1, 1);
            for (int threads : new int[] {1, 2}) {
                Gemm.setThreads(threads);
                float[] want = new float[m * n];
                Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, want, 0, n);
                for (int i = 0; i < m * n; i++) {
                    want[i] += bias[1 + i % n];
                }
                Activations.forward(activation, want, 0, want.length);
                float[] got = new float[m * n];
                FusedGemm.sgemmBiasActivation(false, false, m, n, k, a, 0, k, b, 0, n, bias, 1, activation, 0f,
                        got, 0, n);
                String what = activation + " " + m + "x" + n + "x" + k + ", " + threads + " threads";
                assertArrayEquals(want, got, what);
                double[] wantD = new double[m * n];
                Gemm.dgemm(false, false, m, n, k, 1, toDouble(a), 0, k, toDouble(b), 0, n, 0, wantD, 0, n);
                for (int i = 0; i < m * n; i++) {
                    wantD[i] += bias[1 + i % n];
                }
                Activations.forward(activation, wantD, 0, wantD.length);
                double[] gotD = new double[m * n];
                FusedGemm.dgemmBiasActivation(false, false, m, n, k, toDouble(a), 0, k, toDouble(b), 0, n,
                        toDouble(bias), 1, activation, 0, gotD, 0, n);
                assertArrayEquals(wantD, gotD, "double " + what);
            }
        }
    }

    private static float[] randomFloats(Random random, int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * scale);
        }
        return x;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
