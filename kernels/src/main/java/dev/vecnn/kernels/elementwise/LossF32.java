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
     */
    public static float loss(Loss loss, float[] p, float[] y, float[] w, int rows, int cols, float[] delta) {
        if (rows == 0) {
            return 0;
        }
        FloatVector total = FloatVector.zero(S);
        float weightSum = 0;
        if (w == null) {
            total = rowSum(loss, p, y, 0, rows * cols, 1, delta);
            weightSum = rows;
        } else {
            for (int r = 0; r < rows; r++) {
                total = total.add(rowSum(loss, p, y, r * cols, cols, w[r], delta));
                weightSum += w[r];
            }
        }
        return VectorMathF32.sumLanes(total) / weightSum;
    }

    /** Lane-wise sum of {@code weight * term} over one range, writing the weighted delta. */
    private static FloatVector rowSum(Loss loss, float[] p, float[] y, int off, int len, float weight, float[] delta) {
        FloatVector acc = FloatVector.zero(S);
        int end = off + len;
        int i = off;
        for (; i <= end - L; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector yv = FloatVector.fromArray(S, y, i);
            pv.sub(yv).mul(weight).intoArray(delta, i);
            acc = acc.add(term(loss, pv, yv));
        }
        if (i < end) {
            VectorMask<Float> m = S.indexInRange(i, end);
            FloatVector pv = FloatVector.fromArray(S, p, i, m);
            FloatVector yv = FloatVector.fromArray(S, y, i, m);
            pv.sub(yv).mul(weight).intoArray(delta, i, m);
            acc = acc.add(FloatVector.zero(S).blend(term(loss, pv, yv), m));
        }
        return acc.mul(weight);
    }

    private static FloatVector term(Loss loss, FloatVector p, FloatVector y) {
        return switch (loss) {
            case LOG_LOSS -> {
                FloatVector lp = VectorMathF32.log(clip(p));
                yield y.mul(lp).neg().blend(0, y.eq(0));
            }
            case BINARY_LOG_LOSS -> {
                FloatVector pc = clip(p);
                FloatVector one = FloatVector.broadcast(S, 1);
                FloatVector a = y.mul(VectorMathF32.log(pc)).blend(0, y.eq(0));
                FloatVector b = one.sub(y).mul(VectorMathF32.log(one.sub(pc))).blend(0, y.eq(1));
                yield a.add(b).neg();
            }
            case SQUARED -> {
                FloatVector d = p.sub(y);
                yield d.mul(d).mul(0.5f);
            }
            case POISSON -> {
                // xlogy(y, y / p) - y + p, with xlogy(0, .) = 0.
                FloatVector xlogy = y.mul(VectorMathF32.log(y).sub(VectorMathF32.log(p))).blend(0, y.eq(0));
                yield xlogy.sub(y).add(p);
            }
        };
    }

    private static FloatVector clip(FloatVector p) {
        return p.max(EPS).min(1 - EPS);
    }
}
