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
    void threadCountComesFromTheEnvironmentWhenSet() {
        String env = System.getenv("VECNN_THREADS");
        int want = env == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(env);
        assertEquals(want, Gemm.threads());
    }
}
