package dev.vecnn.kernels.elementwise;

/**
 * The scalar twin of {@link UpdateF32}: the same formulas, one element at a time, in the same
 * operation order. The range forms ({@code from} inclusive, {@code to} exclusive) also finish
 * the vector kernels' last partial vector, so that their main loops need no mask.
 *
 * <p>Internal: arguments were prepared by the public facade.
 */
public final class UpdateScalarF32 {
    private UpdateScalarF32() {
    }

    public static void sgd(float[] p, float[] g, float lr) {
        sgd(p, g, lr, 0, p.length);
    }

    static void sgd(float[] p, float[] g, float lr, int from, int to) {
        for (int i = from; i < to; i++) {
            p[i] = p[i] - g[i] * lr;
        }
    }

    public static void momentum(float[] p, float[] v, float[] g, float lr, float mu, boolean nesterov) {
        momentum(p, v, g, lr, mu, nesterov, 0, p.length);
    }

    static void momentum(float[] p, float[] v, float[] g, float lr, float mu, boolean nesterov, int from, int to) {
        for (int i = from; i < to; i++) {
            float step = g[i] * lr;
            float vi = v[i] * mu - step;
            v[i] = vi;
            p[i] = p[i] + (nesterov ? vi * mu - step : vi);
        }
    }

    public static void adam(float[] p, float[] g, float[] m, float[] v, float lrT, float b1, float b2,
                            float eps, float lrDecay) {
        adam(p, g, m, v, lrT, b1, b2, eps, lrDecay, 0, p.length);
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, float lrT, float b1, float b2,
                     float eps, float lrDecay, int from, int to) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] * b1 + gi * (1 - b1);
            float vi = v[i] * b2 + gi * gi * (1 - b2);
            m[i] = mi;
            v[i] = vi;
            float step = mi * lrT / ((float) Math.sqrt(vi) + eps);
            p[i] = p[i] - p[i] * lrDecay - step;
        }
    }

    public static void scaled(float[] p, float[] g, float[] h, float lr, float rho, float oneMinusRho, float eps) {
        scaled(p, g, h, lr, rho, oneMinusRho, eps, 0, p.length);
    }

    static void scaled(float[] p, float[] g, float[] h, float lr, float rho, float oneMinusRho, float eps,
                       int from, int to) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float hi = h[i] * rho + gi * gi * oneMinusRho;
            h[i] = hi;
            p[i] = p[i] - gi * lr / ((float) Math.sqrt(hi) + eps);
        }
    }
}
