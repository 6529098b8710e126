package dev.vecnn.kernels.elementwise;

import dev.vecnn.kernels.Loss;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD losses: the loss value and the output delta in one pass over predictions p and targets y.
 * Per-sample sums are accumulated lane-wise and combined in a fixed order, so the value depends
 * only on the input. The scalar twin is {@link LossScalarF32}.
 *
 * <p>Internal: arguments were validated by the public facade.
 */
public final class LossF32 {
    private static final VectorSpecies<Float> S = VectorMathF32.S;
    private static final int L = S.length();
    private static final float EPS = Math.ulp((float) 1);
    // The term loops, called through handles so that each is compiled on its own (see
    // CompileRoots); each evaluates at most one logarithm per element, since a loop with two
    // reached C2's inlining cutoff by itself and boxed the vectors of the second.
    private static final MethodHandle[] TERM_LOOPS = CompileRoots.find(MethodHandles.lookup(),
            MethodType.methodType(void.class, float[].class, float[].class, float[].class, int.class),
            "logLossTerms", "logOfClipped", "binaryLogLossTerms", "squaredTerms", "logOfTargets", "poissonTerms");
    private static final int LOG_LOSS_TERMS = 0;
    private static final int LOG_OF_CLIPPED = 1;
    private static final int BINARY_LOG_LOSS_TERMS = 2;
    private static final int SQUARED_TERMS = 3;
    private static final int LOG_OF_TARGETS = 4;
    private static final int POISSON_TERMS = 5;

    private LossF32() {
    }

    /**
     * Returns the mean (weighted by {@code w} when not null) over {@code rows} samples of the
     * per-sample loss summed over {@code cols} outputs, and writes {@code delta = (p - y) * w}.
     *
     * <p>Two passes: the per-element terms first, parked in {@code delta} by the loss's own loops
     * (see {@link #writeTerms}), then the sums in a fixed lane order and the deltas over them.
     */
    public static float loss(Loss loss, float[] p, float[] y, float[] w, int rows, int cols, float[] delta) {
        if (rows == 0) {
            return 0;
        }
        int n = rows * cols;
        if (delta == p || delta == y) {
            // The terms are parked in delta before p and y are read again: keep the inputs of a
            // caller that computes the delta in place.
            return loss(loss, delta == p ? p.clone() : p, delta == y ? y.clone() : y, w, rows, cols, delta);
        }
        writeTerms(loss, p, y, delta, n);
        // Whole vectors accumulate lane-wise (one fixed tree at the end), the partial vector of each
        // segment in ascending order; no masked load (near the end of an array it takes a slow
        // path that boxes).
        FloatVector total = FloatVector.zero(S);
        float rest = 0;
        float weightSum = 0;
        int segments = w == null ? 1 : rows;
        int length = w == null ? n : cols;
        for (int r = 0; r < segments; r++) {
            float weight = w == null ? 1 : w[r];
            int end = r * length + length;
            FloatVector acc = FloatVector.zero(S);
            int i = r * length;
            for (; i <= end - L; i += L) {
                acc = acc.add(FloatVector.fromArray(S, delta, i));
                FloatVector.fromArray(S, p, i).sub(FloatVector.fromArray(S, y, i)).mul(weight).intoArray(delta, i);
            }
            float tail = 0;
            for (; i < end; i++) {
                tail += delta[i];
                delta[i] = (p[i] - y[i]) * weight;
            }
            total = total.add(acc.mul(weight));
            rest += tail * weight;
            weightSum += weight;
        }
        if (w == null) {
            weightSum = rows;
        }
        // The lanes added in a fixed pairwise tree (lane i with i + L/2, then i + L/4, ...), so the
        // sum has the same bits on every run, JIT tier and thread count (reduceLanes(ADD) leaves
        // its order open, and the interpreter's differs from C2's). Each step written out under a
        // constant guard: a halving loop is not a counted loop, its slice offsets stayed variable
        // and fell back to boxed code. Written here rather than called: a method taking a vector
        // that was compiled on its own into a large method is not inlined later, and every call
        // then boxed its vector (softmax's row sums, 96 bytes per row, in 2 of about 30 test runs).
        FloatVector zero = FloatVector.zero(S);
        if (L >= 64) {
            total = total.add(total.slice(32, zero));
        }
        if (L >= 32) {
            total = total.add(total.slice(16, zero));
        }
        if (L >= 16) {
            total = total.add(total.slice(8, zero));
        }
        if (L >= 8) {
            total = total.add(total.slice(4, zero));
        }
        if (L >= 4) {
            total = total.add(total.slice(2, zero));
        }
        if (L >= 2) {
            total = total.add(total.slice(1, zero));
        }
        return (total.lane(0) + rest) / weightSum;
    }

    /**
     * {@code t[i]} = the loss term of {@code (p[i], y[i])} for {@code i < n}: whole vectors by the
     * loss's loops, the last partial vector by the scalar twin. The two-logarithm losses take two
     * loops, the first parking one logarithm in t.
     */
    private static void writeTerms(Loss loss, float[] p, float[] y, float[] t, int n) {
        int whole = n / L * L;
        switch (loss) {
            case LOG_LOSS -> runTerms(LOG_LOSS_TERMS, p, y, t, whole);
            case BINARY_LOG_LOSS -> {
                runTerms(LOG_OF_CLIPPED, p, y, t, whole);
                runTerms(BINARY_LOG_LOSS_TERMS, p, y, t, whole);
            }
            case SQUARED -> runTerms(SQUARED_TERMS, p, y, t, whole);
            case POISSON -> {
                runTerms(LOG_OF_TARGETS, p, y, t, whole);
                runTerms(POISSON_TERMS, p, y, t, whole);
            }
        }
        for (int i = whole; i < n; i++) {
            t[i] = LossScalarF32.term(loss, p[i], y[i]);
        }
    }

    private static void runTerms(int loop, float[] p, float[] y, float[] t, int n) {
        try {
            TERM_LOOPS[loop].invokeExact(p, y, t, n);
        } catch (Throwable e) {
            throw CompileRoots.rethrow(e);
        }
    }

    // One loop per pass over whole vectors (n is a multiple of L), at most one logarithm in each.

    private static void logLossTerms(float[] p, float[] y, float[] t, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector lp = VectorMathF32.log(clip(FloatVector.fromArray(S, p, i)));
            yv.mul(lp).neg().blend(0, yv.eq(0)).intoArray(t, i);
        }
    }

    /** Binary log loss, first pass: {@code t = log(clip(p))}. */
    private static void logOfClipped(float[] p, float[] y, float[] t, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMathF32.log(clip(FloatVector.fromArray(S, p, i))).intoArray(t, i);
        }
    }

    /** Binary log loss, second pass: {@code t = -(y log(p) + (1 - y) log(1 - p))}, log(p) read from t. */
    private static void binaryLogLossTerms(float[] p, float[] y, float[] t, int n) {
        FloatVector one = FloatVector.broadcast(S, 1);
        for (int i = 0; i < n; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector pc = clip(FloatVector.fromArray(S, p, i));
            FloatVector a = yv.mul(FloatVector.fromArray(S, t, i)).blend(0, yv.eq(0));
            FloatVector b = one.sub(yv).mul(VectorMathF32.log(one.sub(pc))).blend(0, yv.eq(1));
            a.add(b).neg().intoArray(t, i);
        }
    }

    private static void squaredTerms(float[] p, float[] y, float[] t, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector d = FloatVector.fromArray(S, p, i).sub(FloatVector.fromArray(S, y, i));
            d.mul(d).mul(0.5f).intoArray(t, i);
        }
    }

    /** Poisson, first pass: {@code t = log(y)}. */
    private static void logOfTargets(float[] p, float[] y, float[] t, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMathF32.log(FloatVector.fromArray(S, y, i)).intoArray(t, i);
        }
    }

    /** Poisson, second pass: {@code t = xlogy(y, y / p) - y + p} with xlogy(0, .) = 0, log(y) read from t. */
    private static void poissonTerms(float[] p, float[] y, float[] t, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector xlogy = yv.mul(FloatVector.fromArray(S, t, i).sub(VectorMathF32.log(pv))).blend(0, yv.eq(0));
            xlogy.sub(yv).add(pv).intoArray(t, i);
        }
    }

    private static FloatVector clip(FloatVector p) {
        return p.max(EPS).min(1 - EPS);
    }
}
