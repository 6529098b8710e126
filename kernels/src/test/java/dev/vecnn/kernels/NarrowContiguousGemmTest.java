package dev.vecnn.kernels;

import java.util.Arrays;
import java.util.Random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A product whose C rows lie back to back ({@code ldc == n}) lets the full tiles of its last
 * sliver store whole vectors into C even when the rows end inside the kernel's spill (the 200 x 10
 * output layer, or n = 100 as 32 + 32 + 36 columns in float): each row's extra lanes land on the
 * next rows' first columns before those are written (the slivers run last to first). The result must be bit for bit the
 * one computed into a C with wide rows (where every tile goes through the masked tile store), no
 * element outside the matrix may change (an array that goes on past C, an offset before it), and
 * split over threads no part may write into another's rows.
 */
class NarrowContiguousGemmTest {
    private static final int L_FLOAT = FloatVector.SPECIES_PREFERRED.length();
    private static final int L_DOUBLE = DoubleVector.SPECIES_PREFERRED.length();
    private static final double OUTSIDE = 7.25;

    /** What is computed into C. */
    enum Op { PLAIN, TANH, RELU, TANH_DERIVATIVE }

    @Provide
    Arbitrary<Integer> rows() {
        // Around the 12-row tile, its 6-row halves, and the 144-row block.
        return Arbitraries.oneOf(Arbitraries.of(1, 6, 11, 12, 13, 23, 24, 25, 143, 144, 145, 200),
                Arbitraries.integers().between(1, 400));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 50, 513), Arbitraries.integers().between(1, 600));
    }

    @Property(tries = 200)
    void narrowContiguousRowsGiveTheBitsOfWideRows(@ForAll("rows") int m, @ForAll("depth") int k,
                                                   @ForAll @IntRange(min = 1, max = 6) int vectors,
                                                   @ForAll @IntRange(min = 0, max = 15) int lanesShort,
                                                   @ForAll boolean transA, @ForAll boolean transB,
                                                   @ForAll Op op, @ForAll boolean useDouble,
                                                   @ForAll @IntRange(min = 0, max = 5) int cOff,
                                                   @ForAll @IntRange(min = 0, max = 40) int slack,
                                                   @ForAll @IntRange(min = 1, max = 3) int threads,
                                                   @ForAll long seed) {
        int lanes = useDouble ? L_DOUBLE : L_FLOAT;
        // n from 1 up to six vectors: C as one-vector, two-vector or wide sliver, and (above two
        // vectors) a last sliver after others, whose extra lanes land on the next row's first sliver.
        int n = Math.max(1, vectors * lanes - lanesShort % lanes);
        check(m, n, k, transA, transB, op, useDouble, cOff, slack, threads, seed);
    }

    @Example
    void partsSplitByRowsDoNotWriteIntoEachOther() {
        // Large enough to be split over threads (at least 2^21 multiply-adds per part).
        for (boolean useDouble : new boolean[] {false, true}) {
            for (int n : new int[] {1, 10, 50, 100}) {
                for (int threads : new int[] {2, 3}) {
                    check(9001, n, 500, false, false, Op.PLAIN, useDouble, 3, 17, threads, 5);
                    check(4099, n, 700, true, false, Op.TANH, useDouble, 0, 0, threads, 6);
                }
            }
        }
    }

    private static void check(int m, int n, int k, boolean transA, boolean transB, Op op, boolean useDouble,
                              int cOff, int slack, int threads, long seed) {
        int saved = Gemm.threads();
        Gemm.setThreads(threads);
        try {
            Random rnd = new Random(seed);
            double[] a = random(rnd, m * k);
            double[] b = random(rnd, k * n);
            double[] bias = random(rnd, n);
            double[] z = random(rnd, m * n);
            int wide = n + (useDouble ? L_DOUBLE : L_FLOAT) + 1;
            double[] narrow = run(m, n, k, transA, transB, op, useDouble, a, b, bias, z, cOff, n, slack);
            double[] padded = run(m, n, k, transA, transB, op, useDouble, a, b, bias, z, cOff, wide, 0);
            for (int x = 0; x < narrow.length; x++) {
                boolean inside = x >= cOff && x < cOff + m * n;
                double want = inside ? padded[cOff + (x - cOff) / n * wide + (x - cOff) % n] : OUTSIDE;
                if (Double.doubleToLongBits(narrow[x]) != Double.doubleToLongBits(want)) {
                    fail(String.format("%s element %d (%s): %s, expected %s; %s m=%d n=%d k=%d trans=%b%b "
                                    + "cOff=%d slack=%d threads=%d", useDouble ? "double" : "float", x,
                            inside ? "C[" + (x - cOff) / n + "," + (x - cOff) % n + "]" : "outside C",
                            narrow[x], want, op, m, n, k, transA, transB, cOff, slack, threads));
                }
            }
        } finally {
            Gemm.setThreads(saved);
        }
    }

    /** The op into a C of row stride ldc, inside filled with NaN (beta 0 must not read it), outside OUTSIDE. */
    private static double[] run(int m, int n, int k, boolean transA, boolean transB, Op op, boolean useDouble,
                                double[] a, double[] b, double[] bias, double[] z, int cOff, int ldc, int slack) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        double[] c = new double[cOff + (m - 1) * ldc + n + slack];
        Arrays.fill(c, OUTSIDE);
        for (int i = 0; i < m; i++) {
            Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Double.NaN);
        }
        if (useDouble) {
            switch (op) {
                case PLAIN -> Gemm.dgemm(transA, transB, m, n, k, 1, a, 0, lda, b, 0, ldb, 0, c, cOff, ldc);
                case TANH, RELU -> FusedGemm.dgemmBiasActivation(transA, transB, m, n, k, a, 0, lda, b, 0, ldb,
                        bias, 0, op == Op.TANH ? Activation.TANH : Activation.RELU, 0, c, cOff, ldc);
                case TANH_DERIVATIVE -> FusedGemm.dgemmActivationDerivative(transA, transB, m, n, k, a, 0, lda,
                        b, 0, ldb, Activation.TANH, 0, z, 0, n, c, cOff, ldc);
            }
            return c;
        }
        float[] cf = GemmCase.toFloat(c);
        float[] af = GemmCase.toFloat(a);
        float[] bf = GemmCase.toFloat(b);
        switch (op) {
            case PLAIN -> Gemm.sgemm(transA, transB, m, n, k, 1, af, 0, lda, bf, 0, ldb, 0, cf, cOff, ldc);
            case TANH, RELU -> FusedGemm.sgemmBiasActivation(transA, transB, m, n, k, af, 0, lda, bf, 0, ldb,
                    GemmCase.toFloat(bias), 0, op == Op.TANH ? Activation.TANH : Activation.RELU, 0, cf, cOff, ldc);
            case TANH_DERIVATIVE -> FusedGemm.sgemmActivationDerivative(transA, transB, m, n, k, af, 0, lda,
                    bf, 0, ldb, Activation.TANH, 0, GemmCase.toFloat(z), 0, n, cf, cOff, ldc);
        }
        return GemmCase.toDouble(cf);
    }

    private static double[] random(Random rnd, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }
}
