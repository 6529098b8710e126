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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link ElementwiseBenchmark}'s vector kernel, scalar twin and roofline timed in turn inside one
 * fork, each on arrays of its own: the same comparison without the drift between forks that
 * this shared machine adds (the separate forks put one-thread Adam in L2 at 0.49 of the roofline
 * where the three called in turn in one JVM gave 0.65-0.73, docs/results.md). Each operation runs
 * the three {@link InTurn}, blocks of about {@link #BLOCK_NANOS}. JMH
 * reports these secondary results per iteration, averaged over the measured iterations:
 * <ul>
 *   <li>{@code vectorGBs}, {@code scalarGBs}, {@code rooflineGBs}: bytes read and written
 *       ({@link ElementwiseBenchmark#bytesMoved}) over each one's time;</li>
 *   <li>{@code vectorOverRoofline} (issue 3: at least 0.8 at every level) and
 *       {@code vectorOverScalar}: ratios of those rates;</li>
 *   <li>{@code pairedVectorOverRoofline}: the median over the iteration's operations of each
 *       operation's own ratio.</li>
 * </ul>
 * While JMH runs, the line it prints per iteration shows each figure divided by the number of
 * measured iterations (its share of the mean). The primary score is the time of one operation.
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar jmh ElementwiseShareBenchmark -p kernel=adam
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ElementwiseShareBenchmark {
    /** How long each one's timed block of calls should take, in nanoseconds. */
    static final long BLOCK_NANOS = 2_000_000;
    static final String[] IMPLS = {"vector", "scalar", "roofline"};

    @Param({"exp", "tanh", "logistic", "relu", "adam", "sumsq", "softmax", "colsums"})
    public String kernel;
    /** Working set in bytes of each of the three: 256 KiB (L2), 8 MiB (L3), 256 MiB (DRAM). */
    @Param({"262144", "8388608", "268435456"})
    public long size;

    private InTurn turns;

    /**
     * Per-iteration totals, reported as JMH's secondary results (as in {@link GemmPairBenchmark}:
     * JMH sums events counters over the measured iterations, so each figure is scaled by one over
     * their number).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        static final int MAX_PAIRED = 1 << 16;
        // 1 until JMH's parameters are known (so a unit test reads the plain figures).
        double share = 1;
        long bytesPerCall;
        private final InTurnTotals sums = new InTurnTotals(IMPLS.length, MAX_PAIRED);

        @Setup(Level.Trial)
        public void measuredRuns(BenchmarkParams params) {
            share = IterationShare.of(params);
            bytesPerCall = ElementwiseBenchmark.bytesMoved(params.getParam("kernel"),
                    Long.parseLong(params.getParam("size")));
        }

        @Setup(Level.Iteration)
        public void clear() {
            sums.clear();
        }

        /** One operation: each one's number of timed calls and their time, in IMPLS order. */
        void add(long[] opCalls, long[] opNanos) {
            sums.add(opCalls, opNanos, rate(opCalls[0], opNanos[0]) / rate(opCalls[2], opNanos[2]));
        }

        private double rate(int impl) {
            return rate(sums.calls(impl), sums.nanos(impl));
        }

        private double rate(long n, long ns) {
            return ns == 0 ? 0 : (double) bytesPerCall * n / ns;
        }

        public double vectorGBs() {
            return share * rate(0);
        }

        public double scalarGBs() {
            return share * rate(1);
        }

        public double rooflineGBs() {
            return share * rate(2);
        }

        public double vectorOverRoofline() {
            double roofline = rate(2);
            return roofline == 0 ? 0 : share * rate(0) / roofline;
        }

        public double vectorOverScalar() {
            double scalar = rate(1);
            return scalar == 0 ? 0 : share * rate(0) / scalar;
        }

        public double pairedVectorOverRoofline() {
            return share * sums.medianRatio();
        }
    }

    /** The three set up on arrays of their own; each vector kernel is checked against its twin. */
    @Setup(Level.Trial)
    public void setUp() {
        InTurn.Contender[] contenders = new InTurn.Contender[IMPLS.length];
        for (int i = 0; i < IMPLS.length; i++) {
            ElementwiseBenchmark b = new ElementwiseBenchmark();
            b.kernel = kernel;
            b.size = size;
            b.impl = IMPLS[i];
            b.setUp();
            contenders[i] = b::run;
        }
        turns = new InTurn(BLOCK_NANOS, contenders);
    }

    @Benchmark
    public float run(Totals totals) {
        float sink = turns.run();
        totals.add(turns.calls(), turns.nanos());
        return sink;
    }
}
