package dev.vecnn.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's fused multiply-add peak as Java sees it, measured in the same run as the GEMMs:
 * 16 independent chains of vector FMAs on registers (enough to hide the FMA latency on two
 * pipes), no memory traffic. {@code @OperationsPerInvocation} counts flops (2 per lane per FMA),
 * so the score in operations per nanosecond reads directly as GFLOP/s per thread; run with
 * {@code -t 2} for both cores (JMH then reports the sum).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PeakBenchmark {
    private static final int STEPS = 4096;
    private static final int CHAINS = 16;

    public float xf = 0.999_999f;
    public float yf = 1e-7f;
    public double xd = 0.999_999_999;
    public double yd = 1e-12;

    @Benchmark
    @OperationsPerInvocation(STEPS * CHAINS * 2 * 16)
    public float fmaF32() {
        if (FloatVector.SPECIES_PREFERRED.length() != 16) {
            throw new IllegalStateException("the flop count assumes 16 float lanes (AVX-512)");
        }
        FloatVector x = FloatVector.broadcast(FloatVector.SPECIES_PREFERRED, xf);
        FloatVector y = FloatVector.broadcast(FloatVector.SPECIES_PREFERRED, yf);
        FloatVector a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x;
        FloatVector a8 = x, a9 = x, a10 = x, a11 = x, a12 = x, a13 = x, a14 = x, a15 = x;
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
            a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
            a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
            a12 = a12.fma(x, y); a13 = a13.fma(x, y); a14 = a14.fma(x, y); a15 = a15.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10)
                .add(a11).add(a12).add(a13).add(a14).add(a15).reduceLanes(VectorOperators.ADD);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * CHAINS * 2 * 8)
    public double fmaF64() {
        if (DoubleVector.SPECIES_PREFERRED.length() != 8) {
            throw new IllegalStateException("the flop count assumes 8 double lanes (AVX-512)");
        }
        DoubleVector x = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, xd);
        DoubleVector y = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, yd);
        DoubleVector a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x;
        DoubleVector a8 = x, a9 = x, a10 = x, a11 = x, a12 = x, a13 = x, a14 = x, a15 = x;
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
            a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
            a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
            a12 = a12.fma(x, y); a13 = a13.fma(x, y); a14 = a14.fma(x, y); a15 = a15.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10)
                .add(a11).add(a12).add(a13).add(a14).add(a15).reduceLanes(VectorOperators.ADD);
    }
}
