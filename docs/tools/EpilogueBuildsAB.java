import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

/**
 * The cost of the fused forward epilogue (bias + activation) over the plain product, for one or
 * more builds of vecnn's kernels in one JVM, each in a class loader of its own: per round, every
 * build's plain float product and fused product of the same shape are called in turn (best of
 * many calls each), after that build's {@code Warmup.forFloat()} (which every fit runs first).
 * Also the unfused form (the plain product, then a bias pass and the activation's pass over C, as
 * a library without epilogues does) and a pass of the activation alone over 10,000 floats. Prints,
 * per build, the plain / fused / separate microseconds, the epilogue's share
 * {@code fused / plain - 1}, {@code separate / fused} and the pass time; "paired" gives the same
 * two ratios as the median over calls of each call's ratio to the call just before it, which
 * follows this machine's minute-to-minute speed changes better than best-of. JMH's forks on
 * this shared machine differ by more than these costs (docs/results.md), interleaved calls in one
 * JVM do not. Not needed to build or test vecnn.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector docs/tools/EpilogueBuildsAB.java \
 *       /tmp/before-classes,/tmp/after-classes 3000 logistic,tanh 200x50x100
 * </pre>
 * The shape is {@code MxNxK} (200x50x100: the 784-100-50-10 network's second layer at batch 200).
 * {@code MxNxKxNT} times the backward delta instead: {@code C = (D W^T) * act'(Z)} with D m x k,
 * W stored n x k and Z the layer's stored outputs (200x100x50xNT: the delta into the 100-unit
 * layer), against the plain NT product and the product followed by the derivative's pass.
 */
public class EpilogueBuildsAB {
    public static void main(String[] args) throws Throwable {
        if (args.length < 4) {
            System.err.println("usage: EpilogueBuildsAB dir1[,dir2...] calls activation[,activation...] MxNxK");
            return;
        }
        String[] dirs = args[0].split(",");
        int calls = Integer.parseInt(args[1]);
        String[] activations = args[2].split(",");
        String[] parts = args[3].split("x");
        boolean backward = parts.length == 4 && parts[3].equals("NT");
        int m = Integer.parseInt(parts[0]), n = Integer.parseInt(parts[1]), k = Integer.parseInt(parts[2]);
        Build[] builds = new Build[dirs.length];
        for (int v = 0; v < dirs.length; v++) {
            builds[v] = new Build(dirs[v], activations);
        }
        Random rnd = new Random(42);
        float[] a = fill(rnd, m * k, 1f);
        float[] w = fill(rnd, k * n, 0.2f);
        float[] bias = fill(rnd, n, 0.5f);
        // Stored outputs for the derivative: in (0, 1), a tenth of them 0 (relu's inactive units).
        float[] z = fill(rnd, m * n, 1f);
        for (int i = 0; i < z.length; i++) {
            z[i] = i % 10 == 0 ? 0f : Math.abs(z[i]);
        }
        float[] pass = fill(rnd, 10_000, 6f);
        float[][] results = new float[dirs.length][];
        for (int round = 0; round < 5; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int act = 0; act < activations.length; act++) {
                line.append("  ").append(activations[act]).append(" [");
                for (int v = 0; v < builds.length; v++) {
                    Build b = builds[v];
                    float[] c = new float[m * n];
                    long plain = Long.MAX_VALUE;
                    long fused = Long.MAX_VALUE;
                    long separate = Long.MAX_VALUE;
                    float[] s = new float[m * n];
                    double[] pairedShare = new double[calls];
                    double[] pairedSeparate = new double[calls];
                    for (int i = 0; i < calls; i++) {
                        int ldb = backward ? k : n;
                        long t0 = System.nanoTime();
                        b.gemm.invokeExact(false, backward, m, n, k, 1f, a, 0, k, w, 0, ldb, 0f, c, 0, n);
                        long t1 = System.nanoTime();
                        if (backward) {
                            b.derivativeFused.invokeExact(false, true, m, n, k, a, 0, k, w, 0, k, b.activation[act],
                                    0f, z, 0, n, c, 0, n);
                        } else {
                            b.fused.invokeExact(false, false, m, n, k, a, 0, k, w, 0, n, bias, 0, b.activation[act],
                                    0f, c, 0, n);
                        }
                        long t2 = System.nanoTime();
                        long t3 = System.nanoTime();
                        b.gemm.invokeExact(false, backward, m, n, k, 1f, a, 0, k, w, 0, ldb, 0f, s, 0, n);
                        if (backward) {
                            b.derivative.invokeExact(b.activation[act], 0f, z, s, 0, s.length);
                        } else {
                            for (int r = 0; r < m; r++) {
                                for (int j = 0; j < n; j++) {
                                    s[r * n + j] += bias[j];
                                }
                            }
                            b.forward.invokeExact(b.activation[act], s, 0, s.length);
                        }
                        long t4 = System.nanoTime();
                        plain = Math.min(plain, t1 - t0);
                        fused = Math.min(fused, t2 - t1);
                        separate = Math.min(separate, t4 - t3);
                        pairedShare[i] = (double) (t2 - t1) / (t1 - t0);
                        pairedSeparate[i] = (double) (t4 - t3) / (t2 - t1);
                    }
                    Arrays.sort(pairedShare);
                    Arrays.sort(pairedSeparate);
                    results[v] = c;
                    long passBest = Long.MAX_VALUE;
                    for (int i = 0; i < calls; i++) {
                        float[] x = pass.clone();
                        long t0 = System.nanoTime();
                        b.forward.invokeExact(b.activation[act], x, 0, x.length);
                        passBest = Math.min(passBest, System.nanoTime() - t0);
                    }
                    line.append(String.format(
                            " %s %.2f/%.2f/%.2f us +%.1f%% (paired %+.1f%%) sep/fused %.2f (paired %.2f) pass %.2f us;",
                            v == 0 ? "A" : "B" + v, plain / 1e3, fused / 1e3, separate / 1e3,
                            100.0 * (fused - plain) / plain, 100.0 * (pairedShare[calls / 2] - 1),
                            (double) separate / fused, pairedSeparate[calls / 2], passBest / 1e3));
                }
                for (int v = 1; v < builds.length; v++) {
                    if (!Arrays.equals(results[0], results[v])) {
                        line.append(" DIFF(B").append(v).append(")");
                    }
                }
                line.append("]");
            }
            System.out.println(line);
        }
    }

    private static float[] fill(Random rnd, int len, float scale) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = (rnd.nextFloat() * 2 - 1) * scale;
        }
        return x;
    }

    /** One build's entry points, loaded in its own class loader. */
    private static final class Build {
        final MethodHandle gemm;
        final MethodHandle fused;
        final MethodHandle forward;
        final MethodHandle derivativeFused;
        final MethodHandle derivative;
        final Object[] activation;

        Build(String dir, String[] names) throws Throwable {
            ClassLoader loader = new URLClassLoader(new URL[] {Paths.get(dir).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> api = loader.loadClass("dev.vecnn.kernels.Gemm");
            api.getMethod("setThreads", int.class).invoke(null, 1);
            loader.loadClass("dev.vecnn.kernels.Warmup").getMethod("forFloat").invoke(null);
            Class<?> act = loader.loadClass("dev.vecnn.kernels.Activation");
            activation = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                activation[i] = act.getMethod("fromName", String.class).invoke(null, names[i]);
            }
            var lookup = MethodHandles.publicLookup();
            gemm = lookup.unreflect(api.getMethod("sgemm", boolean.class, boolean.class, int.class, int.class,
                    int.class, float.class, float[].class, int.class, int.class, float[].class, int.class, int.class,
                    float.class, float[].class, int.class, int.class));
            Class<?> fusedApi = loader.loadClass("dev.vecnn.kernels.FusedGemm");
            fused = lookup.unreflect(fusedApi.getMethod("sgemmBiasActivation", boolean.class, boolean.class,
                    int.class, int.class, int.class, float[].class, int.class, int.class, float[].class, int.class,
                    int.class, float[].class, int.class, act, float.class, float[].class, int.class, int.class))
                    .asType(MethodType.methodType(void.class, boolean.class, boolean.class, int.class, int.class,
                            int.class, float[].class, int.class, int.class, float[].class, int.class, int.class,
                            float[].class, int.class, Object.class, float.class, float[].class, int.class, int.class));
            Class<?> activations = loader.loadClass("dev.vecnn.kernels.Activations");
            forward = lookup.unreflect(activations.getMethod("forward", act, float[].class, int.class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, float[].class, int.class, int.class));
            derivativeFused = lookup.unreflect(fusedApi.getMethod("sgemmActivationDerivative", boolean.class,
                    boolean.class, int.class, int.class, int.class, float[].class, int.class, int.class, float[].class,
                    int.class, int.class, act, float.class, float[].class, int.class, int.class, float[].class,
                    int.class, int.class))
                    .asType(MethodType.methodType(void.class, boolean.class, boolean.class, int.class, int.class,
                            int.class, float[].class, int.class, int.class, float[].class, int.class, int.class,
                            Object.class, float.class, float[].class, int.class, int.class, float[].class, int.class,
                            int.class));
            derivative = lookup.unreflect(activations.getMethod("derivative", act, float.class, float[].class,
                    float[].class, int.class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, float.class, float[].class, float[].class,
                            int.class, int.class));
        }
    }
}
