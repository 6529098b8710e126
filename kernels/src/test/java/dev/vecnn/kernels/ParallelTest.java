package dev.vecnn.kernels;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Parallel}: every part runs once, kernels inside a part run on its thread alone, bad arguments. */
class ParallelTest {
    private final int savedThreads = Gemm.threads();

    @AfterEach
    void restoreThreads() {
        Gemm.setThreads(savedThreads);
    }

    @Test
    void everyPartRunsOnceAndNothingNests() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            Gemm.setThreads(threads);
            assertEquals(threads, Parallel.threads());
            for (int parts : new int[] {1, 2, 3, 7}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                AtomicIntegerArray inside = new AtomicIntegerArray(parts);
                Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
                Parallel.run(parts, part -> {
                    runs.incrementAndGet(part);
                    ranOn.add(Thread.currentThread());
                    inside.set(part, Parallel.threads());
                    // A nested region runs on this thread, every part of it.
                    int[] nested = new int[3];
                    Parallel.run(3, p -> nested[p]++);
                    assertEquals(3, nested[0] + nested[1] + nested[2]);
                });
                // The thread count set is a limit whatever the number of parts (7 parts on one
                // thread once started six workers).
                assertTrue(ranOn.size() <= Math.min(parts, threads),
                        parts + " parts ran on " + ranOn.size() + " threads, " + threads + " allowed");
                for (int part = 0; part < parts; part++) {
                    assertEquals(1, runs.get(part), "part " + part + " of " + parts + ", " + threads + " threads");
                    int expected = parts == 1 ? threads : 1;
                    assertEquals(expected, inside.get(part), "threads seen inside part " + part);
                }
            }
        }
    }

    @Test
    void aFailingPartReachesTheCaller() {
        Gemm.setThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.run(2, part -> {
            if (part == 1) {
                throw new IllegalStateException("part one failed");
            }
        }));
        assertEquals("part one failed", e.getMessage());
        // The pool still works afterwards.
        AtomicIntegerArray runs = new AtomicIntegerArray(2);
        Parallel.run(2, runs::incrementAndGet);
        assertEquals(2, runs.get(0) + runs.get(1));
    }

    @Test
    void badArgumentsNameTheArgument() {
        IllegalArgumentException parts = assertThrows(IllegalArgumentException.class, () -> Parallel.run(0, p -> { }));
        assertTrue(parts.getMessage().contains("parts"), parts.getMessage());
        IllegalArgumentException body = assertThrows(IllegalArgumentException.class, () -> Parallel.run(2, null));
        assertTrue(body.getMessage().contains("body"), body.getMessage());
    }
}
