package dev.vecnn.bench;

import java.util.concurrent.TimeUnit;
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

/**
 * One GEMM {@code C = op(A) op(B)} per operation, by the implementation named in {@code impl}.
 *
 * <p>The score is products per second, so {@code GFLOP/s = score * 2 m n k / 1e9}; {@link Main}
 * converts and tabulates. The setup runs the product once and checks it against the reference
 * within the derived tolerance ({@link GemmCheck}); a wrong result fails the trial.
 *
 * <p>Run it through {@link Main}, which passes the vector module to the forks and keeps the
 * parameter combinations sensible (single-threaded peers only at {@code threads = 1}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemmBenchmark {
    /** vecnn, openblas, openblas-cpu, netlib, ejml or naive. */
    @Param({"vecnn", "openblas", "openblas-cpu", "netlib", "ejml", "naive"})
    public String impl;

    /** {@code MxNxK}: C is m x n, the inner dimension is k. */
    @Param({"256x256x256"})
    public String shape;

    /** NN, TN or NT: whether A and B are stored transposed. */
    @Param({"NN"})
    public String trans;

    /** f32 or f64. */
    @Param({"f32", "f64"})
    public String dtype;

    /** Threads the implementation may use; above 1 only for vecnn and openblas. */
    @Param({"1"})
    public int threads;

    // Not final, so the JIT cannot treat the inputs it holds as constants.
    private PeerGemm gemm;

    /** Sets the implementation up and checks one product against the reference. */
    @Setup(Level.Trial)
    public void setUp() {
        GemmProblem problem = GemmProblem.random(GemmShape.parse(shape), Trans.parse(trans), Precision.parse(dtype));
        gemm = Peer.parse(impl).open(problem, threads);
        gemm.multiply();
        GemmCheck.verify(problem, gemm.result(), impl + " at threads = " + threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (gemm != null) {
            gemm.close();
        }
    }

    @Benchmark
    public Object gemm() {
        return gemm.multiply();
    }
}
