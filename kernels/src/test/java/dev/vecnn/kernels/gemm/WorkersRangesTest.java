package dev.vecnn.kernels.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * {@link Workers#run(int, int, java.util.function.IntConsumer)} with more parts than threads:
 * every part runs exactly once, each thread starts on its own contiguous range, and a thread done
 * with its range takes the parts left at the end of a slower thread's range.
 */
class WorkersRangesTest {
    @Test
    void aFastThreadTakesTheEndOfASlowThreadsRange() {
        int before = Workers.threads();
        try {
            Workers.setThreads(2);
            int parts = 12;
            AtomicIntegerArray runs = new AtomicIntegerArray(parts);
            ConcurrentHashMap<Integer, Thread> ranBy = new ConcurrentHashMap<>();
            Thread caller = Thread.currentThread();
            Workers.run(parts, 2, part -> {
                runs.incrementAndGet(part);
                ranBy.put(part, Thread.currentThread());
                // The worker is four times slower per part: the caller, done with parts 0-5 after
                // some 60 ms, takes the end of 6-11 while the worker is still on its second part.
                sleep(Thread.currentThread() == caller ? 10 : 40);
            });
            for (int part = 0; part < parts; part++) {
                assertEquals(1, runs.get(part), "part " + part + " ran " + runs.get(part) + " times");
            }
            for (int part = 0; part < 6; part++) {
                assertEquals(caller, ranBy.get(part), "the caller's own range, part " + part);
            }
            // The worker's range splits into a prefix the worker ran and a suffix the caller took
            // from its end (all of it, if the worker never got going).
            int split = 6;
            while (split < parts && ranBy.get(split) != caller) {
                split++;
            }
            for (int part = split; part < parts; part++) {
                assertEquals(caller, ranBy.get(part), "part " + part + " of the slow worker's range, after " + split);
            }
            assertTrue(split < parts, "the caller took none of the slow worker's parts");
        } finally {
            Workers.setThreads(before);
        }
    }

    @Test
    void everyPartRunsOnceForAnySplit() {
        for (int parts = 1; parts <= 17; parts++) {
            for (int threads = 1; threads <= 4; threads++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                Workers.run(parts, threads, runs::incrementAndGet);
                for (int part = 0; part < parts; part++) {
                    assertEquals(1, runs.get(part), parts + " parts on " + threads + " threads, part " + part);
                }
            }
        }
    }

    /** Part boundaries in long arithmetic: a count near 2^31 times a part number does not overflow. */
    @Test
    void partStartsDoNotOverflow() {
        int count = Integer.MAX_VALUE - 5;
        int parts = 64;
        long previous = 0;
        for (int part = 0; part <= parts; part++) {
            int start = Workers.partStart(count, part, parts);
            assertEquals((long) count * part / parts, start, "part " + part);
            assertTrue(start >= previous);
            previous = start;
        }
        assertEquals(count, Workers.partStart(count, parts, parts));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
