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

    /**
     * A checked exception thrown past the compiler (Kotlin, Lombok's SneakyThrows) by a worker's
     * part reaches the caller, wrapped, and leaves the pool whole; one thrown by the caller's own
     * part comes out only after the other parts have finished.
     */
    @Test
    void aCheckedExceptionFromAPartReachesTheCallerAndKeepsThePool() {
        Gemm.setThreads(2);
        Thread caller = Thread.currentThread();
        for (int round = 0; round < 3; round++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.run(2, part -> {
                if (Thread.currentThread() != caller) {
                    throwUnchecked(new java.io.IOException("checked, from a worker"));
                }
                sleep(50);
            }));
            assertTrue(e.getCause() instanceof java.io.IOException, String.valueOf(e.getCause()));
        }
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        Parallel.run(2, part -> {
            ranOn.add(Thread.currentThread());
            sleep(50);
        });
        assertEquals(2, ranOn.size(), "both threads still take parts");

        java.util.concurrent.atomic.AtomicBoolean otherFinished = new java.util.concurrent.atomic.AtomicBoolean();
        assertThrows(IllegalStateException.class, () -> Parallel.run(2, part -> {
            if (Thread.currentThread() == caller) {
                sleep(20); // so that the worker has taken the other part
                throwUnchecked(new java.io.IOException("checked, from the caller"));
            }
            sleep(100);
            otherFinished.set(true);
        }));
        assertTrue(otherFinished.get(), "the call ended before the worker's part did");
    }

    /** While another thread's region holds the workers, a second caller's parts are parts too. */
    @Test
    void partsRunByTheCallerWhileTheWorkersAreBusySeeOneThread() throws Exception {
        Gemm.setThreads(2);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> Parallel.run(2, part -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        try {
            assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS), "the other region started");
            int[] seen = new int[2];
            Parallel.run(2, part -> seen[part] = Parallel.threads());
            assertEquals(1, seen[0]);
            assertEquals(1, seen[1]);
        } finally {
            release.countDown();
            other.join();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void badArgumentsNameTheArgument() {
        IllegalArgumentException parts = assertThrows(IllegalArgumentException.class, () -> Parallel.run(0, p -> { }));
        assertTrue(parts.getMessage().contains("parts"), parts.getMessage());
        IllegalArgumentException body = assertThrows(IllegalArgumentException.class, () -> Parallel.run(2, null));
        assertTrue(body.getMessage().contains("body"), body.getMessage());
    }
}
