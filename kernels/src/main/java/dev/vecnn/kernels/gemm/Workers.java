package dev.vecnn.kernels.gemm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The worker threads shared by every parallel kernel: daemon threads created on first use and
 * reused, never created per call.
 *
 * <p>A job is cut into parts; which thread runs which part never matters for the result, only for
 * the caches. Part 0 is the caller's and part w the w-th worker's, so a product called again with
 * the same shape finds its share of A, B and C in the same core's cache (claiming parts first come,
 * first served moved them between the cores from call to call). A part whose worker has not
 * claimed it by the time the caller is done with its own (a worker descheduled by another
 * process) is run by the caller. Waking a parked thread costs tens of microseconds, about as much as a
 * mid-sized product takes, so an idle worker first spins for {@link #SPIN_NANOS} before parking:
 * back-to-back products (a training loop) find their workers awake. One job runs at a time; a
 * caller that finds the workers busy (another thread's product) runs its parts itself.
 *
 * <p>The thread count comes from {@link #setThreads(int)}, else the environment variable
 * {@code VECNN_THREADS} (as {@code OPENBLAS_NUM_THREADS} does for OpenBLAS), else the number of
 * available processors. Internal: users set it through {@code dev.vecnn.kernels.Gemm}.
 */
public final class Workers {
    /** How long an idle worker spins before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final ReentrantLock BUSY = new ReentrantLock();
    private static final List<Worker> POOL = new ArrayList<>();
    private static volatile Job current;
    private static volatile int threads = defaultThreads();

    private Workers() {
    }

    /** The number of threads a kernel may use. */
    public static int threads() {
        return threads;
    }

    /**
     * The number of threads a kernel called now may use: {@link #threads()}, or 1 on a thread that
     * is running a part of a job (a kernel called inside a parallel region runs on that region's
     * thread alone instead of nesting a job in it).
     */
    public static int available() {
        return insidePart() ? 1 : threads;
    }

    /** Whether the calling thread is running a part of a job: a worker, or the caller that published it. */
    private static boolean insidePart() {
        return Thread.currentThread() instanceof Worker || BUSY.isHeldByCurrentThread();
    }

    /**
     * The fewest multiply-adds worth splitting over threads: the GEMM's small-product limit
     * ({@code GemmTuning.SMALL_FLOPS}), shared with callers that split their own work.
     */
    public static long minParallelMultiplyAdds() {
        return GemmTuning.SMALL_FLOPS;
    }

    /** Sets the number of threads a kernel may use (at least 1). */
    public static void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + count);
        }
        threads = count;
    }

    static int defaultThreads() {
        int cpus = Runtime.getRuntime().availableProcessors();
        String env = System.getenv("VECNN_THREADS");
        if (env == null || env.isBlank()) {
            return cpus;
        }
        try {
            int value = Integer.parseInt(env.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the warning below
        }
        System.getLogger("dev.vecnn.kernels").log(System.Logger.Level.WARNING,
                "vecnn: VECNN_THREADS=" + env + " is not a positive integer; using " + cpus);
        return cpus;
    }

    /**
     * Runs {@code body} for parts 0..parts-1 on up to {@code parts} threads and waits for all.
     * Called from inside a part (see {@link #available()}), it runs every part on the calling thread.
     */
    public static void run(int parts, IntConsumer body) {
        if (parts == 1 || insidePart() || !BUSY.tryLock()) {
            for (int part = 0; part < parts; part++) {
                body.accept(part);
            }
            return;
        }
        try {
            Job job = new Job(body, parts);
            // Part 0 is claimed before any worker can see the job: a spinning worker that finished
            // its own part before the caller got going would otherwise take the caller's too.
            job.claim(0);
            ensureWorkers(parts - 1);
            current = job;
            for (int w = 0; w < parts - 1; w++) {
                LockSupport.unpark(POOL.get(w));
            }
            job.runPart(0);
            job.workFrom(0);
            job.awaitDone();
            current = null;
            job.rethrow();
        } finally {
            BUSY.unlock();
        }
    }

    private static void ensureWorkers(int count) {
        while (POOL.size() < count) {
            Worker w = new Worker(POOL.size() + 1);
            POOL.add(w);
            w.start();
        }
    }

    /** One parallel call: each part is claimed once, its own thread's first (see the class comment). */
    private static final class Job {
        final IntConsumer body;
        final int parts;
        final AtomicIntegerArray claimed;
        final AtomicInteger done = new AtomicInteger();
        volatile RuntimeException failure;

        Job(IntConsumer body, int parts) {
            this.body = body;
            this.parts = parts;
            this.claimed = new AtomicIntegerArray(parts);
        }

        /** Runs part {@code own} if nobody has claimed it yet, then every part still unclaimed. */
        void workFrom(int own) {
            if (own < parts) {
                runIfUnclaimed(own);
            }
            for (int part = 0; part < parts; part++) {
                runIfUnclaimed(part);
            }
        }

        private void runIfUnclaimed(int part) {
            if (claim(part)) {
                runPart(part);
            }
        }

        /** Whether this thread now owns {@code part} (nobody had claimed it). */
        boolean claim(int part) {
            return claimed.get(part) == 0 && claimed.compareAndSet(part, 0, 1);
        }

        /** Runs a part this thread has claimed; a failure is kept for the caller. */
        void runPart(int part) {
            try {
                body.accept(part);
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            } finally {
                done.incrementAndGet();
            }
        }

        void awaitDone() {
            while (done.get() < parts) {
                Thread.onSpinWait();
            }
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static final class Worker extends Thread {
        private final int id;

        Worker(int id) {
            super("vecnn-worker-" + id);
            this.id = id;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job last = null;
            long idleSince = System.nanoTime();
            while (true) {
                Job job = current;
                if (job != null && job != last) {
                    last = job;
                    job.workFrom(id);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
