package dev.vecnn.kernels.gemm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The worker threads shared by every parallel kernel: created on first use and reused, never
 * created per call. Part 0 of every job runs on the calling thread.
 *
 * <p>The thread count comes from {@link #setThreads(int)}, else the environment variable
 * {@code VECNN_THREADS} (as {@code OPENBLAS_NUM_THREADS} does for OpenBLAS), else the number of
 * available processors. Internal: users set it through {@code dev.vecnn.kernels.Gemm}.
 */
public final class Workers {
    private static final ThreadFactory DAEMONS = new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "vecnn-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    };
    private static final ExecutorService POOL = Executors.newCachedThreadPool(DAEMONS);
    private static volatile int threads = defaultThreads();

    private Workers() {
    }

    /** The number of threads a kernel may use. */
    public static int threads() {
        return threads;
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

    /** Runs {@code body} for parts 0..parts-1, part 0 on the caller, and waits for all of them. */
    static void run(int parts, IntConsumer body) {
        if (parts == 1) {
            body.accept(0);
            return;
        }
        Future<?>[] pending = new Future<?>[parts - 1];
        for (int part = 1; part < parts; part++) {
            int id = part;
            pending[part - 1] = POOL.submit(() -> body.accept(id));
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
