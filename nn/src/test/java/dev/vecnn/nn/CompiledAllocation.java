package dev.vecnn.nn;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bytes allocated by compiled code on the calling thread, for the tests that assert a kernel or a
 * training step allocates nothing (interpreted Vector API code boxes every vector, so only
 * compiled code is measured).
 */
final class CompiledAllocation {
    private static final int WINDOWS = 5;

    private final com.sun.management.ThreadMXBean counter;

    private CompiledAllocation(com.sun.management.ThreadMXBean counter) {
        this.counter = counter;
    }

    /** The calling thread's allocation counter; skips the test on a JVM without HotSpot's. */
    static CompiledAllocation counterOrSkip() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        return new CompiledAllocation((com.sun.management.ThreadMXBean) threads);
    }

    /**
     * The least {@code work} allocated in up to WINDOWS runs, stopping at the first that allocated
     * nothing. In a full suite another test's calls can get a kernel deoptimized, and until C2 has
     * compiled it again (in the background, on a busy machine) its interpreted vectors are boxed
     * (seen once in five suite runs); boxing in compiled code allocates in every window.
     */
    long least(Runnable work) {
        long least = Long.MAX_VALUE;
        for (int window = 0; window < WINDOWS && least != 0; window++) {
            if (window > 0) {
                pauseForCompiler();
            }
            long before = counter.getCurrentThreadAllocatedBytes();
            work.run();
            least = Math.min(least, counter.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    /** How many windows {@link #least} tries. */
    static int windows() {
        return WINDOWS;
    }

    private static void pauseForCompiler() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
