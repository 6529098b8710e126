package dev.vecnn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Two GEMM implementations on the same product, called in turn inside one fork, so that their
 * ratio is measured over the same stretches of the machine's speed. {@link GemmBenchmark} runs
 * each implementation in a fork of its own; on a shared machine whose speed moves by tens of
 * percent between forks (docs/results.md) the ratio of two such forks says more about the
 * moments they ran in than about the code. Here every operation runs both sides in turn, the
 * order swapped from one operation to the next: each side one untimed product (its operands back
 * in the caches the other side's product used) and then a timed block of products, about a
 * millisecond long ({@link #BLOCK_NANOS}), much shorter than the seconds the machine stays in one
 * speed. A side's products right after the other side's found their operands evicted: timed one
 * by one, vecnn's float 200x100x784 ran at 0.85 of OpenBLAS's, in blocks at 0.93 (a different
 * question: how fast each is on operands another library has just evicted; the other benchmarks
 * and this one's blocks measure operands already in cache).
 *
 * <p>{@code pair} names the two sides as {@code impl@threads:impl@threads}, e.g.
 * {@code vecnn@1:openblas-cpu@1} (vecnn against OpenBLAS, one thread each) or
 * {@code vecnn@2:vecnn@1} (vecnn's two-thread speed-up). {@code shape} is {@code MxNxK},
 * optionally followed by {@code xTN} or {@code xNT}. JMH reports these secondary results:
 * <ul>
 *   <li>{@code speedup}: the second side's mean time per product over the first's in each
 *       iteration, so above 1 when the first side is faster (vecnn's ratio to OpenBLAS in the
 *       issue's terms);</li>
 *   <li>{@code pairedSpeedup}: the median over the iteration's operations of each operation's
 *       own ratio (its two blocks'), which follows the machine's speed changes more closely;</li>
 *   <li>{@code firstGflops}, {@code secondGflops}: 2mnk over each side's mean time per product.</li>
 * </ul>
 * JMH prints their mean over the measurement iterations and forks, without an error (it gives
 * none for these counters); while it runs, the line it prints per iteration shows each figure
 * divided by the number of measured iterations (its share of that mean). The primary score is
 * the time of one operation (both blocks).
 *
 * <p>Two threads against OpenBLAS on two threads are not comparable in one JVM on a two-core
 * machine: OpenBLAS's idle threads keep spinning for a while after each call and take the core
 * vecnn's worker needs. vecnn against itself at two thread counts is fine.
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *       -jar bench/target/benchmarks.jar jmh GemmPairBenchmark -p dtype=f32
 *   ... jmh GemmPairBenchmark -p pair=vecnn@2:vecnn@1 -p shape=1024x1024x1024
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GemmPairBenchmark {
    /** The two sides, {@code impl@threads:impl@threads}. */
    @Param({"vecnn@1:openblas-cpu@1"})
    public String pair;

    /** {@code MxNxK} with an optional {@code xTN} or {@code xNT}: the MLP's products and three squares. */
    @Param({"200x100x784", "200x50x100", "200x10x50", "784x100x200xTN", "100x50x200xTN", "200x100x50xNT",
            "256x256x256", "512x512x512", "1024x1024x1024"})
    public String shape;

    /** f32 or f64. */
    @Param({"f32", "f64"})
    public String dtype;

    /** How long a side's timed block of products should take, in nanoseconds. */
    static final long BLOCK_NANOS = 1_000_000;

    private Side first;
    private Side second;
    private boolean firstGoesFirst;
    /** Products per block, from the last operation's times (one until then). */
    private int perBlock = 1;
    /** The last product's output, returned for JMH to consume. */
    private Object output;

    /** One implementation at one thread count, set up for the benchmark's problem. */
    static final class Side {
        final Peer peer;
        final int threads;
        private PeerGemm gemm;

        private Side(Peer peer, int threads) {
            this.peer = peer;
            this.threads = threads;
        }

        /** {@code impl@threads}, e.g. {@code vecnn@2}. */
        static Side parse(String text) {
            String[] parts = text.trim().split("@");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a side of pair must be impl@threads, got '" + text + "'");
            }
            int threads;
            try {
                threads = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("threads of '" + text + "' must be a number", e);
            }
            return new Side(Peer.parse(parts[0]), threads);
        }

        void open(GemmProblem problem) {
            gemm = peer.open(problem, threads);
            multiply();
            GemmCheck.verify(problem, gemm.result(), peer + " at threads = " + threads);
        }

        Object multiply() {
            if (peer == Peer.VECNN) {
                // The thread count is vecnn's global setting: each side sets its own before its call.
                dev.vecnn.kernels.Gemm.setThreads(threads);
            }
            return gemm.multiply();
        }

        void close() {
            if (gemm != null) {
                gemm.close();
            }
        }

        @Override
        public String toString() {
            return peer + "@" + threads;
        }
    }

    /** The two sides of {@code pair}, checked: each at most once, and OpenBLAS on one side only. */
    static Side[] parsePair(String text) {
        String[] parts = text.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("pair must be impl@threads:impl@threads, got '" + text + "'");
        }
        Side a = Side.parse(parts[0]);
        Side b = Side.parse(parts[1]);
        if (a.peer == b.peer && a.threads == b.threads) {
            throw new IllegalArgumentException("pair compares a side with itself: '" + text + "'");
        }
        if (a.peer != Peer.VECNN && a.peer == b.peer) {
            // Only vecnn's thread count can be set per call; OpenBLAS's applies to the whole process.
            throw new IllegalArgumentException("pair may name " + a.peer + " once only, got '" + text + "'");
        }
        if (isOpenBlas(a.peer) && isOpenBlas(b.peer)) {
            throw new IllegalArgumentException("pair may name one OpenBLAS kernel set only, got '" + text + "'");
        }
        return new Side[] {a, b};
    }

    private static boolean isOpenBlas(Peer peer) {
        return peer == Peer.OPENBLAS || peer == Peer.OPENBLAS_CPU;
    }

    /** {@code MxNxK} or {@code MxNxKxTN} / {@code xNT}: the shape and the transpose flags. */
    static GemmProblem problem(String shape, String dtype) {
        String[] parts = shape.trim().split("x");
        String trans = parts.length == 4 ? parts[3] : "NN";
        return GemmProblem.random(dimensions(shape), Trans.parse(trans), Precision.parse(dtype));
    }

    /** The floating-point operations of one product of {@code shape}: 2mnk. */
    static long flops(String shape) {
        GemmShape s = dimensions(shape);
        return 2L * s.m() * s.n() * s.k();
    }

    private static GemmShape dimensions(String shape) {
        String[] parts = shape.trim().split("x");
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException("shape must be MxNxK or MxNxKxTN / xNT, got '" + shape + "'");
        }
        return GemmShape.parse(parts[0] + "x" + parts[1] + "x" + parts[2]);
    }

    /**
     * Per-iteration totals, reported as JMH's secondary results. JMH adds an events counter up
     * over the measurement iterations and forks, so each figure is scaled by one over their number:
     * what JMH prints is the mean of the iterations' figures.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        /** Most operations whose own ratio an iteration keeps for the median. */
        static final int MAX_PAIRED = 1 << 20;
        // 1 until JMH's parameters are known (so a unit test reads the plain figures).
        double share = 1;
        long flops;
        private long calls;
        private long firstNanos;
        private long secondNanos;
        private final PairedRatios ratios = new PairedRatios(MAX_PAIRED);

        @Setup(Level.Trial)
        public void measuredRuns(BenchmarkParams params) {
            share = IterationShare.of(params);
            flops = flops(params.getParam("shape"));
        }

        @Setup(Level.Iteration)
        public void clear() {
            ratios.clear();
            calls = 0;
            firstNanos = 0;
            secondNanos = 0;
        }

        /** One operation: each side's time for the same number of products. */
        void add(long first, long second, int products) {
            ratios.add((double) second / Math.max(1, first));
            calls += products;
            firstNanos += first;
            secondNanos += second;
        }

        public double speedup() {
            return firstNanos == 0 ? 0 : share * secondNanos / firstNanos;
        }

        public double pairedSpeedup() {
            return share * ratios.median();
        }

        public double firstGflops() {
            return firstNanos == 0 ? 0 : share * flops * calls / (double) firstNanos;
        }

        public double secondGflops() {
            return secondNanos == 0 ? 0 : share * flops * calls / (double) secondNanos;
        }
    }

    /** Sets both sides up on one problem; each checks its product against the reference. */
    @Setup(Level.Trial)
    public void setUp() {
        Side[] sides = parsePair(pair);
        GemmProblem problem = problem(shape, dtype);
        first = sides[0];
        second = sides[1];
        first.open(problem);
        second.open(problem);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Benchmark
    public Object run(Totals totals) {
        // The order alternates, so that neither side always finds the caches as the other left them.
        firstGoesFirst = !firstGoesFirst;
        Side early = firstGoesFirst ? first : second;
        Side late = firstGoesFirst ? second : first;
        int n = perBlock;
        long earlyNanos = block(early, n);
        long lateNanos = block(late, n);
        long firstNanos = firstGoesFirst ? earlyNanos : lateNanos;
        long secondNanos = firstGoesFirst ? lateNanos : earlyNanos;
        totals.add(firstNanos, secondNanos, n);
        perBlock = (int) Math.max(1, Math.min(1 << 20, BLOCK_NANOS * n / Math.max(1, Math.max(firstNanos, secondNanos))));
        return output;
    }

    /** One untimed product (operands back in cache), then n timed ones: their time. */
    private long block(Side side, int n) {
        output = side.multiply();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            output = side.multiply();
        }
        return System.nanoTime() - t0;
    }
}
