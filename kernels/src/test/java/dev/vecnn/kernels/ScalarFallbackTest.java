package dev.vecnn.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs twice in {@code mvn verify}: with the vector module (the SIMD path is on, nothing logged)
 * and, in the surefire execution {@code scalar-fallback}, without it (the scalar twins run, the
 * warning says how to enable the fast path, results are still correct).
 */
class ScalarFallbackTest {
    @Test
    void choosesThePathOnceAndExplainsAFallback() {
        boolean expectVector = Boolean.parseBoolean(System.getProperty("vecnn.expectVector", "true"));
        assertEquals(expectVector, VectorSupport.enabled());
        if (expectVector) {
            assertNull(VectorSupport.fallbackReason());
        } else {
            assertTrue(VectorSupport.fallbackReason().contains("--add-modules jdk.incubator.vector"),
                    VectorSupport.fallbackReason());
        }
        GemmCase c = GemmCase.random(false, true, 37, 41, 300, 1.0, 0.0, 1, 3, 5);
        c.assertClose(c.runFloat(true), c.runFloat(false), true);
        c.assertClose(c.runDouble(true), c.runDouble(false), false);
    }

    @Test
    void fusedEpiloguesGiveTheKnownAnswerOnEitherPath() {
        // [1 2; 3 4] * [1 -1; 1 1] = [3 1; 7 1]; + bias [-5 0] = [-2 1; 2 1]; relu = [0 1; 2 1]
        float[] a = {1, 2, 3, 4};
        float[] w = {1, -1, 1, 1};
        float[] z = new float[4];
        FusedGemm.sgemmBiasActivation(false, false, 2, 2, 2, a, 0, 2, w, 0, 2, new float[] {-5, 0}, 0,
                Activation.RELU, 0, z, 0, 2);
        assertArrayEquals(new float[] {0, 1, 2, 1}, z);
        // D * W^T with D = [1 2; 3 4]: [-1 3; -1 7], times relu'(z) = [0 1; 1 1] -> [0 3; -1 7]
        double[] d = new double[4];
        FusedGemm.dgemmActivationDerivative(false, true, 2, 2, 2, new double[] {1, 2, 3, 4}, 0, 2,
                new double[] {1, -1, 1, 1}, 0, 2, Activation.RELU, 0, new double[] {0, 1, 2, 1}, 0, 2, d, 0, 2);
        assertArrayEquals(new double[] {0, 3, -1, 7}, d);
    }

    @Test
    void lossesMayWriteTheDeltaOverTheirInputsOnEitherPath() {
        // The scalar twins wrote delta before reading p and y for the loss term, so a delta given
        // in place of p or y changed the value (session 11; LossesTest covers the vector path).
        java.util.Random r = new java.util.Random(5);
        int rows = 3;
        int cols = 7;
        for (Loss loss : Loss.values()) {
            double[] p = new double[rows * cols];
            double[] y = new double[rows * cols];
            for (int i = 0; i < p.length; i++) {
                p[i] = 0.05 + 0.9 * r.nextDouble();
                y[i] = r.nextInt(2);
            }
            double[] delta = new double[p.length];
            double value = Losses.loss(loss, p, y, null, rows, cols, delta);
            double[] inP = p.clone();
            assertEquals(value, Losses.loss(loss, inP, y, null, rows, cols, inP), loss + " with delta = p");
            assertArrayEquals(delta, inP, loss + " delta written over p");
            float[] pf = new float[p.length];
            float[] yf = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                pf[i] = (float) p[i];
                yf[i] = (float) y[i];
            }
            float[] deltaF = new float[p.length];
            float valueF = Losses.loss(loss, pf, yf, null, rows, cols, deltaF);
            assertEquals(valueF, Losses.loss(loss, pf, yf, null, rows, cols, yf), loss + " with delta = y");
            assertArrayEquals(deltaF, yf, loss + " delta written over y");
        }
    }

    @Test
    void threadCountComesFromTheEnvironmentWhenSet() {
        String env = System.getenv("VECNN_THREADS");
        int want = env == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(env);
        assertEquals(want, Gemm.threads());
    }
}
