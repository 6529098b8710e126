package dev.vecnn.kernels;

/**
 * Compiles the SIMD kernels before the first real call.
 *
 * <p>The JIT compiles a method only after it has run a while, and until then Vector API code is
 * very slow (each vector is a heap object). Left to itself, the first MNIST-sized epoch takes
 * seconds instead of tens of milliseconds while the kernels are promoted one after the other.
 * A warm-up runs every kernel of one precision on tiny operands until the JIT has promoted them,
 * which costs a fraction of that. The estimators call it at the start of each fit; benchmarks
 * and other callers may call it themselves. It is idempotent (the work is done once per JVM and
 * precision), thread-safe, and does nothing when the scalar twins are in use.
 */
public final class Warmup {
    /** Rounds over every kernel: enough calls for the JIT's second tier (about 5000 per method). */
    static final int ROUNDS = 2500;
    private static volatile boolean floatsDone;
    private static volatile boolean doublesDone;

    private Warmup() {
    }

    /** Warms up the float kernels (once per JVM). */
    public static void forFloat() {
        if (floatsDone || !VectorSupport.enabled()) {
            return;
        }
        synchronized (Warmup.class) {
            if (!floatsDone) {
                WarmupF32.Operands operands = new WarmupF32.Operands();
                for (int i = 0; i < ROUNDS; i++) {
                    WarmupF32.round(i, operands);
                }
                floatsDone = true;
            }
        }
    }

    /** Warms up the double kernels (once per JVM). */
    public static void forDouble() {
        if (doublesDone || !VectorSupport.enabled()) {
            return;
        }
        synchronized (Warmup.class) {
            if (!doublesDone) {
                WarmupF64.Operands operands = new WarmupF64.Operands();
                for (int i = 0; i < ROUNDS; i++) {
                    WarmupF64.round(i, operands);
                }
                doublesDone = true;
            }
        }
    }
}
