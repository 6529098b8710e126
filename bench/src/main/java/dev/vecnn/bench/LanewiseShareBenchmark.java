package dev.vecnn.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.elementwise.ActivationScalarF32;
import dev.vecnn.kernels.elementwise.VectorMathF32;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 * vecnn's float exp, log, tanh and logistic ({@link VectorMathF32}, polynomial and rational
 * approximations) against the Vector API's own {@code lanewise(EXP / LOG / TANH)} (logistic as
 * {@code 1 / (1 + lanewise(EXP)(-x))}) and the scalar {@code Math} loop, timed in turn inside one
 * fork ({@link InTurn}): what the JDK's operators cost against our approximations on this machine,
 * the choice the kernels issue asks to measure. Each maps {@code length} floats from an input
 * array into an output array of its own (both in L1 at the default length, so the arithmetic is
 * timed, not memory). JMH reports per iteration, averaged over the measured iterations:
 * <ul>
 *   <li>{@code vectorNsPerValue}, {@code lanewiseNsPerValue}, {@code scalarNsPerValue};</li>
 *   <li>{@code lanewiseOverVector} and {@code scalarOverVector}: time ratios (above 1: ours is
 *       faster), and {@code pairedLanewiseOverVector}, the median of each operation's own ratio.</li>
 * </ul>
 * The setup checks each result once against StrictMath within {@link #CHECK_ULPS}.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar jmh LanewiseShareBenchmark -p function=exp,log
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class LanewiseShareBenchmark {
    /** How long each one's timed block of calls should take, in nanoseconds. */
    static final long BLOCK_NANOS = 1_000_000;
    static final String[] IMPLS = {"vector", "lanewise", "scalar"};
    static final List<String> FUNCTIONS = List.of("exp", "log", "tanh", "logistic");
    /** Far above every stated bound (ours: 1-6 ulps): catches a wrong kernel, not rounding. */
    static final double CHECK_ULPS = 8;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Param({"exp", "log", "tanh", "logistic"})
    public String function;
    /** Floats per call; a multiple of the vector length (4096: 16 KiB in and 16 KiB out). */
    @Param({"4096"})
    public int length;

    private float[] input;
    private final float[][] outputs = new float[IMPLS.length][];
    private InTurn turns;

    /** Per-iteration totals, reported as JMH's secondary results (see {@link IterationShare}). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        static final int MAX_PAIRED = 1 << 16;
        double share = 1;
        long valuesPerCall;
        private final InTurnTotals sums = new InTurnTotals(IMPLS.length, MAX_PAIRED);

        @Setup(Level.Trial)
        public void measuredRuns(BenchmarkParams params) {
            share = IterationShare.of(params);
            valuesPerCall = Long.parseLong(params.getParam("length"));
        }

        @Setup(Level.Iteration)
        public void clear() {
            sums.clear();
        }

        /** One operation: each one's number of timed calls and their time, in IMPLS order. */
        void add(long[] opCalls, long[] opNanos) {
            sums.add(opCalls, opNanos, perValue(opCalls[1], opNanos[1]) / perValue(opCalls[0], opNanos[0]));
        }

        private double perValue(long n, long ns) {
            return n == 0 ? 0 : (double) ns / (n * valuesPerCall);
        }

        private double perValue(int impl) {
            return perValue(sums.calls(impl), sums.nanos(impl));
        }

        private double ratio(int slower, int faster) {
            double t = perValue(faster);
            return t == 0 ? 0 : share * perValue(slower) / t;
        }

        public double vectorNsPerValue() {
            return share * perValue(0);
        }

        public double lanewiseNsPerValue() {
            return share * perValue(1);
        }

        public double scalarNsPerValue() {
            return share * perValue(2);
        }

        public double lanewiseOverVector() {
            return ratio(1, 0);
        }

        public double scalarOverVector() {
            return ratio(2, 0);
        }

        public double pairedLanewiseOverVector() {
            return share * sums.medianRatio();
        }
    }

    /** The input drawn once, each result checked once, the three set up in turn. */
    @Setup(Level.Trial)
    public void setUp() {
        ParamValues.oneOf("function", function, FUNCTIONS);
        if (length <= 0 || length % S.length() != 0) {
            throw new IllegalArgumentException("length must be a positive multiple of " + S.length() + ", got " + length);
        }
        Random rnd = new Random(25);
        input = new float[length];
        for (int i = 0; i < length; i++) {
            float u = rnd.nextFloat();
            input[i] = switch (function) {
                case "log" -> 1e-3f + 100 * u;
                case "tanh" -> 10 * u - 5;
                default -> 20 * u - 10;
            };
        }
        InTurn.Contender[] contenders = new InTurn.Contender[IMPLS.length];
        for (int i = 0; i < IMPLS.length; i++) {
            float[] out = new float[length];
            outputs[i] = out;
            contenders[i] = contender(IMPLS[i], out);
            contenders[i].call();
            check(IMPLS[i], out);
        }
        turns = new InTurn(BLOCK_NANOS, contenders);
    }

    private InTurn.Contender contender(String impl, float[] out) {
        float[] in = input;
        return switch (impl + " " + function) {
            case "vector exp" -> () -> vectorExp(in, out);
            case "vector log" -> () -> vectorLog(in, out);
            case "vector tanh" -> () -> vectorTanh(in, out);
            case "vector logistic" -> () -> vectorLogistic(in, out);
            case "lanewise exp" -> () -> lanewiseExp(in, out);
            case "lanewise log" -> () -> lanewiseLog(in, out);
            case "lanewise tanh" -> () -> lanewiseTanh(in, out);
            case "lanewise logistic" -> () -> lanewiseLogistic(in, out);
            case "scalar exp" -> () -> scalarExp(in, out);
            case "scalar log" -> () -> scalarLog(in, out);
            case "scalar tanh" -> () -> scalarTanh(in, out);
            default -> () -> scalarLogistic(in, out);
        };
    }

    /** A fast wrong result must not look good: every value within CHECK_ULPS of StrictMath. */
    private void check(String impl, float[] out) {
        for (int i = 0; i < length; i++) {
            double x = input[i];
            double want = switch (function) {
                case "exp" -> StrictMath.exp(x);
                case "log" -> StrictMath.log(x);
                case "tanh" -> StrictMath.tanh(x);
                default -> 1 / (1 + StrictMath.exp(-x));
            };
            double ulps = Math.abs(out[i] - want) / Math.ulp((float) want);
            if (!(ulps <= CHECK_ULPS)) {
                throw new IllegalStateException(impl + " " + function + "(" + input[i] + ") = " + out[i]
                        + ", StrictMath " + want + ": " + ulps + " ulps");
            }
        }
    }

    @Benchmark
    public float run(Totals totals) {
        float sink = turns.run();
        totals.add(turns.calls(), turns.nanos());
        return sink;
    }

    // One loop per function and implementation, so that each is compiled against its own profile
    // and every lanewise operator is a constant (a variable one is not intrinsified).

    private static float vectorExp(float[] in, float[] out) {
        for (int i = 0; i < in.length; i += S.length()) {
            VectorMathF32.exp(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        return out[0];
    }

    private static float vectorLog(float[] in, float[] out) {
        for (int i = 0; i < in.length; i += S.length()) {
            VectorMathF32.log(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        return out[0];
    }

    private static float vectorTanh(float[] in, float[] out) {
        for (int i = 0; i < in.length; i += S.length()) {
            VectorMathF32.tanh(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        return out[0];
    }

    private static float vectorLogistic(float[] in, float[] out) {
        for (int i = 0; i < in.length; i += S.length()) {
            VectorMathF32.logistic(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        return out[0];
    }

    private static float lanewiseExp(float[] in, float[] out) {
        for (int i = 0; i < in.length; i += S.length()) {
            FloatVector.fromArray(S, in, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        return out[0];
    }

    private static float lanewiseLog(float[] in, float[] out) {
        for (int i = 0; i < in.length; i += S.length()) {
            FloatVector.fromArray(S, in, i).lanewise(VectorOperators.LOG).intoArray(out, i);
        }
        return out[0];
    }

    private static float lanewiseTanh(float[] in, float[] out) {
        for (int i = 0; i < in.length; i += S.length()) {
            FloatVector.fromArray(S, in, i).lanewise(VectorOperators.TANH).intoArray(out, i);
        }
        return out[0];
    }

    private static float lanewiseLogistic(float[] in, float[] out) {
        FloatVector one = FloatVector.broadcast(S, 1);
        for (int i = 0; i < in.length; i += S.length()) {
            FloatVector e = FloatVector.fromArray(S, in, i).neg().lanewise(VectorOperators.EXP);
            one.div(one.add(e)).intoArray(out, i);
        }
        return out[0];
    }

    private static float scalarExp(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) Math.exp(in[i]);
        }
        return out[0];
    }

    private static float scalarLog(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) Math.log(in[i]);
        }
        return out[0];
    }

    private static float scalarTanh(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) Math.tanh(in[i]);
        }
        return out[0];
    }

    /** The logistic's scalar twin (the one {@code ElementwiseBenchmark}'s scalar runs). */
    private static float scalarLogistic(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = ActivationScalarF32.apply(Activation.LOGISTIC, 0, in[i]);
        }
        return out[0];
    }
}
