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
 * the caches. The parts are dealt out as one contiguous range per thread, the caller's first
 * (with as many parts as threads: part 0 the caller's, part w the w-th worker's), so a product
 * called again with the same shape finds its share of A, B and C in the same core's cache
 * (claiming parts first come, first served moved them between the cores from call to call). A
 * thread done with its range takes the unclaimed parts from the ends of the others' (a worker
 * descheduled by another process, or a core slowed by another tenant, leaves them). Waking a
 * parked thread costs tens of microseconds, about as much as a mid-sized product takes, so an
 * idle worker first spins for {@link #SPIN_NANOS} before parking: back-to-back products (a
 * training loop) find their workers awake. One job runs at a time; a caller that finds the
 * workers busy (another thread's product) runs its parts itself.
 *
 * <p>The thread count comes from {@link #setThreads(int)}, else the environment variable
 * {@code VECNN_THREADS} (as {@code OPENBLAS_NUM_THREADS} does for OpenBLAS), else the number of
 * available processors. Internal: users set it through {@code dev.vecnn.kernels.Gemm}.
 */
public final class Workers {
    /** How long an idle worker spins before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final ReentrantLock BUSY = new ReentrantLock();
    /** Bound while a thread runs parts on its own (one part, one thread, or the workers busy elsewhere). */
    private static final ScopedValue<Boolean> RUNNING_PARTS_ALONE = ScopedValue.newInstance();
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

    /**
     * Whether the calling thread is running a part of a job: a worker, the caller that published
     * it, or a thread running every part itself.
     */
    private static boolean insidePart() {
        return Thread.currentThread() instanceof Worker || BUSY.isHeldByCurrentThread()
                || RUNNING_PARTS_ALONE.isBound();
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
     * Where part {@code part} of {@code count} items cut into {@code parts} near-equal parts
     * starts ({@code part = parts} gives {@code count}), in long arithmetic, so that a count near
     * {@code Integer.MAX_VALUE} times a part number cannot overflow.
     */
    public static int partStart(int count, int part, int parts) {
        return (int) ((long) count * part / parts);
    }

    /**
     * Runs {@code body} for parts 0..parts-1 on up to {@link #threads()} threads (never more than
     * {@code parts}) and waits for all; more parts than threads are dealt out as in
     * {@link #run(int, int, IntConsumer)}. Called from inside a part (see {@link #available()}),
     * it runs every part on the calling thread.
     */
    public static void run(int parts, IntConsumer body) {
        run(parts, threads, body);
    }

    /**
     * Runs {@code body} for parts 0..parts-1 on up to {@code threads} threads and waits for all.
     * The parts are cut into one contiguous range per thread (the caller's first); each thread
     * runs its own range in order and then takes the parts nobody has claimed from the ends of
     * the others' ranges. Threads of equal speed so run the same parts call after call (their
     * rows of C stay in their caches), and a faster one takes over the last parts of a slower one.
     */
    public static void run(int parts, int threads, IntConsumer body) {
        if (parts == 1) {
            // One part is the caller's own work, as if called directly: its kernels may split.
            body.accept(0);
            return;
        }
        if (threads == 1 || insidePart() || !BUSY.tryLock()) {
            if (insidePart()) {
                runAll(parts, body);
            } else {
                // Parts run here (one thread, or the workers busy with another caller's job) are
                // parts all the same: a kernel inside runs on this thread alone.
                ScopedValue.where(RUNNING_PARTS_ALONE, Boolean.TRUE).run(() -> runAll(parts, body));
            }
            return;
        }
        try {
            Job job = new Job(body, parts, Math.min(parts, threads));
            // Part 0 is claimed before any worker can see the job: a spinning worker that finished
            // its own part before the caller got going would otherwise take the caller's too.
            job.claim(0);
            int helpers = Math.min(parts, threads) - 1;
            ensureWorkers(helpers);
            current = job;
            for (int w = 0; w < helpers; w++) {
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

    private static void runAll(int parts, IntConsumer body) {
        for (int part = 0; part < parts; part++) {
            body.accept(part);
        }
    }

    private static void ensureWorkers(int count) {
        while (POOL.size() < count) {
            Worker w = new Worker(POOL.size() + 1);
            POOL.add(w);
            w.start();
        }
    }

    /** One parallel call: each part is claimed once, its own thread's range first (see {@link #run(int, int, IntConsumer)}). */
    private static final class Job {
        final IntConsumer body;
        final int parts;
        final int owners;
        final AtomicIntegerArray claimed;
        final AtomicInteger done = new AtomicInteger();
        volatile RuntimeException failure;

        Job(IntConsumer body, int parts, int owners) {
            this.body = body;
            this.parts = parts;
            this.owners = owners;
            this.claimed = new AtomicIntegerArray(parts);
        }

        /** The first part of thread {@code owner}'s range (of {@code owners}); {@code owners} gives the end. */
        private int rangeStart(int owner) {
            return (int) ((long) parts * owner / owners);
        }

        /** Runs this thread's range {@code own} in order, then what is left of the others', from their ends. */
        void workFrom(int own) {
            if (own < owners) {
                for (int part = rangeStart(own); part < rangeStart(own + 1); part++) {
                    runIfUnclaimed(part);
                }
            }
            for (int i = 1; i <= owners; i++) {
                int other = (own + i) % owners;
                for (int part = rangeStart(other + 1) - 1; part >= rangeStart(other); part--) {
                    runIfUnclaimed(part);
                }
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

        /**
         * Runs a part this thread has claimed; a failure is kept for the caller. Any throwable:
         * a checked exception thrown past the compiler (Kotlin, Lombok's SneakyThrows) would
         * otherwise end a worker for good, or take the caller out before the others finish.
         */
        void runPart(int part) {
            try {
                body.accept(part);
            } catch (Throwable e) {
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
