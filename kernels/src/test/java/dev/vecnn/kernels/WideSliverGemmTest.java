package dev.vecnn.kernels;

import java.util.Random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A last column sliver of NR + 1 .. NR + L columns runs on the 6-row, 3-vector kernels instead of
 * a 2-vector and a 1-vector tile, and in a product that reads A in place one of NR + L + 1 .. NR +
 * 2L columns on the 6-row, 4-vector kernels instead of two 2-vector tiles. Each element of C is
 * still the same chain of fused multiply-adds over k, so the result must be bit for bit the first
 * n columns of the product with L more columns of B, whose slivers cut those columns differently
 * (3 vectors against 4, or 4 against 2 + 3; for a copied A, 300 rows and more than 256 columns,
 * 3 against 2 + 2): for every transpose combination, alpha and beta, the fused forward
 * epilogue, and thread counts 1 to 3.
 */
class WideSliverGemmTest {
    private static final int L_FLOAT = FloatVector.SPECIES_PREFERRED.length();
    private static final int L_DOUBLE = DoubleVector.SPECIES_PREFERRED.length();

    @Provide
    Arbitrary<Integer> rows() {
        // Around the 12-row tile and its 6-row halves, and the packed partial last rows.
        return Arbitraries.oneOf(Arbitraries.of(1, 5, 6, 7, 11, 12, 13, 17, 18, 19, 25, 97, 200),
                Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 50, 511, 513, 784), Arbitraries.integers().between(1, 600));
    }

    @Property(tries = 120)
    void wideLastSliverGivesTheBitsOfTheWiderProduct(@ForAll("rows") int m, @ForAll("depth") int depth,
                                                     @ForAll @IntRange(min = 0, max = 9) int fullSlivers,
                                                     @ForAll @IntRange(min = 1, max = 64) int tail,
                                                     @ForAll boolean transA, @ForAll boolean transB,
                                                     @ForAll boolean fused, @ForAll boolean useDouble,
                                                     @ForAll @IntRange(min = 1, max = 3) int threads,
                                                     @ForAll long seed) {
        int lanes = useDouble ? L_DOUBLE : L_FLOAT;
        int nr = 2 * lanes;
        // n's last sliver has nr + 1 .. nr + 2 lanes columns: the wide cases.
        int n = fullSlivers * nr + nr + 1 + (tail - 1) % (2 * lanes);
        int wider = n + lanes;
        // Both products must cut k into the same panels. A is read in place up to 8 slivers of
        // columns, with panels up to 512 deep, and copied beyond, with double panels up to 256
        // deep (GemmTuning): where n + L crosses that limit and n does not, one panel of either.
        boolean crosses = (n <= 8 * nr) != (wider <= 8 * nr);
        int k = useDouble && crosses ? Math.min(depth, 256) : depth;
        Random rnd = new Random(seed);
        double[] a = random(rnd, m * k);
        double[] bWide = random(rnd, k * wider);
        double[] bias = random(rnd, wider);
        double[] c0 = random(rnd, m * wider);
        int lda = transA ? m : k;
        // B (k x n) as the first n columns of the wider B, stored as op(B) requires.
        double[] b = new double[k * n];
        double[] bStored = new double[k * wider];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < wider; j++) {
                double v = bWide[p * wider + j];
                bStored[transB ? j * k + p : p * wider + j] = v;
                if (j < n) {
                    b[transB ? j * k + p : p * n + j] = v;
                }
            }
        }
        double[] narrowC0 = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(c0, i * wider, narrowC0, i * n, n);
        }
        int previous = Gemm.threads();
        Gemm.setThreads(threads);
        try {
            double[] narrow = product(useDouble, fused, transA, transB, m, n, k, a, lda, b, bias, narrowC0);
            double[] wide = product(useDouble, fused, transA, transB, m, wider, k, a, lda, bStored, bias, c0);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(Double.doubleToRawLongBits(wide[i * wider + j]),
                            Double.doubleToRawLongBits(narrow[i * n + j]), "C(" + i + ", " + j + ")");
                }
            }
        } finally {
            Gemm.setThreads(previous);
        }
    }

    /**
     * {@code 0.75 op(A) op(B) + 0.5 C}, or the fused relu forward, in the chosen precision; float
     * results are widened, which is exact, so equal bits stay equal.
     */
    private static double[] product(boolean useDouble, boolean fused, boolean transA, boolean transB, int m, int n,
                                    int k, double[] a, int lda, double[] b, double[] bias, double[] c0) {
        int ldb = transB ? k : n;
        if (useDouble) {
            double[] c = c0.clone();
            if (fused) {
                FusedGemm.dgemmBiasActivation(transA, transB, m, n, k, a, 0, lda, b, 0, ldb, bias, 0,
                        Activation.RELU, 0, c, 0, n);
            } else {
                Gemm.dgemm(transA, transB, m, n, k, 0.75, a, 0, lda, b, 0, ldb, 0.5, c, 0, n);
            }
            return c;
        }
        float[] c = GemmCase.toFloat(c0);
        if (fused) {
            FusedGemm.sgemmBiasActivation(transA, transB, m, n, k, GemmCase.toFloat(a), 0, lda, GemmCase.toFloat(b),
                    0, ldb, GemmCase.toFloat(bias), 0, Activation.RELU, 0, c, 0, n);
        } else {
            Gemm.sgemm(transA, transB, m, n, k, 0.75f, GemmCase.toFloat(a), 0, lda, GemmCase.toFloat(b), 0, ldb,
                    0.5f, c, 0, n);
        }
        double[] widened = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            widened[i] = c[i];
        }
        return widened;
    }

    private static double[] random(Random rnd, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }
}
