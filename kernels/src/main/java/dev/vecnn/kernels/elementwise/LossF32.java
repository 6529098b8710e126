package dev.vecnn.kernels.elementwise;

import dev.vecnn.kernels.Loss;
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

    private LossF32() {
    }

    /**
     * Returns the mean (weighted by {@code w} when not null) over {@code rows} samples of the
     * per-sample loss summed over {@code cols} outputs, and writes {@code delta = (p - y) * w}.
     *
     * <p>Two passes: the per-element terms first, parked in {@code delta} by one loop per loss
     * (so each loop holds a single copy of its logarithms and C2 inlines them; with all four
     * losses in one loop body it did not, and every call boxed its vectors), then the sums in
     * a fixed lane order and the deltas over them.
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
        Terms.of(loss).write(p, y, delta, n);
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
        return (VectorMathF32.sumLanes(total) + rest) / weightSum;
    }

    /**
     * The term loops behind a virtual call: once more than two losses have run (the warm-up runs
     * all four) the call site is megamorphic and C2 compiles each loop on its own, with its
     * logarithms inlined. A switch let C2 inline all four loops into {@link #loss}, run out of
     * inlining budget and box the vectors of the calls it left out.
     */
    private enum Terms {
        LOG_LOSS {
            @Override
            void write(float[] p, float[] y, float[] t, int n) {
                logLossTerms(p, y, t, n);
            }
        },
        BINARY_LOG_LOSS {
            @Override
            void write(float[] p, float[] y, float[] t, int n) {
                binaryLogLossTerms(p, y, t, n);
            }
        },
        SQUARED {
            @Override
            void write(float[] p, float[] y, float[] t, int n) {
                squaredTerms(p, y, t, n);
            }
        },
        POISSON {
            @Override
            void write(float[] p, float[] y, float[] t, int n) {
                poissonTerms(p, y, t, n);
            }
        };

        /** {@code t[i]} = the loss term of {@code (p[i], y[i])} for {@code i < n}. */
        abstract void write(float[] p, float[] y, float[] t, int n);

        static Terms of(Loss loss) {
            return switch (loss) {
                case LOG_LOSS -> LOG_LOSS;
                case BINARY_LOG_LOSS -> BINARY_LOG_LOSS;
                case SQUARED -> SQUARED;
                case POISSON -> POISSON;
            };
        }
    }

    // One loop per loss, whole vectors only; the last partial vector takes the scalar twin's term.

    private static void logLossTerms(float[] p, float[] y, float[] t, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector lp = VectorMathF32.log(clip(FloatVector.fromArray(S, p, i)));
            yv.mul(lp).neg().blend(0, yv.eq(0)).intoArray(t, i);
        }
        scalarTerms(Loss.LOG_LOSS, p, y, t, i, n);
    }

    private static void binaryLogLossTerms(float[] p, float[] y, float[] t, int n) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1);
        for (; i <= n - L; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector pc = clip(FloatVector.fromArray(S, p, i));
            FloatVector a = yv.mul(VectorMathF32.log(pc)).blend(0, yv.eq(0));
            FloatVector b = one.sub(yv).mul(VectorMathF32.log(one.sub(pc))).blend(0, yv.eq(1));
            a.add(b).neg().intoArray(t, i);
        }
        scalarTerms(Loss.BINARY_LOG_LOSS, p, y, t, i, n);
    }

    private static void squaredTerms(float[] p, float[] y, float[] t, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector d = FloatVector.fromArray(S, p, i).sub(FloatVector.fromArray(S, y, i));
            d.mul(d).mul(0.5f).intoArray(t, i);
        }
        scalarTerms(Loss.SQUARED, p, y, t, i, n);
    }

    private static void poissonTerms(float[] p, float[] y, float[] t, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector yv = FloatVector.fromArray(S, y, i);
            // xlogy(y, y / p) - y + p, with xlogy(0, .) = 0.
            FloatVector xlogy = yv.mul(VectorMathF32.log(yv).sub(VectorMathF32.log(pv))).blend(0, yv.eq(0));
            xlogy.sub(yv).add(pv).intoArray(t, i);
        }
        scalarTerms(Loss.POISSON, p, y, t, i, n);
    }

    private static void scalarTerms(Loss loss, float[] p, float[] y, float[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            t[i] = LossScalarF32.term(loss, p[i], y[i]);
        }
    }

    private static FloatVector clip(FloatVector p) {
        return p.max(EPS).min(1 - EPS);
    }
}
