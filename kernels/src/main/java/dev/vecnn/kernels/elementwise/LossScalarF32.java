package dev.vecnn.kernels.elementwise;

import dev.vecnn.kernels.Loss;

/**
 * The scalar twin of {@link LossF32}: the loss definitions one element at a time, logarithms
 * from {@link Math} in double rounded once, sums in ascending order.
 *
 * <p>Internal: arguments were validated by the public facade.
 */
public final class LossScalarF32 {
    private static final float EPS = Math.ulp((float) 1);

    private LossScalarF32() {
    }

    public static float loss(Loss loss, float[] p, float[] y, float[] w, int rows, int cols, float[] delta) {
        if (rows == 0) {
            return 0;
        }
        float total = 0;
        float weightSum = 0;
        for (int r = 0; r < rows; r++) {
            float weight = w == null ? 1 : w[r];
            float row = 0;
            for (int i = r * cols; i < (r + 1) * cols; i++) {
                // Both read before delta is written: delta may be p or y (Losses allows it).
                float pi = p[i];
                float yi = y[i];
                row += term(loss, pi, yi);
                delta[i] = (pi - yi) * weight;
            }
            total += row * weight;
            weightSum += weight;
        }
        return total / weightSum;
    }

    /** One element's loss. */
    static float term(Loss loss, float p, float y) {
        return switch (loss) {
            case LOG_LOSS -> y == 0 ? 0 : -y * log(clip(p));
            case BINARY_LOG_LOSS -> {
                float pc = clip(p);
                float a = y == 0 ? 0 : y * log(pc);
                float b = y == 1 ? 0 : (1 - y) * log(1 - pc);
                yield -(a + b);
            }
            case SQUARED -> 0.5f * (p - y) * (p - y);
            case POISSON -> (y == 0 ? 0 : y * (log(y) - log(p))) - y + p;
        };
    }

    private static float log(float x) {
        return (float) Math.log(x);
    }

    private static float clip(float p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }
}
