package dev.vecnn.kernels;

import java.lang.System.Logger.Level;

/**
 * Decides once, for the whole library, whether the SIMD kernels can run.
 *
 * <p>The kernels need the incubating module {@code jdk.incubator.vector}. When the JVM was started
 * without {@code --add-modules jdk.incubator.vector} the module is not readable, every kernel runs
 * its scalar twin instead, and one warning says how to enable the fast path. Results are correct
 * either way. The system property {@code vecnn.vector=false} forces the scalar twins (for tests and
 * for comparing against them).
 */
public final class VectorSupport {
    private static final String MODULE = "jdk.incubator.vector";
    private static String fallbackReason;
    private static final boolean ENABLED = decide();

    private VectorSupport() {
    }

    /**
     * Returns whether the SIMD kernels are in use (otherwise the scalar twins are).
     *
     * @return true for the SIMD kernels, false for the scalar twins
     */
    public static boolean enabled() {
        return ENABLED;
    }

    /** Why the scalar twins run, as logged once; null when the SIMD kernels are in use. */
    static String fallbackReason() {
        return fallbackReason;
    }

    private static boolean decide() {
        System.Logger log = System.getLogger("dev.vecnn.kernels");
        if ("false".equalsIgnoreCase(System.getProperty("vecnn.vector"))) {
            fallbackReason = "vecnn: SIMD kernels switched off by -Dvecnn.vector=false; using scalar twins";
            log.log(Level.INFO, fallbackReason);
            return false;
        }
        boolean readable = ModuleLayer.boot().findModule(MODULE)
                .map(VectorSupport.class.getModule()::canRead)
                .orElse(false);
        if (!readable) {
            fallbackReason = "vecnn: module " + MODULE + " is not readable, so vecnn runs its slower"
                    + " scalar kernels; start java with --add-modules " + MODULE + " to enable the SIMD kernels";
            log.log(Level.WARNING, fallbackReason);
        }
        return readable;
    }
}
