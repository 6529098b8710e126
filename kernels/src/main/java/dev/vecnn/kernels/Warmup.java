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
 * which costs a fraction of that (about 2 s on the project's machine). The estimators call it at
 * the start of fits large enough to gain from it; benchmarks and other callers may call it
 * themselves. It is idempotent (the work is done once per JVM and
 * precision), thread-safe, and does nothing when the scalar twins are in use.
 */
public final class Warmup {
    /**
     * Rounds over every kernel. Each kernel method runs several times per round, so this reaches
     * the JIT's second-tier thresholds (thousands of calls) for all of them.
     */
    static final int ROUNDS = 2500;
    /** Rounds between two looks at the JIT's compile time, once the first ROUNDS are done. */
    static final int ROUNDS_PER_CHECK = 100;
    /** The JIT counts as done when its compile time has not grown for this long. */
    static final long QUIET_NANOS = 300_000_000L;
    /** The most time spent in rounds after the first ROUNDS, however busy the JIT stays. */
    static final long MAX_EXTRA_NANOS = 4_000_000_000L;
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
     * Runs more rounds while the JIT keeps compiling. After the first rounds the last-tier
     * compiler is still seconds behind on this project's 2-core machine: methods are queued, or
     * their counters have not yet asked for the last tier, and they run as C1 code, where every
     * vector is a heap object. Measured (PrintCompilation, JFR): 20 kernels, Adam among them, were
     * still C1 code when the rounds ended, and Adam alone took 63% of the first MNIST epoch
     * (290 ms against 21 for later epochs). Rounds keep their counters rising; the loop ends when
     * the JIT's total compile time has not grown for QUIET_NANOS, or after MAX_EXTRA_NANOS.
     */
    private static void untilCompiled(IntConsumer rounds) {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long start = System.nanoTime();
        long compiled = jit.getTotalCompilationTime();
        long quietSince = start;
        while (true) {
            rounds.accept(ROUNDS_PER_CHECK);
            long now = System.nanoTime();
            long total = jit.getTotalCompilationTime();
            if (total != compiled) {
                compiled = total;
                quietSince = now;
            } else if (now - quietSince >= QUIET_NANOS) {
                return;
            }
            if (now - start >= MAX_EXTRA_NANOS) {
                return;
            }
        }
    }

    private static void once(AtomicBoolean done, IntConsumer rounds) {
        if (done.get() || !VectorSupport.enabled()) {
            return;
        }
        synchronized (Warmup.class) {
            if (!done.get()) {
                rounds.accept(ROUNDS);
                untilCompiled(rounds);
                done.set(true);
            }
        }
    }
}
