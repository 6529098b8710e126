package dev.vecnn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Products that copy A (more column tiles than are read in place) run their row tiles as the outer
 * loop over a block of B's columns kept in L2 (512 columns, GemmTuning): here with several such
 * blocks and a ragged last one (a wide or partial last sliver, tail columns of a transposed A),
 * two k panels (three in double, whose copied-A panels are 256 deep), a partial last row tile, and
 * an epilogue whose pass runs per block. C with more row tiles than column tiles (600 rows) is
 * split over the threads by rows, in chunks taken panel by panel, each thread packing its own
 * copy of each block of B. Each product is checked against the scalar reference within the GemmTolerance bound, and must
 * give the same bits on 1, 2 and 3 threads.
 */
class WideBlockGemmTest {
    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} f64={4}")
    @CsvSource({
            "157, 1100, 530, false, false", "157, 1100, 530, true, false", "157, 1100, 530, false, true",
            "157, 551, 530, true, true", "29, 1061, 17, false, false", "29, 547, 17, true, true",
            "301, 1027, 600, false, false", "301, 519, 600, false, true", "600, 1100, 530, false, false",
            "600, 1100, 530, true, true"})
    void matchesTheReferenceOnAnyThreadCount(int m, int n, int k, boolean transA, boolean f64) {
        Random rnd = new Random(m * 31L + n * 7L + k);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        if (!f64) {
            // The float product's inputs, exactly: the reference multiplies the same values.
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) a[i];
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) b[i];
            }
        }
        int lda = transA ? m : k;
        double[] want = new double[m * n];
        ReferenceGemm.dgemm(transA, false, m, n, k, 1, a, 0, lda, b, 0, n, 0, want, 0, n);
        double u = f64 ? GemmTolerance.DOUBLE_UNIT_ROUNDOFF : GemmTolerance.FLOAT_UNIT_ROUNDOFF;
        double[] first = null;
        int before = Gemm.threads();
        try {
            for (int threads = 1; threads <= 3; threads++) {
                Gemm.setThreads(threads);
                double[] got = f64 ? product64(transA, m, n, k, a, lda, b) : product32(transA, m, n, k, a, lda, b);
                if (first == null) {
                    first = got;
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double magnitude = 0;
                            for (int p = 0; p < k; p++) {
                                double ai = transA ? a[p * lda + i] : a[i * lda + p];
                                magnitude += Math.abs(ai * b[p * n + j]);
                            }
                            double bound = GemmTolerance.elementBound(k, u, magnitude);
                            double err = Math.abs(got[i * n + j] - want[i * n + j]);
                            assertTrue(err <= bound, "C(" + i + ", " + j + ") off by " + err + " > " + bound);
                        }
                    }
                } else {
                    assertArrayEquals(first, got, threads + " threads changed the bits");
                }
            }
        } finally {
            Gemm.setThreads(before);
        }
    }

    /** The fused bias + tanh over blocks narrower than C's rows: the bits of product, bias, tanh. */
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"157, 1100, 530", "40, 600, 33", "600, 700, 300"})
    void epilogueOverBlocksNarrowerThanTheRows(int m, int n, int k) {
        Random rnd = new Random(n);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] bias = new float[n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian() * 0.1f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextGaussian() * 0.1f;
        }
        for (int j = 0; j < n; j++) {
            bias[j] = (float) rnd.nextGaussian();
        }
        float[] fused = new float[m * n];
        FusedGemm.sgemmBiasActivation(false, false, m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.TANH, 0f,
                fused, 0, n);
        float[] separate = new float[m * n];
        Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, separate, 0, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                separate[i * n + j] += bias[j];
            }
        }
        Activations.forward(Activation.TANH, separate, 0, separate.length);
        assertArrayEquals(separate, fused);
    }

    private static double[] product32(boolean transA, int m, int n, int k, double[] a, int lda, double[] b) {
        float[] af = new float[a.length];
        float[] bf = new float[b.length];
        for (int i = 0; i < a.length; i++) {
            af[i] = (float) a[i];
        }
        for (int i = 0; i < b.length; i++) {
            bf[i] = (float) b[i];
        }
        float[] c = new float[m * n];
        Gemm.sgemm(transA, false, m, n, k, 1f, af, 0, lda, bf, 0, n, 0f, c, 0, n);
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i];
        }
        return out;
    }

    private static double[] product64(boolean transA, int m, int n, int k, double[] a, int lda, double[] b) {
        double[] c = new double[m * n];
        Gemm.dgemm(transA, false, m, n, k, 1, a, 0, lda, b, 0, n, 0, c, 0, n);
        return c;
    }
}
