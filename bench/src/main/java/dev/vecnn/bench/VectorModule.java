package dev.vecnn.bench;

/**
 * Whether this JVM can see {@code jdk.incubator.vector}. Without it vecnn and netlib silently
 * fall back to scalar code, so the benchmark refuses to measure them rather than report a
 * fallback as the library's speed.
 */
final class VectorModule {
    static final String NAME = "jdk.incubator.vector";

    private VectorModule() {
    }

    static boolean present() {
        return ModuleLayer.boot().findModule(NAME).isPresent();
    }

    static void require(String who) {
        if (!present()) {
            throw new IllegalStateException(who + " needs the vector module in the benchmark JVM: pass --add-modules="
                    + NAME + " (the runner dev.vecnn.bench.Main adds it to every fork)");
        }
    }
}
