package dev.vecnn.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The machine's fused multiply-add peak ({@link PeakBenchmark}) for each precision and thread
 * count of a GEMM plan, measured in the same run as the table (before and after the products), so
 * that every row can say what share of the machine's limit vecnn reaches. The limit is the best
 * measurement iteration of those runs: on a shared machine whose speed drifts, a median would
 * mix in the slow stretches, and a product measured in a fast one would then pass its "limit".
 * {@link PeakBenchmark} counts 512-bit vectors; on a JVM that prefers another width the peak is
 * left out with a note rather than misreported.
 */
final class MachinePeak {
    /** The peak's key: precision and thread count (JMH threads, whose throughputs JMH adds up). */
    record Key(Precision precision, int threads) {
    }

    static final int COUNTED_BITS = 512;

    private MachinePeak() {
    }

    /** The peaks a plan's rows need: one per precision and thread count in it. */
    static Set<Key> keys(GemmPlan plan) {
        Set<Key> keys = new LinkedHashSet<>();
        plan.cases.forEach(c -> keys.add(new Key(c.precision(), c.threads())));
        return keys;
    }

    /**
     * Why the peak cannot be measured on a JVM preferring {@code vectorBits} (0: no vector module),
     * or null when it can.
     */
    static String unavailableReason(int vectorBits) {
        if (vectorBits == 0) {
            return "machine peak not measured: this JVM has no " + VectorModule.NAME + " module.";
        }
        return vectorBits == COUNTED_BITS ? null
                : "machine peak not measured: PeakBenchmark counts " + COUNTED_BITS + "-bit vectors, this JVM prefers "
                + vectorBits + "-bit ones.";
    }

    /** One JMH run per key, with the suite's timing and fork arguments. */
    static List<Options> runs(Set<Key> keys, Options user, Timing timing, String[] jvmArgsAppend) {
        List<Options> runs = new ArrayList<>();
        for (Key key : keys) {
            String method = key.precision() == Precision.F32 ? "fmaF32" : "fmaF64";
            runs.add(new OptionsBuilder().parent(user)
                    .include("^" + Pattern.quote(PeakBenchmark.class.getName() + "." + method) + "$")
                    .threads(key.threads())
                    // Operations are flops (@OperationsPerInvocation): per nanosecond, GFLOP/s.
                    .mode(Mode.Throughput)
                    .timeUnit(TimeUnit.NANOSECONDS)
                    .forks(1)
                    .warmupIterations(timing.warmupIterations())
                    .warmupTime(timing.warmupTime())
                    .measurementIterations(timing.measurementIterations())
                    .measurementTime(timing.measurementTime())
                    .jvmArgsAppend(jvmArgsAppend)
                    .build());
        }
        return runs;
    }

    /** The peak in GFLOP/s per key: the best measurement iteration over the runs' results (no error). */
    static Map<Key, Cell> of(List<RunResult> results) {
        Map<Key, Cell> peaks = new HashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            Precision precision = method.endsWith("fmaF32") ? Precision.F32
                    : method.endsWith("fmaF64") ? Precision.F64 : null;
            if (precision == null) {
                continue;
            }
            double best = result.getPrimaryResult().getStatistics().getMax();
            peaks.merge(new Key(precision, result.getParams().getThreads()), new Cell(best, Double.NaN),
                    (a, b) -> a.median() >= b.median() ? a : b);
        }
        return peaks;
    }
}
