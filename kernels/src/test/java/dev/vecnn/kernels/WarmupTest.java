package dev.vecnn.kernels;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The warm-up moves the kernels from the interpreter through C1 to C2 while it runs: results
 * computed before it (by colder code) and after it must be the same bits, and it must leave the
 * library's settings alone. Runs in both surefire executions (the fallback one checks that it is
 * harmless without the vector module).
 */
class WarmupTest {
    @Test
    void resultsDoNotDependOnTheJitTier() {
        int threads = Gemm.threads();
        float[] floatBefore = floatWork();
        double[] doubleBefore = doubleWork();
        Warmup.forFloat();
        Warmup.forDouble();
        Warmup.forFloat();
        assertArrayEquals(floatBefore, floatWork());
        assertArrayEquals(doubleBefore, doubleWork());
        assertEquals(threads, Gemm.threads());
    }

    @Test
    void waitingForTheCompilerChangesNoResult() {
        int threads = Gemm.threads();
        float[] floatBefore = floatWork();
        long start = System.nanoTime();
        Warmup.forFloatUntilCompiled();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertArrayEquals(floatBefore, floatWork());
        assertEquals(threads, Gemm.threads());
        // Bounded by Warmup.SETTLE_MAX_NANOS after the fixed rounds (which took 3-5 s here).
        org.junit.jupiter.api.Assertions.assertTrue(seconds < 30, "took " + seconds + " s");
    }

    /** A forward layer, a softmax, a loss delta and an Adam step on fixed random data. */
    private static float[] floatWork() {
        Random r = new Random(7);
        int m = 29;
        int n = 37;
        int k = 53;
        float[] a = new float[m * k];
        float[] w = new float[k * n];
        float[] bias = new float[n];
        float[] y = new float[m * n];
        for (float[] x : new float[][] {a, w, bias}) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
        }
        for (int i = 0; i < m; i++) {
            y[i * n + r.nextInt(n)] = 1;
        }
        float[] z = new float[m * n];
        FusedGemm.sgemmBiasActivation(false, false, m, n, k, a, 0, k, w, 0, n, bias, 0, Activation.TANH, 0, z, 0, n);
        Activations.softmax(z, 0, m, n);
        float[] delta = new float[m * n];
        float loss = Losses.loss(Loss.LOG_LOSS, z, y, null, m, n, delta);
        float[] mom = new float[delta.length];
        float[] vel = new float[delta.length];
        float[] params = y.clone();
        Updates.adam(params, delta, mom, vel, 1e-3f, 0.9f, 0.999f, 1e-8f, 1);
        float[] out = java.util.Arrays.copyOf(params, params.length + 1);
        out[params.length] = loss;
        return out;
    }

    private static double[] doubleWork() {
        Random r = new Random(11);
        int m = 31;
        int n = 17;
        int k = 263;
        double[] a = new double[k * m];
        double[] b = new double[k * n];
        double[] c = new double[m * n];
        for (double[] x : new double[][] {a, b, c}) {
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
        }
        Gemm.dgemm(true, false, m, n, k, 0.5, a, 0, m, b, 0, n, 2.0, c, 0, n);
        Activations.forward(Activation.LOGISTIC, c, 0, c.length);
        return c;
    }
}
