package dev.vecnn.nn;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.FusedGemm;
import dev.vecnn.kernels.Gemm;
import dev.vecnn.kernels.VectorSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every GEMM kernel family compiles in both of HotSpot's compilers. A kernel that C1 gives up on
 * ("out of virtual registers in linear scan") can be left in tier-2 code for good, with every
 * vector operation in the JDK's Java fallback: a kernel of session 11 with masked stores ran float
 * 200x10x50 80 times slower in some JVMs (docs/architecture.md). Checked in a fresh JVM with
 * {@code -XX:+PrintCompilation}, since in this one the kernels were compiled by earlier tests.
 */
class KernelCompilationTest {
    @Test
    void noKernelCompilationIsSkipped() throws IOException, InterruptedException {
        assumeTrue(VectorSupport.enabled(), "the scalar fallback has no vector kernels");
        String java = ProcessHandle.current().info().command().orElse(null);
        assumeTrue(java != null, "needs the path of this JVM's launcher");
        Process child = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-XX:+PrintCompilation",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        List<String> skipped = new ArrayList<>();
        boolean finished = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("dev.vecnn") && line.contains("COMPILE SKIPPED")) {
                    skipped.add(line.trim());
                }
                // The JIT threads print too, so the line may have their text around it.
                finished |= line.contains(Probe.DONE);
            }
        }
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the probe JVM did not exit");
        assertTrue(finished, "the probe JVM did not run its products");
        assertEquals(List.of(), skipped, "compilations of vecnn methods that the JIT gave up on");
    }

    /** Runs every kernel family (row-major, transposed and packed A, rows as arrays, the wide and one-vector slivers, sparse A, fused epilogues) in both precisions until C2 has compiled them. */
    static final class Probe {
        static final String DONE = "probe done";

        public static void main(String[] args) {
            Gemm.setThreads(1);
            Random r = new Random(3);
            fill(r);
            // Each kernel first alone, hot from the start, as a benchmark runs it: that is when C1
            // gave up (a JVM running many products first compiled the same kernel without trouble).
            for (int[] s : SHAPES) {
                for (int rep = 0; rep < 5000; rep++) {
                    Gemm.sgemm(false, false, s[0], s[1], s[2], 1f, f, 0, s[2], f, B, s[1], 0f, f, C, s[1]);
                }
                for (int rep = 0; rep < 5000; rep++) {
                    Gemm.dgemm(false, false, s[0], s[1], s[2], 1, d, 0, s[2], d, B, s[1], 0, d, C, s[1]);
                }
            }
            for (int[] s : SHAPES) {
                fillSparse(s[0], s[2]);
                for (int rep = 0; rep < 2000; rep++) {
                    products(s[0], s[1], s[2]);
                }
            }
            System.out.println(DONE);
        }

        // n = 10 and 7: one-vector slivers (7 in double too), n = 40, 50 and 100: wide last slivers,
        // 300: packed A; k of 64 and more for the sparse path. Transposed A with n = 1, 50 and 100:
        // the tail kernels (one column; 48 + 2; 96 + 4 in float).
        private static final int[][] SHAPES = {{200, 10, 50}, {200, 50, 100}, {100, 100, 60}, {60, 300, 40},
            {100, 7, 70}, {120, 40, 100}, {100, 1, 60}};
        private static final int B = 300 * 300;
        private static final int C = 2 * B;

        private static float[] f;
        private static double[] d;
        private static float[] sparseF;
        private static double[] sparseD;

        private static void fill(Random r) {
            f = new float[4 * B];
            d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = r.nextDouble() - 0.5;
                f[i] = (float) d[i];
            }
        }

        /** A of each shape with two columns in three zero in every row, for the sparse path's indexed kernels. */
        private static void fillSparse(int m, int k) {
            sparseF = new float[m * k];
            sparseD = new double[m * k];
            for (int i = 0; i < m * k; i++) {
                if (i % k % 3 == 0) {
                    sparseD[i] = d[i];
                    sparseF[i] = f[i];
                }
            }
        }

        private static void products(int m, int n, int k) {
            int b = B;
            int c = C;
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    int lda = transA ? m : k;
                    int ldb = transB ? k : n;
                    Gemm.sgemm(transA, transB, m, n, k, 1f, f, 0, lda, f, b, ldb, 0f, f, c, n);
                    Gemm.dgemm(transA, transB, m, n, k, 1, d, 0, lda, d, b, ldb, 0, d, c, n);
                }
            }
            Gemm.sgemm(false, false, m, n, k, 1f, sparseF, 0, k, f, b, n, 0f, f, c, n);
            Gemm.dgemm(false, false, m, n, k, 1, sparseD, 0, k, d, b, n, 0, d, c, n);
            float[][] rowsF = new float[m][];
            double[][] rowsD = new double[m][];
            for (int i = 0; i < m; i++) {
                rowsF[i] = java.util.Arrays.copyOfRange(f, i * k, (i + 1) * k);
                rowsD[i] = java.util.Arrays.copyOfRange(d, i * k, (i + 1) * k);
            }
            Gemm.sgemm(false, m, n, k, 1f, rowsF, 0, f, b, n, 0f, f, c, n);
            Gemm.dgemm(false, m, n, k, 1, rowsD, 0, d, b, n, 0, d, c, n);
            FusedGemm.sgemmBiasActivation(false, false, m, n, k, f, 0, k, f, b, n, f, 3 * b, Activation.TANH, 0f,
                    f, c, n);
            FusedGemm.dgemmBiasActivation(false, false, m, n, k, d, 0, k, d, b, n, d, 3 * b, Activation.RELU, 0,
                    d, c, n);
        }
    }
}
