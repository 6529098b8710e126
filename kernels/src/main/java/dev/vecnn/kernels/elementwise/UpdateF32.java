package dev.vecnn.kernels.elementwise;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD optimizer updates, in place over flat parameter arrays, reading and writing every array
 * once. Each uses exactly the operations, in the same order and without fused multiply-add, of
 * its scalar twin {@link UpdateScalarF32}, so the two agree bit for bit; that is also why the
 * last partial vector is finished by the twin: the main loops carry no mask, because a masked
 * store whose mask C2 cannot prove constant falls back to a per-lane bounds check in Java (it
 * made the masked Adam slower than the scalar loop). Every load of an iteration comes before its
 * stores: the parameter arrays are often allocated back to back with sizes that are multiples of
 * 4 KiB, so p[i], m[i] and v[i] share their low address bits, and a load issued after a store to
 * such an address waits on it (4K aliasing; Adam over 2 MiB arrays ran at 18 GB/s instead of 110).
 *
 * <p>Each works on the range {@code [from, to)}, so that the facade can split long arrays over
 * threads; elements do not interact, so the split never changes a bit.
 *
 * <p>Internal: arguments (and the step-dependent learning rate of Adam) were prepared by the
 * public facade.
 */
public final class UpdateF32 {
    private static final VectorSpecies<Float> S = VectorMathF32.S;
    private static final int L = S.length();

    private UpdateF32() {
    }

    /** {@code p -= lr g}. */
    public static void sgd(float[] p, float[] g, float lr, int from, int to) {
        int n = to;
        int i = from;
        for (; i <= n - L; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            pv.sub(FloatVector.fromArray(S, g, i).mul(lr)).intoArray(p, i);
        }
        UpdateScalarF32.sgd(p, g, lr, i, n);
    }

    /** {@code v = mu v - lr g; p += v}, or with Nesterov {@code p += mu v - lr g} (new v). */
    public static void momentum(float[] p, float[] v, float[] g, float lr, float mu, boolean nesterov, int from,
                                int to) {
        int n = to;
        int i = from;
        for (; i <= n - L; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector step = FloatVector.fromArray(S, g, i).mul(lr);
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(mu).sub(step);
            FloatVector update = nesterov ? vv.mul(mu).sub(step) : vv;
            vv.intoArray(v, i);
            pv.add(update).intoArray(p, i);
        }
        UpdateScalarF32.momentum(p, v, g, lr, mu, nesterov, i, n);
    }

    /**
     * Adam with the bias corrections folded into {@code lrT} (scikit-learn's form) and decoupled
     * weight decay {@code p -= lr * decay * p} (AdamW; {@code decay = 0} is plain Adam):
     * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; p = p - lrDecay p - lrT m / (sqrt(v) + eps)}.
     */
    public static void adam(float[] p, float[] g, float[] mArr, float[] vArr, float lrT, float b1, float b2,
                            float eps, float lrDecay, int from, int to) {
        int n = to;
        int i = from;
        for (; i <= n - L; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector mv = FloatVector.fromArray(S, mArr, i).mul(b1).add(gv.mul(1 - b1));
            FloatVector vv = FloatVector.fromArray(S, vArr, i).mul(b2).add(gv.mul(gv).mul(1 - b2));
            FloatVector step = mv.mul(lrT).div(vv.sqrt().add(eps));
            mv.intoArray(mArr, i);
            vv.intoArray(vArr, i);
            pv.sub(pv.mul(lrDecay)).sub(step).intoArray(p, i);
        }
        UpdateScalarF32.adam(p, g, mArr, vArr, lrT, b1, b2, eps, lrDecay, i, n);
    }

    /**
     * AdaGrad ({@code rho = 1, oneMinusRho = 1}: {@code h += g^2}) and RMSProp
     * ({@code h = rho h + (1-rho) g^2}), then {@code p -= lr g / (sqrt(h) + eps)}.
     */
    public static void scaled(float[] p, float[] g, float[] h, float lr, float rho, float oneMinusRho, float eps,
                              int from, int to) {
        int n = to;
        int i = from;
        for (; i <= n - L; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector hv = FloatVector.fromArray(S, h, i).mul(rho).add(gv.mul(gv).mul(oneMinusRho));
            hv.intoArray(h, i);
            pv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(p, i);
        }
        UpdateScalarF32.scaled(p, g, h, lr, rho, oneMinusRho, eps, i, n);
    }
}
