package dev.vecnn.kernels;

import org.junit.jupiter.api.Test;

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
    void threadCountComesFromTheEnvironmentWhenSet() {
        String env = System.getenv("VECNN_THREADS");
        int want = env == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(env);
        assertEquals(want, Gemm.threads());
    }
}
