package dev.vecnn.bench;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import dev.vecnn.kernels.FusedGemm;
import dev.vecnn.kernels.Gemm;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The layer steps of a 784-100-50-10 MLP at batch 200, one thread, three ways in one run:
 * {@code gemm} (the plain product only: the floor), {@code fused} ({@link FusedGemm}: bias and
 * activation, or the activation derivative, applied in the tile store) and {@code separate} (the
 * plain product, then a bias pass and an activation pass over C, as an unfused library does).
 * The epilogue's cost is {@code fused / gemm - 1}; the saving of fusion is {@code separate / fused}.
 *
 * <p>{@code step}: forward {@code fwd-784-100-relu}, {@code fwd-100-50-tanh}, {@code fwd-100-50-logistic},
 * {@code fwd-50-10-softmax}
 * (the output layer: bias fused, softmax is a row-wise pass either way) and the backward delta
 * {@code bwd-50-100-relu} / {@code bwd-50-100-tanh} ({@code D_prev = (D W^T) * act'(Z_prev)}, an NT
 * product 200x100x50). Setup checks the fused result against the separate one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class FusedLayerBenchmark {
    private static final int BATCH = 200;
    /** The steps, as {@code @Param} lists them: setUp reads a step's shape and activation from its name. */
    static final List<String> STEPS = List.of("fwd-784-100-relu", "fwd-100-50-tanh", "fwd-100-50-logistic",
            "fwd-50-10-softmax", "bwd-50-100-relu", "bwd-50-100-tanh");
    /** The ways, as {@code @Param} lists them. */
    static final List<String> IMPLS = List.of("gemm", "fused", "separate");

    @Param({"fwd-784-100-relu", "fwd-100-50-tanh", "fwd-100-50-logistic", "fwd-50-10-softmax", "bwd-50-100-relu",
            "bwd-50-100-tanh"})
    public String step;
    @Param({"gemm", "fused", "separate"})
    public String impl;
    /**
     * {@code fit}: {@link dev.vecnn.kernels.Warmup#forFloat()} runs first, as at the start of every estimator fit,
     * so the JIT has seen every kernel and activation (the state a training step runs in);
     * {@code cold}: only this case has run in the fork. The two compile differently: before each
     * activation had a loop of its own, the fused tanh epilogue cost +55% after the warm-up and
     * +16% without it.
     */
    @Param({"fit"})
    public String jit;

    private boolean forward;
    private boolean softmax;
    private Activation activation;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private float[] w;
    private float[] bias;
    private float[] z;
    private float[] c;

    @Setup
    public void setUp() {
        // JMH passes any -p value: an unknown impl was timed as separate, an unknown step read as
        // a backward one (or failed with an index out of bounds) instead of naming the known ones.
        ParamValues.oneOf("step", step, STEPS);
        ParamValues.oneOf("impl", impl, IMPLS);
        ParamValues.oneOf("jit", jit, List.of("fit", "cold"));
        Gemm.setThreads(1);
        if (jit.equals("fit")) {
            dev.vecnn.kernels.Warmup.forFloat();
        }
        String[] parts = step.split("-");
        forward = parts[0].equals("fwd");
        softmax = parts[3].equals("softmax");
        activation = softmax ? Activation.IDENTITY : Activation.fromName(parts[3]);
        m = BATCH;
        if (forward) {
            k = Integer.parseInt(parts[1]);
            n = Integer.parseInt(parts[2]);
        } else {
            // D (200 x 50) times W^T, W stored 100 x 50: C is 200 x 100, k = 50.
            k = Integer.parseInt(parts[1]);
            n = Integer.parseInt(parts[2]);
        }
        Random rnd = new Random(42);
        a = fill(rnd, m * k);
        w = fill(rnd, k * n);
        bias = fill(rnd, n);
        z = fill(rnd, m * n);
        Activations.forward(activation == Activation.IDENTITY ? Activation.LOGISTIC : activation, z, 0, z.length);
        c = new float[m * n];
        float[] want = run("separate").clone();
        float[] got = run("fused");
        for (int i = 0; i < got.length; i++) {
            double tol = 1e-4 * (1 + Math.abs(want[i]));
            if (!(Math.abs(got[i] - want[i]) <= tol)) {
                throw new IllegalStateException(step + ": fused " + got[i] + " vs separate " + want[i] + " at " + i);
            }
        }
    }

    @Benchmark
    public float[] run() {
        return run(impl);
    }

    /** The step one way ({@code gemm}, {@code fused} or {@code separate}); C is the same array each way. */
    float[] run(String way) {
        if (forward) {
            switch (way) {
                case "gemm" -> Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, w, 0, n, 0f, c, 0, n);
                case "fused" -> FusedGemm.sgemmBiasActivation(false, false, m, n, k, a, 0, k, w, 0, n, bias, 0,
                        activation, 0f, c, 0, n);
                case "separate" -> {
                    Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, w, 0, n, 0f, c, 0, n);
                    addBias();
                    Activations.forward(activation, c, 0, c.length);
                }
                default -> throw new IllegalArgumentException("way must be one of " + IMPLS + ", got '" + way + "'");
            }
            if (softmax && !way.equals("gemm")) {
                Activations.softmax(c, 0, m, n);
            }
        } else {
            switch (way) {
                case "gemm" -> Gemm.sgemm(false, true, m, n, k, 1f, a, 0, k, w, 0, k, 0f, c, 0, n);
                case "fused" -> FusedGemm.sgemmActivationDerivative(false, true, m, n, k, a, 0, k, w, 0, k,
                        activation, 0f, z, 0, n, c, 0, n);
                case "separate" -> {
                    Gemm.sgemm(false, true, m, n, k, 1f, a, 0, k, w, 0, k, 0f, c, 0, n);
                    Activations.derivative(activation, 0f, z, c, 0, c.length);
                }
                default -> throw new IllegalArgumentException("way must be one of " + IMPLS + ", got '" + way + "'");
            }
        }
        return c;
    }

    private void addBias() {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] += bias[j];
            }
        }
    }

    private static float[] fill(Random rnd, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextFloat() * 2 - 1;
        }
        return x;
    }
}
