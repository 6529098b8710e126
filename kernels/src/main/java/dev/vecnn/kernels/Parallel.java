package dev.vecnn.kernels;

import dev.vecnn.kernels.gemm.Workers;
import java.util.function.IntConsumer;

/**
 * Parallel regions on vecnn's worker threads, for callers that want to run a sequence of kernels
 * per part (for example a network's forward pass over each part of a batch's rows) instead of
 * splitting each kernel on its own: one hand-off per region instead of one per kernel, and each
 * core keeps its part's data in its own cache from one kernel to the next.
 *
 * <p>Inside a part of a region of two or more parts every kernel runs on that part's thread alone
 * ({@link #threads()} is 1 there), whichever thread runs it (a worker, or the caller itself when
 * the workers are busy with another caller's region), so a region never nests one. A region of
 * one part is the caller's own work, as if called directly: its kernels may use the threads. Which thread runs which part is unspecified; a caller whose parts
 * write disjoint outputs, each computed the same way whatever the number of parts, gets the same
 * bits for any thread count (the kernels compute each output element the same way whatever range
 * of rows or columns they are given).
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * The number of threads a region started now may use: {@link Gemm#threads()}, or 1 when called
     * from inside a part.
     *
     * @return the thread count, at least 1
     */
    public static int threads() {
        return Workers.available();
    }

    /**
     * The fewest multiply-adds worth a region: handing work to another thread costs microseconds,
     * and a GEMM below this size runs on the calling thread too.
     *
     * @return the threshold, in multiply-adds
     */
    public static long minMultiplyAdds() {
        return Workers.minParallelMultiplyAdds();
    }

    /**
     * Runs {@code body.accept(part)} for every part in {@code [0, parts)}, on up to
     * {@link #threads()} threads (the caller's included; never more threads than parts), and
     * returns when all are done. With more parts than threads, each thread starts on a contiguous
     * range of parts, and one that finishes early takes the parts nobody has started from the ends
     * of the others' ranges, so small parts let a fast core make up for a slow one. A runtime
     * exception thrown by a part reaches the caller (one of them if several parts fail; an
     * {@link Error}, or a checked exception thrown past the compiler, may arrive wrapped in an
     * {@link IllegalStateException}) once no part is running any more, and which other parts ran
     * is then unspecified.
     *
     * @param parts number of parts, {@code >= 1}
     * @param body  work of one part, given the part's number; not null
     * @throws IllegalArgumentException if {@code parts < 1} or {@code body} is null
     */
    public static void run(int parts, IntConsumer body) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        }
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        Workers.run(parts, body);
    }
}
