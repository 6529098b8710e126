import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Random;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * vecnn's GEMM against OpenBLAS's in one JVM, the two called in turn (best of many calls each,
 * five rounds), one thread (or {@code -Dthreads=N} for both). On a shared machine JMH's forks run at different moments and differ by
 * tens of percent (session 14's Xeon: errors of +-50% in single forks); calls interleaved in one
 * process share the machine's state, so their ratio is steadier. A supplement to GemmBenchmark,
 * not a replacement: it runs no JMH harness. Not needed to build or test vecnn.
 *
 * <pre>
 *   OPENBLAS_CORETYPE=Cooperlake java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *       docs/tools/VersusOpenBlas.java kernels/target/classes f32 300 200x10x50 784x100x200xTN
 * </pre>
 * Prints per round and shape vecnn's and OpenBLAS's GFLOP/s (2mnk / best time) and vecnn's ratio,
 * and the OpenBLAS core in use. A shape is {@code MxNxK}, optionally followed by {@code xTN},
 * {@code xNT} or {@code xTT}.
 */
public class VersusOpenBlas {
    public static void main(String[] args) throws Throwable {
        if (args.length < 4) {
            System.err.println("usage: VersusOpenBlas classesDir f32|f64 calls shape...");
            return;
        }
        boolean f64 = args[1].equals("f64");
        int calls = Integer.parseInt(args[2]);
        int threads = Integer.getInteger("threads", 1);
        MethodHandle vecnn = VecnnBuild.gemm(args[0], f64, threads);
        Linker linker = Linker.nativeLinker();
        SymbolLookup blas = SymbolLookup.libraryLookup("libopenblas.so.0", Arena.global());
        ValueLayout s = f64 ? JAVA_DOUBLE : JAVA_FLOAT;
        MethodHandle cblas = linker.downcallHandle(blas.find(f64 ? "cblas_dgemm" : "cblas_sgemm").orElseThrow(),
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, s, ADDRESS,
                        JAVA_INT, ADDRESS, JAVA_INT, s, ADDRESS, JAVA_INT));
        linker.downcallHandle(blas.find("openblas_set_num_threads").orElseThrow(), FunctionDescriptor.ofVoid(JAVA_INT))
                .invokeExact(threads);
        MemorySegment core = (MemorySegment) linker.downcallHandle(blas.find("openblas_get_corename").orElseThrow(),
                FunctionDescriptor.of(ADDRESS)).invokeExact();
        System.out.println("OpenBLAS core " + core.reinterpret(64).getString(0) + ", " + threads + " thread(s)");
        for (int round = 0; round < 5; round++) {
            StringBuilder line = new StringBuilder();
            for (String shape : Arrays.copyOfRange(args, 3, args.length)) {
                line.append(time(shape, f64, calls, vecnn, cblas)).append(" | ");
            }
            System.out.println(line);
        }
    }

    private static String time(String shape, boolean f64, int calls, MethodHandle vecnn, MethodHandle cblas)
            throws Throwable {
        ProductShape s = ProductShape.parse(shape);
        int m = s.m();
        int n = s.n();
        int k = s.k();
        boolean ta = s.transA();
        boolean tb = s.transB();
        int lda = s.lda();
        int ldb = s.ldb();
        Random rnd = new Random(1);
        double[] a = rnd.doubles((long) m * k, -1, 1).toArray();
        double[] b = rnd.doubles((long) k * n, -1, 1).toArray();
        Object aj = f64 ? a : floats(a);
        Object bj = f64 ? b : floats(b);
        Object cj = f64 ? new double[m * n] : new float[m * n];
        Object one = f64 ? (Object) 1.0 : (Object) 1f;
        Object zero = f64 ? (Object) 0.0 : (Object) 0f;
        long bytes = f64 ? 8 : 4;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment an = arena.allocate(bytes * a.length, 64);
            MemorySegment bn = arena.allocate(bytes * b.length, 64);
            MemorySegment cn = arena.allocate(bytes * m * n, 64);
            for (int i = 0; i < a.length; i++) {
                if (f64) {
                    an.setAtIndex(JAVA_DOUBLE, i, a[i]);
                } else {
                    an.setAtIndex(JAVA_FLOAT, i, (float) a[i]);
                }
            }
            for (int i = 0; i < b.length; i++) {
                if (f64) {
                    bn.setAtIndex(JAVA_DOUBLE, i, b[i]);
                } else {
                    bn.setAtIndex(JAVA_FLOAT, i, (float) b[i]);
                }
            }
            long bestV = Long.MAX_VALUE;
            long bestO = Long.MAX_VALUE;
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                vecnn.invoke(ta, tb, m, n, k, one, aj, 0, lda, bj, 0, ldb, zero, cj, 0, n);
                long t1 = System.nanoTime();
                if (f64) {
                    cblas.invokeExact(101, ta ? 112 : 111, tb ? 112 : 111, m, n, k, 1.0, an, lda, bn, ldb, 0.0, cn, n);
                } else {
                    cblas.invokeExact(101, ta ? 112 : 111, tb ? 112 : 111, m, n, k, 1f, an, lda, bn, ldb, 0f, cn, n);
                }
                long t2 = System.nanoTime();
                bestV = Math.min(bestV, t1 - t0);
                bestO = Math.min(bestO, t2 - t1);
            }
            double flops = 2.0 * m * n * k;
            return String.format("%s: vecnn %.1f OpenBLAS %.1f (%.2f)", shape, flops / bestV, flops / bestO,
                    (double) bestO / bestV);
        }
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
