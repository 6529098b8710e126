package dev.vecnn.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Compiles the SIMD kernels before the first real call.
 *
 * <p>The JIT compiles a method only after it has run a while, and until then Vector API code is
 * very slow (each vector is a heap object). Left to itself, the first MNIST-sized epoch takes
 * seconds instead of tens of milliseconds while the kernels are promoted one after the other.
 * A warm-up runs every kernel of one precision on tiny operands until the JIT has promoted them,
 * which costs a fraction of that (3-4 s on the project's 2-core machine, session 7). The estimators call it at
 * the start of fits large enough to gain from it; benchmarks and other callers may call it
 * themselves. It is idempotent (the work is done once per JVM and
 * precision), thread-safe, and does nothing when the scalar twins are in use.
 */
public final class Warmup {
    /**
     * Rounds over every kernel. Each kernel method runs several times per round, and its loops
     * several vectors per call, so this reaches the JIT's last-tier thresholds (calls plus loop
     * iterations) for all of them. The rounds take both sides of the branches real products take
     * (whole and partial tiles, sparse and dense inputs, ranges that end their arrays), since the
     * JIT compiles a branch that never ran as a trap back into slow code. The fixed rounds do not
     * wait for the compilations they queue: waiting left every kernel compiled before the first
     * fit (whose first MNIST epoch then took 42-58 ms against 150-170 without), but made the
     * warm-up 1.5-2 s longer, and on one thread that compile work otherwise overlaps the fit on
     * the second core. Benchmarks that time the steady state wait with
     * {@link #forFloatUntilCompiled()} / {@link #forDoubleUntilCompiled()}.
     */
    static final int ROUNDS = 2500;
    private static final AtomicBoolean FLOATS_DONE = new AtomicBoolean();
    private static final AtomicBoolean DOUBLES_DONE = new AtomicBoolean();

    private Warmup() {
    }

    /** Warms up the float kernels (once per JVM). */
    public static void forFloat() {
        once(FLOATS_DONE, WarmupF32::rounds);
    }

    /** Warms up the double kernels (once per JVM). */
    public static void forDouble() {
        once(DOUBLES_DONE, WarmupF64::rounds);
    }

    /**
     * {@link #forFloat()}, then more rounds until the JIT has finished compiling what they
     * started (see {@link #untilCompiled}): for benchmarks that time the steady state.
     */
    public static void forFloatUntilCompiled() {
        forFloat();
        untilCompiled(WarmupF32::rounds);
    }

    /** {@link #forDouble()}, then more rounds until the JIT has finished; see {@link #forFloatUntilCompiled()}. */
    public static void forDoubleUntilCompiled() {
        forDouble();
        untilCompiled(WarmupF64::rounds);
    }

    /**
     * Runs batches of {@link #SETTLE_ROUNDS} rounds until one passes with the JIT's total
     * compilation time (all compiler threads) grown by less than {@link #SETTLE_COMPILE_MILLIS},
     * or for at most {@link #SETTLE_MAX_NANOS}. The fixed rounds of {@link #forDouble()} end with
     * compilations still queued: after them a few kernels were still C1 code (Adam's update,
     * parts of softmax and of the log-loss, a packing routine), and the first MNIST epoch of a fit
     * took 467 ms against 47 for the later ones (session 13, PrintCompilation). In a fit that
     * compile work overlaps the training (on the other core, with one thread); a benchmark that
     * reports seconds per epoch would count it in its first epochs.
     */
    private static void untilCompiled(IntConsumer rounds) {
        if (!VectorSupport.enabled()) {
            return;
        }
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + SETTLE_MAX_NANOS;
        synchronized (Warmup.class) {
            long before = jit.getTotalCompilationTime();
            while (System.nanoTime() < deadline) {
                rounds.accept(SETTLE_ROUNDS);
                long after = jit.getTotalCompilationTime();
                if (after - before < SETTLE_COMPILE_MILLIS) {
                    return;
                }
                before = after;
            }
        }
    }

    /** Rounds per batch of {@link #untilCompiled}. */
    static final int SETTLE_ROUNDS = 200;
    /** Compile time (ms, all compiler threads) below which a batch counts as settled. */
    static final long SETTLE_COMPILE_MILLIS = 5;
    /** The longest {@link #untilCompiled} waits. */
    static final long SETTLE_MAX_NANOS = 10_000_000_000L;

    private static void once(AtomicBoolean done, IntConsumer rounds) {
        if (done.get() || !VectorSupport.enabled()) {
            return;
        }
        synchronized (Warmup.class) {
            if (!done.get()) {
                rounds.accept(ROUNDS);
                done.set(true);
            }
        }
    }
}
