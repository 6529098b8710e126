package dev.vecnn.kernels;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A narrow product reads row-major B in place with whole vectors per step; when the last steps'
 * loads would run past the end of b (B allocated to its exact size, the common case in a
 * benchmark) the driver reads a zero-padded copy of B's panel instead. The result must have the
 * bits of the same product on a B followed by other values, and B must not change. With A
 * transposed, the last n mod L columns go to the tail kernel, which reads B where it is, and the
 * slivers before them usually end inside B's rows (no copy needed: the copy is decided by what
 * the slivers really read).
 */
class BAtArrayEndGemmTest {
    @Provide
    Arbitrary<Integer> columns() {
        // One sliver and less, around a vector (8 double / 16 float lanes), two and three vectors.
        return Arbitraries.of(1, 2, 7, 8, 9, 10, 15, 16, 17, 31, 32, 33, 47, 48, 50, 64, 100);
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 3, 50, 100), Arbitraries.integers().between(1, 120));
    }

    @Provide
    Arbitrary<Integer> padding() {
        // B's rows as wide as the product, a little wider, and much wider (a narrow block of a wide
        // matrix: then the driver packs the slivers rather than copy the whole rows).
        return Arbitraries.of(0, 3, 200);
    }

    @Property(tries = 200)
    void sameBitsAsBWithRoomAfterIt(@ForAll @IntRange(min = 1, max = 260) int m, @ForAll("columns") int n,
                                    @ForAll("depth") int k, @ForAll @IntRange(max = 3) int bOffset,
                                    @ForAll("padding") int padding, @ForAll boolean transA,
                                    @ForAll @IntRange(max = 1000) int seed) {
        Random rnd = new Random(seed);
        int ldb = n + padding;
        double[] a = new double[m * k];
        // B's last row ends the array: only its first n values belong to the product.
        double[] exact = new double[bOffset + (k - 1) * ldb + n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < exact.length; i++) {
            exact[i] = rnd.nextGaussian();
        }
        // The same B with values after it (they must not matter).
        double[] roomy = Arrays.copyOf(exact, exact.length + 64);
        Arrays.fill(roomy, exact.length, roomy.length, Double.NaN);
        double[] before = exact.clone();
        double[] cExact = new double[m * n];
        double[] cRoomy = new double[m * n];
        // A is m x k, or stored k x m when transposed.
        int lda = transA ? m : k;
        String shape = m + "x" + n + "x" + k + (transA ? " TN" : "");
        Gemm.dgemm(transA, false, m, n, k, 1.0, a, 0, lda, exact, bOffset, ldb, 0.0, cExact, 0, n);
        Gemm.dgemm(transA, false, m, n, k, 1.0, a, 0, lda, roomy, bOffset, ldb, 0.0, cRoomy, 0, n);
        assertArrayEquals(cRoomy, cExact, shape + " double");
        assertArrayEquals(before, exact, "b changed");

        float[] af = GemmCase.toFloat(a);
        float[] exactF = GemmCase.toFloat(exact);
        float[] roomyF = Arrays.copyOf(exactF, exactF.length + 64);
        Arrays.fill(roomyF, exactF.length, roomyF.length, Float.NaN);
        float[] cExactF = new float[m * n];
        float[] cRoomyF = new float[m * n];
        Gemm.sgemm(transA, false, m, n, k, 1f, af, 0, lda, exactF, bOffset, ldb, 0f, cExactF, 0, n);
        Gemm.sgemm(transA, false, m, n, k, 1f, af, 0, lda, roomyF, bOffset, ldb, 0f, cRoomyF, 0, n);
        assertArrayEquals(cRoomyF, cExactF, shape + " float");
        // And both are the product (the twin's bound; the copy or its absence changes no value).
        double[] reference = new double[m * n];
        ReferenceGemm.dgemm(transA, false, m, n, k, 1.0, a, 0, lda, exact, bOffset, ldb, 0.0, reference, 0, n);
        for (int i = 0; i < reference.length; i++) {
            double bound = GemmTolerance.elementBound(k, GemmTolerance.DOUBLE_UNIT_ROUNDOFF,
                    magnitude(transA, a, lda, exact, bOffset, ldb, i / n, i % n, k));
            assertTrue(Math.abs(cExact[i] - reference[i]) <= bound,
                    shape + " element " + i + ": " + cExact[i] + " against " + reference[i]);
        }
    }

    /** {@code sum_p |A(i, p)| |B(p, j)|}, the scale of element (i, j)'s rounding error. */
    private static double magnitude(boolean transA, double[] a, int lda, double[] b, int bOff, int ldb, int i, int j,
                                    int k) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
            double aip = transA ? a[p * lda + i] : a[i * lda + p];
            sum += Math.abs(aip) * Math.abs(b[bOff + p * ldb + j]);
        }
        return sum;
    }
}
