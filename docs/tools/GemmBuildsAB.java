import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Random;

/**
 * Two or more builds of vecnn's kernels timed against each other in one JVM: each build's classes
 * in a class loader of its own, the products called in turn, best of many calls per build and
 * shape, five rounds. On this project's shared two-core machine, JMH forks and separate JVMs
 * differ by 20-30% from run to run, and whole JVMs sometimes run a kernel slower than others
 * (docs/results.md); builds interleaved in one JVM share the machine's state, so their ratio is
 * what a change did. Also checks that the builds give the same bits. Not needed to build or test
 * vecnn.
 *
 * <p>Usage (single-file program; build each version first and copy its
 * {@code kernels/target/classes} somewhere):
 * <pre>
 *   java --add-modules jdk.incubator.vector docs/tools/GemmBuildsAB.java \
 *       /tmp/before-classes,/tmp/after-classes f32 1000 200x10x50 200x50x100 100x50x200xTN
 * </pre>
 * Prints per round and shape each build's GFLOP/s (2mnk / best time), the first build's time over
 * the last one's (above 1: the last is faster) and DIFF when their results differ in any bit. A
 * shape is {@code MxNxK}, optionally followed by {@code xTN}, {@code xNT} or {@code xTT}; one
 * thread, or {@code -Dthreads=N} (the builds' worker pools then take turns), or per build with
 * {@code dir@N}: {@code /tmp/classes@1,/tmp/classes@2} times one build's two-thread speed-up in
 * one JVM (the ratio printed is then the speed-up). With {@code -DmnistLike=true} (before the file name) A is mostly zeros, as MNIST's
 * pixels, so that row-major products take the sparse path. With
 * {@code -DmnistImages=nn/src/main/resources/dev/vecnn/nn/data/images-idx3-ubyte.gz} A's stored rows
 * are MNIST's first images (shapes whose A stores 784 columns: 200x100x784, 784x100x200xTN).
 */
public class GemmBuildsAB {
    public static void main(String[] args) throws Throwable {
        if (args.length < 4) {
            System.err.println("usage: GemmBuildsAB dir1,dir2[,...] f32|f64 calls shape...");
            return;
        }
        String[] dirs = args[0].split(",");
        boolean f64 = args[1].equals("f64");
        int calls = Integer.parseInt(args[2]);
        String[] shapes = Arrays.copyOfRange(args, 3, args.length);
        MethodHandle[] gemm = new MethodHandle[dirs.length];
        for (int v = 0; v < dirs.length; v++) {
            // dir@N: this build on N threads (the same build twice, dir@1,dir@2, times the speed-up).
            String[] dirAndThreads = dirs[v].split("@");
            int threads = dirAndThreads.length > 1 ? Integer.parseInt(dirAndThreads[1])
                    : Integer.getInteger("threads", 1);
            gemm[v] = VecnnBuild.gemm(dirAndThreads[0], f64, threads);
        }
        for (int round = 0; round < 5; round++) {
            StringBuilder line = new StringBuilder();
            for (String shape : shapes) {
                line.append(time(shape, f64, calls, gemm)).append(" | ");
            }
            System.out.println(line);
        }
    }

    private static String time(String shape, boolean f64, int calls, MethodHandle[] gemm) throws Throwable {
        ProductShape s = ProductShape.parse(shape);
        int m = s.m();
        int n = s.n();
        int k = s.k();
        boolean transA = s.transA();
        boolean transB = s.transB();
        int lda = s.lda();
        int ldb = s.ldb();
        Random random = new Random(42);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        Arrays.setAll(a, i -> random.nextDouble() - 0.5);
        Arrays.setAll(b, i -> random.nextDouble() - 0.5);
        String images = System.getProperty("mnistImages");
        if (images != null) {
            // A's stored rows are MNIST images (784 pixels each, scaled to [0, 1]): X for
            // 200x100x784, X^T for 784x100x200xTN (the first layer's weight gradient).
            int pixels = 784;
            int samples = transA ? k : m;
            if ((transA ? m : k) != pixels || lda != pixels) {
                throw new IllegalArgumentException("-DmnistImages needs 784 pixels as A's stored rows, got " + shape);
            }
            try (var in = new java.io.DataInputStream(new java.util.zip.GZIPInputStream(
                    new java.io.FileInputStream(images)))) {
                in.skipNBytes(16);
                for (int i = 0; i < samples * pixels; i++) {
                    a[i] = in.readUnsignedByte() / 255.0;
                }
            }
        } else if (Boolean.getBoolean("mnistLike")) {
            // Zeros as in MNIST's pixels: half of A's columns zero in every row (a 12-row tile's
            // nonzero steps are then about half of k), the rest nonzero in 40% of the rows.
            boolean[] live = new boolean[k];
            for (int q = 0; q < k; q++) {
                live[q] = random.nextBoolean();
            }
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    if (!live[q] || random.nextDouble() >= 0.4) {
                        a[transA ? q * lda + i : i * lda + q] = 0;
                    }
                }
            }
        }
        float[] af = toFloat(a);
        float[] bf = toFloat(b);
        Object[] c = new Object[gemm.length];
        long[] best = new long[gemm.length];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int v = 0; v < gemm.length; v++) {
            c[v] = f64 ? new double[m * n] : new float[m * n];
        }
        for (int call = 0; call < calls; call++) {
            for (int v = 0; v < gemm.length; v++) {
                long start = System.nanoTime();
                if (f64) {
                    gemm[v].invoke(transA, transB, m, n, k, 1.0, a, 0, lda, b, 0, ldb, 0.0, (double[]) c[v], 0, n);
                } else {
                    gemm[v].invoke(transA, transB, m, n, k, 1f, af, 0, lda, bf, 0, ldb, 0f, (float[]) c[v], 0, n);
                }
                best[v] = Math.min(best[v], System.nanoTime() - start);
            }
        }
        StringBuilder out = new StringBuilder(shape).append(':');
        for (long t : best) {
            out.append(String.format(" %.1f", 2.0 * m * n * k / t));
        }
        boolean same = f64 ? Arrays.equals((double[]) c[0], (double[]) c[gemm.length - 1])
                : Arrays.equals((float[]) c[0], (float[]) c[gemm.length - 1]);
        out.append(String.format(" (%.3f)", (double) best[0] / best[gemm.length - 1]));
        return same ? out.toString() : out.append(" DIFF").toString();
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
