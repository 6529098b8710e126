package dev.vecnn.kernels.elementwise;

/**
 * The scalar twin of {@link ReductionF32}: sums in ascending index order.
 *
 * <p>Internal: arguments were validated by the public facade.
 */
public final class ReductionScalarF32 {
    private ReductionScalarF32() {
    }

    public static float sumOfSquares(float[] x, int off, int len) {
        return dot(x, off, x, off, len);
    }

    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        float s = 0;
        for (int i = 0; i < len; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    public static float maxAbs(float[] x, int off, int len) {
        float m = 0;
        for (int i = off; i < off + len; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    public static void columnSums(float[] x, int rows, int cols, float[] out) {
        for (int j = 0; j < cols; j++) {
            float s = 0;
            for (int r = 0; r < rows; r++) {
                s += x[r * cols + j];
            }
            out[j] = s;
        }
    }
}
