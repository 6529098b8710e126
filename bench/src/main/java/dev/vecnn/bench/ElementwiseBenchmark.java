package dev.vecnn.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import dev.vecnn.kernels.ElementwiseTolerance;
import dev.vecnn.kernels.Gemm;
import dev.vecnn.kernels.Reductions;
import dev.vecnn.kernels.Updates;
import dev.vecnn.kernels.VectorSupport;
import dev.vecnn.kernels.elementwise.ActivationScalarF32;
import dev.vecnn.kernels.elementwise.ReductionScalarF32;
import dev.vecnn.kernels.elementwise.UpdateScalarF32;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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

/**
 * Memory-bound float kernels, vector against scalar twin against a roofline, in one run:
 * {@code kernel} names the kernel, {@code size} the working set in bytes (L2, L3, DRAM), and
 * {@code impl} is {@code vector} (the facade), {@code scalar} (the twin), {@code roofline} (a plain
 * Java loop with the same arrays and the same bytes read and written, doing trivial arithmetic)
 * or {@code lanewise} (for exp/tanh only: the Vector API's own {@code lanewise(EXP/TANH)}).
 * The score is operations per second; GB/s = score * bytes per op, with bytes per op from
 * {@link #bytesMoved}. Each state checks its vector result once against the twin in setup.
 *
 * <p>One thread for every impl: the facade splits arrays of {@code Updates.PARALLEL_MIN_ELEMENTS}
 * or more over {@code Gemm.threads()}, which before session 14 left at its default (both cores)
 * ran the vector Adam of the L3 and DRAM sizes on two threads against one-thread twin and roofline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ElementwiseBenchmark {
    /** The kernels, as {@code @Param} lists them. */
    static final List<String> KERNELS = List.of("exp", "tanh", "logistic", "relu", "adam", "sumsq", "softmax",
            "colsums");
    /** Softmax's row width: the ten classes of MNIST's output layer. */
    static final int SOFTMAX_COLS = 10;
    /** Column sums' block width: the bias gradient of the 784-100-10 network's hidden layer. */
    static final int COLSUMS_COLS = 100;

    @Param({"exp", "tanh", "logistic", "relu", "adam", "sumsq", "softmax", "colsums"})
    public String kernel;
    /** Working set in bytes: 256 KiB (L2), 8 MiB (L3), 256 MiB (DRAM). */
    @Param({"262144", "8388608", "268435456"})
    public long size;
    @Param({"vector", "scalar", "roofline", "lanewise"})
    public String impl;

    private float[] p;
    private float[] g;
    private final float[] columnOut = new float[COLSUMS_COLS];
    private float[] m;
    private float[] v;
    private long step;

    /** Arrays the kernel touches: 1 for maps and reductions, 4 for Adam. */
    static int arrays(String kernel) {
        return kernel.equals("adam") ? 4 : 1;
    }

    /** Bytes read plus written by one call over the working set. */
    public static long bytesMoved(String kernel, long size) {
        long n = size / 4 / arrays(kernel);
        return switch (kernel) {
            case "adam" -> n * 4 * 7;      // reads p, g, m, v; writes p, m, v
            case "sumsq" -> n * 4;         // reads x
            // reads and writes the whole rows of x in place
            case "softmax" -> n / SOFTMAX_COLS * SOFTMAX_COLS * 4 * 2;
            // reads the whole rows of x, writes one row of sums
            case "colsums" -> (n / COLSUMS_COLS * COLSUMS_COLS + COLSUMS_COLS) * 4;
            default -> n * 4 * 2;          // reads and writes x in place
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        ParamValues.oneOf("kernel", kernel, KERNELS);
        ParamValues.oneOf("impl", impl, List.of("vector", "scalar", "roofline", "lanewise"));
        if (impl.equals("lanewise") && !(kernel.equals("exp") || kernel.equals("tanh"))) {
            throw new IllegalStateException("lanewise applies to exp and tanh only; skip this combination");
        }
        if (!VectorSupport.enabled()) {
            throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
        }
        Gemm.setThreads(1);
        int n = (int) (size / 4 / arrays(kernel));
        Random rnd = new Random(1);
        p = new float[n];
        boolean adam = kernel.equals("adam");
        g = new float[adam ? n : 0];
        m = new float[adam ? n : 0];
        v = new float[adam ? n : 0];
        // exp's pass maps x to e^x - 1.5, whose fixed point near 0.858 repels: values above it grow
        // to infinity within a few passes (until session 25 they started in [-1, 1), and after a
        // few passes most vectors held an infinite lane). Below it they stay in (-1.5, 0.858).
        float top = kernel.equals("exp") ? 0.8f : 1f;
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextFloat() * (1 + top) - 1;
        }
        if (adam) {
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextFloat() * 2 - 1;
            }
        }
        verifyOnce();
    }

    /** A fast wrong kernel must not look good: compare the vector result with the twin once. */
    private void verifyOnce() {
        int n = Math.min(p.length, 4099);
        float[] a = java.util.Arrays.copyOf(p, n);
        float[] b = a.clone();
        switch (kernel) {
            case "exp" -> {
                expVector(a);
                for (int i = 0; i < n; i++) {
                    float e = (float) Math.exp(b[i]);
                    // exp within a few ulps, then the subtraction's rounding: absolute in e's ulps.
                    if (Math.abs(a[i] - (e - 1.5f)) > 8 * Math.ulp(e)) {
                        throw new IllegalStateException("exp mismatch at " + i + ": " + a[i] + " vs " + (e - 1.5f));
                    }
                }
            }
            case "tanh", "logistic", "relu" -> {
                Activation act = activation(kernel);
                Activations.forward(act, a, 0, n);
                ActivationScalarF32.forward(act, 0, b, 0, n);
                for (int i = 0; i < n; i++) {
                    if (Math.abs(a[i] - b[i]) > 8 * Math.ulp(b[i])) {
                        throw new IllegalStateException(kernel + " mismatch at " + i + ": " + a[i] + " vs " + b[i]);
                    }
                }
            }
            case "adam" -> {
                float[] ga = java.util.Arrays.copyOf(g, n);
                float[] ma = new float[n];
                float[] va = new float[n];
                float[] mb = new float[n];
                float[] vb = new float[n];
                float lr = 1e-3f;
                float b1 = 0.9f;
                float b2 = 0.999f;
                Updates.adam(a, ga, ma, va, lr, b1, b2, 1e-8f, 1);
                // scikit-learn's step size at t = 1, lr sqrt(1 - b2) / (1 - b1), as Updates forms it.
                float lrT = (float) (lr * Math.sqrt(1 - Math.pow(b2, 1)) / (1 - Math.pow(b1, 1)));
                UpdateScalarF32.adam(b, ga, mb, vb, lrT, b1, b2, 1e-8f, 0f);
                // The vector update uses the twin's operations in its order: the same bits.
                if (!java.util.Arrays.equals(a, b) || !java.util.Arrays.equals(ma, mb)
                        || !java.util.Arrays.equals(va, vb)) {
                    throw new IllegalStateException("adam: the vector update differs from its scalar twin");
                }
            }
            case "softmax" -> {
                int rows = n / SOFTMAX_COLS;
                Activations.softmax(a, 0, rows, SOFTMAX_COLS);
                ActivationScalarF32.softmax(b, 0, rows, SOFTMAX_COLS);
                // exp's bound on each value, the sum's cols - 1 roundings, the division's one
                // (the bound ActivationsTest states).
                double ulps = 2 * ElementwiseTolerance.vectorVersusTwin(ElementwiseTolerance.Function.EXP, true)
                        + 2 * SOFTMAX_COLS + 1;
                for (int i = 0; i < rows * SOFTMAX_COLS; i++) {
                    if (Math.abs(a[i] - b[i]) > ulps * Math.ulp(b[i])) {
                        throw new IllegalStateException("softmax mismatch at " + i + ": " + a[i] + " vs " + b[i]);
                    }
                }
            }
            case "colsums" -> {
                int rows = n / COLSUMS_COLS;
                float[] sa = new float[COLSUMS_COLS];
                float[] sb = new float[COLSUMS_COLS];
                Reductions.columnSums(a, rows, COLSUMS_COLS, sa);
                ReductionScalarF32.columnSums(b, rows, COLSUMS_COLS, sb);
                // Rows in ascending order per column in both: the same bits.
                if (!java.util.Arrays.equals(sa, sb)) {
                    throw new IllegalStateException("colsums: the vector sums differ from the twin's");
                }
            }
            default -> {
                float s1 = Reductions.sumOfSquares(a, 0, n);
                float s2 = ReductionScalarF32.sumOfSquares(a, 0, n);
                if (Math.abs(s1 - s2) > 1e-4 * s2) {
                    throw new IllegalStateException("sumsq mismatch " + s1 + " vs " + s2);
                }
            }
        }
    }

    private static Activation activation(String kernel) {
        return switch (kernel) {
            case "tanh" -> Activation.TANH;
            case "logistic" -> Activation.LOGISTIC;
            case "relu" -> Activation.RELU;
            default -> throw new IllegalArgumentException("no activation named " + kernel);
        };
    }

    @Benchmark
    public float run() {
        switch (kernel) {
            case "exp" -> {
                return map("exp");
            }
            case "tanh", "logistic", "relu" -> {
                return map(kernel);
            }
            case "adam" -> {
                return adam();
            }
            case "softmax" -> {
                return softmax();
            }
            case "colsums" -> {
                return columnSums();
            }
            default -> {
                return sumsq();
            }
        }
    }

    private float map(String fn) {
        Activation act = fn.equals("exp") ? null : activation(fn);
        switch (impl) {
            case "vector" -> {
                if (fn.equals("exp")) {
                    expVector(p);
                } else {
                    Activations.forward(act, p, 0, p.length);
                }
            }
            case "scalar" -> {
                if (fn.equals("exp")) {
                    for (int i = 0; i < p.length; i++) {
                        p[i] = (float) Math.exp(p[i]) - 1.5f;
                    }
                } else {
                    ActivationScalarF32.forward(act, 0, p, 0, p.length);
                }
            }
            case "lanewise" -> lanewise(fn.equals("exp") ? VectorOperators.EXP : VectorOperators.TANH, p);
            default -> {
                // A sign flip: exact, so the values never decay. (Multiplying by 0.999 per call,
                // as before, drove the L2 case's values into subnormals after some 90,000 calls;
                // on an Intel Xeon each subnormal multiply then took a microcode assist and the
                // "roofline" ran at 2.5 GB/s, below the vector exp. Zen 5 multiplies subnormals
                // at full speed, so the tables measured there were not affected.)
                for (int i = 0; i < p.length; i++) {
                    p[i] = -p[i];
                }
            }
        }
        return p[0];
    }

    /**
     * x = exp(x) - 1.5 keeps values that start below 0.858 (its repelling fixed point) in
     * (-1.5, 0.858), so every pass costs the same.
     */
    private static void expVector(float[] x) {
        var s = FloatVector.SPECIES_PREFERRED;
        int i = 0;
        for (; i <= x.length - s.length(); i += s.length()) {
            dev.vecnn.kernels.elementwise.VectorMathF32.exp(FloatVector.fromArray(s, x, i)).sub(1.5f).intoArray(x, i);
        }
        for (; i < x.length; i++) {
            x[i] = (float) Math.exp(x[i]) - 1.5f;
        }
    }

    private static void lanewise(VectorOperators.Unary op, float[] x) {
        var s = FloatVector.SPECIES_PREFERRED;
        int i = 0;
        for (; i <= x.length - s.length(); i += s.length()) {
            FloatVector r = FloatVector.fromArray(s, x, i).lanewise(op);
            (op == VectorOperators.EXP ? r.sub(1.5f) : r).intoArray(x, i);
        }
    }

    private float adam() {
        step++;
        switch (impl) {
            case "vector" -> Updates.adam(p, g, m, v, 1e-3f, 0.9f, 0.999f, 1e-8f, step);
            case "scalar" -> UpdateScalarF32.adam(p, g, m, v, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f);
            default -> {
                for (int i = 0; i < p.length; i++) {
                    float gi = g[i];
                    m[i] = m[i] + gi;
                    v[i] = v[i] + gi;
                    p[i] = p[i] + gi;
                }
            }
        }
        return p[0];
    }

    /** Softmax over rows of ten in place; its output is a fixed point's neighbourhood, every pass costs the same. */
    private float softmax() {
        int rows = p.length / SOFTMAX_COLS;
        switch (impl) {
            case "vector" -> Activations.softmax(p, 0, rows, SOFTMAX_COLS);
            case "scalar" -> ActivationScalarF32.softmax(p, 0, rows, SOFTMAX_COLS);
            default -> {
                for (int i = 0; i < rows * SOFTMAX_COLS; i++) {
                    p[i] = -p[i];
                }
            }
        }
        return p[0];
    }

    private float columnSums() {
        int rows = p.length / COLSUMS_COLS;
        switch (impl) {
            case "vector" -> Reductions.columnSums(p, rows, COLSUMS_COLS, columnOut);
            case "scalar" -> ReductionScalarF32.columnSums(p, rows, COLSUMS_COLS, columnOut);
            // The same values read once, as the sum of squares' roofline reads them.
            default -> columnOut[0] = plainSum(p, rows * COLSUMS_COLS);
        }
        return columnOut[0];
    }

    private float sumsq() {
        return switch (impl) {
            case "vector" -> Reductions.sumOfSquares(p, 0, p.length);
            case "scalar" -> ReductionScalarF32.sumOfSquares(p, 0, p.length);
            default -> plainSum(p, p.length);
        };
    }

    /**
     * Plain Java with four independent accumulators over {@code x[0, n)}: the most a scalar loop
     * can do, since C2 does not vectorize a float sum (it would reorder the additions).
     */
    private static float plainSum(float[] x, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i <= n - 4; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        return s0 + s1 + s2 + s3;
    }
}
