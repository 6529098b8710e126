package dev.vecnn.kernels;

import dev.vecnn.kernels.elementwise.UpdateF32;
import dev.vecnn.kernels.elementwise.UpdateF64;
import dev.vecnn.kernels.elementwise.UpdateScalarF32;
import dev.vecnn.kernels.elementwise.UpdateScalarF64;
import dev.vecnn.kernels.gemm.Workers;

/**
 * Optimizer updates in place over flat parameter arrays {@code params} and gradients
 * {@code grads} (and the optimizer's state arrays), all of the same length; each update reads and
 * writes every array exactly once. Formulas follow scikit-learn's {@code SGDOptimizer} and
 * {@code AdamOptimizer}:
 * <pre>
 * sgd        p -= lr g
 * momentum   v = mu v - lr g;  p += v                (Nesterov: p += mu v - lr g, with the new v)
 * adam       m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
 *            lr_t = lr sqrt(1 - b2^t) / (1 - b1^t);  p -= lr_t m / (sqrt(v) + eps)
 * adamW      as adam, plus decoupled weight decay from the old p:  p -= lr decay p
 * adagrad    h += g^2;  p -= lr g / (sqrt(h) + eps)
 * rmsprop    h = rho h + (1-rho) g^2;  p -= lr g / (sqrt(h) + eps)
 * </pre>
 * Arrays of at least {@value #PARALLEL_MIN_ELEMENTS} elements are split into ranges over
 * {@link Gemm#threads()} threads; elements do not interact, so the result is the same for any
 * thread count. The optimizer's state arrays must not be {@code params} itself (grads may be).
 * Invalid arguments throw {@link IllegalArgumentException} naming the argument, before anything
 * is written.
 */
public final class Updates {
    /** Arrays shorter than this are updated on the calling thread (a hand-off costs microseconds). */
    public static final int PARALLEL_MIN_ELEMENTS = 1 << 15;
    /** Range boundaries fall on multiples of this, so every range but the last is whole vectors. */
    private static final int ALIGN = 64;

    private Updates() {
    }

    // Each update below repeats "one range, or Workers.run over ranges" rather than passing a
    // range lambda to a shared helper: a lambda built before the branch would be allocated on
    // every call, also on one thread, and a training step must allocate nothing
    // (BatchStepAllocationTest); built inside the parallel branch it costs only there.
    // Without a branch: the warm-up's short arrays never take the parallel side, and a compiled
    // branch that never ran is a trap that the first real update would spring.
    private static int parts(int n) {
        return Math.min(Workers.available(), Math.max(1, n / PARALLEL_MIN_ELEMENTS));
    }

    /** Start of range {@code part} of {@code parts} over {@code [0, n)}. */
    private static int bound(int n, int part, int parts) {
        return part == parts ? n : (int) ((long) n * part / parts / ALIGN * ALIGN);
    }

    /**
     * Plain SGD: {@code p -= lr g}.
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param lr the learning rate, finite
     */
    public static void sgd(float[] params, float[] grads, float lr) {
        same(params, "grads", grads);
        ElementwiseArguments.finite("lr", lr);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF32.sgd(params, grads, lr, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF32.sgd(params, grads, lr, bound(n, part, parts),
                        bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF32.sgd(params, grads, lr);
        }
    }

    /**
     * Plain SGD: {@code p -= lr g}.
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param lr the learning rate, finite
     */
    public static void sgd(double[] params, double[] grads, double lr) {
        same(params, "grads", grads);
        ElementwiseArguments.finite("lr", lr);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF64.sgd(params, grads, lr, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF64.sgd(params, grads, lr, bound(n, part, parts),
                        bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF64.sgd(params, grads, lr);
        }
    }

    /**
     * SGD with momentum {@code mu} in [0, 1], classical or Nesterov, exactly as scikit-learn (which
     * accepts 1: the velocity then never decays).
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param velocity the velocity, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param mu the momentum, in [0, 1]
     * @param nesterov true for Nesterov's update, false for the classical one
     */
    public static void momentum(float[] params, float[] grads, float[] velocity, float lr, float mu, boolean nesterov) {
        same(params, "grads", grads, "velocity", velocity);
        ElementwiseArguments.finite("lr", lr);
        ElementwiseArguments.inClosed("mu", mu, 0, 1);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF32.momentum(params, velocity, grads, lr, mu, nesterov, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF32.momentum(params, velocity, grads, lr, mu, nesterov,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF32.momentum(params, velocity, grads, lr, mu, nesterov);
        }
    }

    /**
     * SGD with momentum {@code mu} in [0, 1], classical or Nesterov, exactly as scikit-learn (which
     * accepts 1: the velocity then never decays).
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param velocity the velocity, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param mu the momentum, in [0, 1]
     * @param nesterov true for Nesterov's update, false for the classical one
     */
    public static void momentum(double[] params, double[] grads, double[] velocity, double lr, double mu,
                                boolean nesterov) {
        same(params, "grads", grads, "velocity", velocity);
        ElementwiseArguments.finite("lr", lr);
        ElementwiseArguments.inClosed("mu", mu, 0, 1);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF64.momentum(params, velocity, grads, lr, mu, nesterov, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF64.momentum(params, velocity, grads, lr, mu, nesterov,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF64.momentum(params, velocity, grads, lr, mu, nesterov);
        }
    }

    /**
     * Adam step number {@code t >= 1} (count from 1, as scikit-learn's {@code self.t}).
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param m the first-moment estimates, of the same length, updated in place
     * @param v the second-moment estimates, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param beta1 decay of {@code m}, in [0, 1)
     * @param beta2 decay of {@code v}, in [0, 1)
     * @param eps added to {@code sqrt(v)} in the denominator, finite
     * @param t the step number, {@code >= 1}
     */
    public static void adam(float[] params, float[] grads, float[] m, float[] v, float lr, float beta1, float beta2,
                            float eps, long t) {
        adamW(params, grads, m, v, lr, beta1, beta2, eps, 0f, t);
    }

    /**
     * Adam step number {@code t >= 1} (count from 1, as scikit-learn's {@code self.t}).
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param m the first-moment estimates, of the same length, updated in place
     * @param v the second-moment estimates, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param beta1 decay of {@code m}, in [0, 1)
     * @param beta2 decay of {@code v}, in [0, 1)
     * @param eps added to {@code sqrt(v)} in the denominator, finite
     * @param t the step number, {@code >= 1}
     */
    public static void adam(double[] params, double[] grads, double[] m, double[] v, double lr, double beta1,
                            double beta2, double eps, long t) {
        adamW(params, grads, m, v, lr, beta1, beta2, eps, 0d, t);
    }

    /**
     * AdamW: Adam plus decoupled weight decay {@code p -= lr weightDecay p} (from the old p).
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param m the first-moment estimates, of the same length, updated in place
     * @param v the second-moment estimates, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param beta1 decay of {@code m}, in [0, 1)
     * @param beta2 decay of {@code v}, in [0, 1)
     * @param eps added to {@code sqrt(v)} in the denominator, finite
     * @param weightDecay the decay rate, scaled by {@code lr}, finite
     * @param t the step number, {@code >= 1}
     */
    public static void adamW(float[] params, float[] grads, float[] m, float[] v, float lr, float beta1, float beta2,
                             float eps, float weightDecay, long t) {
        checkAdam(params, grads, m, v, lr, beta1, beta2, eps, weightDecay, t);
        float lrT = (float) adamRate(lr, beta1, beta2, t);
        float lrDecay = lr * weightDecay;
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF32.adam(params, grads, m, v, lrT, beta1, beta2, eps, lrDecay, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF32.adam(params, grads, m, v, lrT, beta1, beta2, eps, lrDecay,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF32.adam(params, grads, m, v, lrT, beta1, beta2, eps, lrDecay);
        }
    }

    /**
     * AdamW: Adam plus decoupled weight decay {@code p -= lr weightDecay p} (from the old p).
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param m the first-moment estimates, of the same length, updated in place
     * @param v the second-moment estimates, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param beta1 decay of {@code m}, in [0, 1)
     * @param beta2 decay of {@code v}, in [0, 1)
     * @param eps added to {@code sqrt(v)} in the denominator, finite
     * @param weightDecay the decay rate, scaled by {@code lr}, finite
     * @param t the step number, {@code >= 1}
     */
    public static void adamW(double[] params, double[] grads, double[] m, double[] v, double lr, double beta1,
                             double beta2, double eps, double weightDecay, long t) {
        checkAdam(params, grads, m, v, lr, beta1, beta2, eps, weightDecay, t);
        double lrT = adamRate(lr, beta1, beta2, t);
        double lrDecay = lr * weightDecay;
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF64.adam(params, grads, m, v, lrT, beta1, beta2, eps, lrDecay, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF64.adam(params, grads, m, v, lrT, beta1, beta2, eps, lrDecay,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF64.adam(params, grads, m, v, lrT, beta1, beta2, eps, lrDecay);
        }
    }

    /**
     * AdaGrad: {@code h += g^2; p -= lr g / (sqrt(h) + eps)}.
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param h the sums of squared gradients, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param eps added to {@code sqrt(h)} in the denominator, finite
     */
    public static void adagrad(float[] params, float[] grads, float[] h, float lr, float eps) {
        checkScaled(params, grads, h, lr, 0, eps);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF32.scaled(params, grads, h, lr, 1, 1, eps, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF32.scaled(params, grads, h, lr, 1, 1, eps,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF32.scaled(params, grads, h, lr, 1, 1, eps);
        }
    }

    /**
     * AdaGrad: {@code h += g^2; p -= lr g / (sqrt(h) + eps)}.
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param h the sums of squared gradients, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param eps added to {@code sqrt(h)} in the denominator, finite
     */
    public static void adagrad(double[] params, double[] grads, double[] h, double lr, double eps) {
        checkScaled(params, grads, h, lr, 0, eps);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF64.scaled(params, grads, h, lr, 1, 1, eps, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF64.scaled(params, grads, h, lr, 1, 1, eps,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF64.scaled(params, grads, h, lr, 1, 1, eps);
        }
    }

    /**
     * RMSProp: {@code h = rho h + (1-rho) g^2; p -= lr g / (sqrt(h) + eps)}.
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param h the mean squared gradients, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param rho decay of {@code h}, in [0, 1)
     * @param eps added to {@code sqrt(h)} in the denominator, finite
     */
    public static void rmsprop(float[] params, float[] grads, float[] h, float lr, float rho, float eps) {
        checkScaled(params, grads, h, lr, rho, eps);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF32.scaled(params, grads, h, lr, rho, 1 - rho, eps, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF32.scaled(params, grads, h, lr, rho, 1 - rho, eps,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF32.scaled(params, grads, h, lr, rho, 1 - rho, eps);
        }
    }

    /**
     * RMSProp: {@code h = rho h + (1-rho) g^2; p -= lr g / (sqrt(h) + eps)}.
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, of the same length
     * @param h the mean squared gradients, of the same length, updated in place
     * @param lr the learning rate, finite
     * @param rho decay of {@code h}, in [0, 1)
     * @param eps added to {@code sqrt(h)} in the denominator, finite
     */
    public static void rmsprop(double[] params, double[] grads, double[] h, double lr, double rho, double eps) {
        checkScaled(params, grads, h, lr, rho, eps);
        if (VectorSupport.enabled()) {
            int n = params.length;
            int parts = parts(n);
            if (parts == 1) {
                UpdateF64.scaled(params, grads, h, lr, rho, 1 - rho, eps, 0, n);
            } else {
                Workers.run(parts, part -> UpdateF64.scaled(params, grads, h, lr, rho, 1 - rho, eps,
                        bound(n, part, parts), bound(n, part + 1, parts)));
            }
        } else {
            UpdateScalarF64.scaled(params, grads, h, lr, rho, 1 - rho, eps);
        }
    }

    /** scikit-learn's step size {@code lr sqrt(1 - b2^t) / (1 - b1^t)}, in double. */
    static double adamRate(double lr, double beta1, double beta2, long t) {
        return lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    }

    private static void checkAdam(Object p, Object g, Object m, Object v, double lr, double b1, double b2,
                                  double eps, double decay, long t) {
        same(p, "grads", g, "m", m, "v", v);
        ElementwiseArguments.finite("lr", lr);
        ElementwiseArguments.inHalfOpen("beta1", b1, 0, 1);
        ElementwiseArguments.inHalfOpen("beta2", b2, 0, 1);
        ElementwiseArguments.finite("eps", eps);
        ElementwiseArguments.finite("weightDecay", decay);
        if (t < 1) {
            throw new IllegalArgumentException("t must be >= 1 (steps count from 1), got " + t);
        }
    }

    private static void checkScaled(Object p, Object g, Object h, double lr, double rho, double eps) {
        same(p, "grads", g, "h", h);
        ElementwiseArguments.finite("lr", lr);
        ElementwiseArguments.inHalfOpen("rho", rho, 0, 1);
        ElementwiseArguments.finite("eps", eps);
    }

    // Checks that params and every named array are non-null and of params' length. Fixed arities,
    // not varargs: the JIT did not always remove the Object[] of a varargs call, and a training
    // step must allocate nothing (BatchStepAllocationTest caught 40 bytes per Adam step in one JVM
    // of several).
    private static void same(Object params, String name, Object array) {
        ElementwiseArguments.exactLength(name, array, ElementwiseArguments.length("params", params));
    }

    private static void same(Object params, String name1, Object array1, String name2, Object array2) {
        int n = ElementwiseArguments.length("params", params);
        ElementwiseArguments.exactLength(name1, array1, n);
        ElementwiseArguments.exactLength(name2, array2, n);
        notParams(params, name2, array2);
    }

    /**
     * An optimizer's state must be an array of its own: the vector body reads params before it
     * writes the state, the scalar tail after, so params passed as the state gave results that
     * depended on an element's position.
     */
    private static void notParams(Object params, String name, Object state) {
        if (state == params) {
            throw new IllegalArgumentException(name + " must not be the params array itself");
        }
    }

    private static void same(Object params, String name1, Object array1, String name2, Object array2, String name3,
                             Object array3) {
        int n = ElementwiseArguments.length("params", params);
        ElementwiseArguments.exactLength(name1, array1, n);
        ElementwiseArguments.exactLength(name2, array2, n);
        ElementwiseArguments.exactLength(name3, array3, n);
        notParams(params, name2, array2);
        notParams(params, name3, array3);
    }
}
