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
 * The fused epilogue's cost as a ratio measured inside one fork: each call runs one
 * {@link FusedLayerBenchmark} step three ways in turn (the plain product, the fused product, the
 * product followed by separate passes) and adds each one's time to its total. On a machine whose
 * speed drifts by tens of percent between forks and within minutes, {@code FusedLayerBenchmark}'s
 * three separate forks cannot resolve a few percent; here the three ways share every stretch of
 * the machine's speed. JMH reports, per step, these secondary results:
 * <ul>
 *   <li>{@code epiloguePercent}: {@code 100 (fused / gemm - 1)}, the epilogue's share of the plain
 *       product's time (issue 3: at most 5 for relu, 15 for tanh and logistic);</li>
 *   <li>{@code separateOverFused}: {@code separate / fused}, what fusing saves (above 1);</li>
 *   <li>{@code gemmMicros}, {@code fusedMicros}, {@code separateMicros}: the mean time per call.</li>
 * </ul>
 * Each iteration's figures come from that iteration's totals, and JMH prints their mean over
 * the measurement iterations and forks (it gives no error for these); the primary score is the
 * time of one call of all three.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar jmh EpilogueShareBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class EpilogueShareBenchmark {
    @Param({"fwd-784-100-relu", "fwd-100-50-tanh", "fwd-100-50-logistic", "fwd-50-10-softmax", "bwd-50-100-relu",
            "bwd-50-100-tanh"})
    public String step;

    private final FusedLayerBenchmark layer = new FusedLayerBenchmark();

    /**
     * Per-iteration totals, reported as JMH's secondary results (see the class comment). JMH adds
     * an events counter up over the measurement iterations and forks, so each figure is divided
     * by their number: what JMH prints is the mean of the iterations' figures.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        // 1 until JMH's parameters are known (so a unit test reads the plain figures).
        double share = 1;
        private long calls;
        private long gemmNanos;
        private long fusedNanos;
        private long separateNanos;

        @Setup(Level.Trial)
        public void measuredRuns(BenchmarkParams params) {
            share = IterationShare.of(params);
        }

        @Setup(Level.Iteration)
        public void clear() {
            calls = 0;
            gemmNanos = 0;
            fusedNanos = 0;
            separateNanos = 0;
        }

        void add(long gemm, long fused, long separate) {
            calls++;
            gemmNanos += gemm;
            fusedNanos += fused;
            separateNanos += separate;
        }

        public double epiloguePercent() {
            return gemmNanos == 0 ? 0 : share * 100.0 * (fusedNanos - gemmNanos) / gemmNanos;
        }

        public double separateOverFused() {
            return fusedNanos == 0 ? 0 : share * separateNanos / fusedNanos;
        }

        public double gemmMicros() {
            return calls == 0 ? 0 : share * gemmNanos / 1e3 / calls;
        }

        public double fusedMicros() {
            return calls == 0 ? 0 : share * fusedNanos / 1e3 / calls;
        }

        public double separateMicros() {
            return calls == 0 ? 0 : share * separateNanos / 1e3 / calls;
        }
    }

    @Setup
    public void setUp() {
        // One set-up step (it refuses a step it does not know, and checks fused against separate);
        // the three ways read the same arrays and write the same C, so none of them finds its
        // inputs evicted by the others'.
        layer.step = step;
        layer.impl = "fused";
        layer.jit = "fit";
        layer.setUp();
    }

    @Benchmark
    public float[] run(Totals totals) {
        long t0 = System.nanoTime();
        layer.run("gemm");
        long t1 = System.nanoTime();
        layer.run("fused");
        long t2 = System.nanoTime();
        float[] c = layer.run("separate");
        long t3 = System.nanoTime();
        totals.add(t1 - t0, t2 - t1, t3 - t2);
        return c;
    }
}
