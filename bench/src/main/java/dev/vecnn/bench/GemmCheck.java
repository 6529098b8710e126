package dev.vecnn.bench;

import dev.vecnn.kernels.GemmTolerance;
import dev.vecnn.kernels.ReferenceGemm;
import java.util.stream.IntStream;

/**
 * Checks a benchmarked product against {@link ReferenceGemm}, element by element, within
 * {@link GemmTolerance#elementBound}, so a fast but wrong implementation fails its setup instead of
 * topping the table.
 *
 * <p>The reference is a scalar dot product per element, far slower than any peer. Up to
 * {@link #FULL_CHECK_MULTIPLY_ADDS} every row is checked; above it, the first and last rows (where
 * edge tiles live) and evenly spaced rows between, each over all n columns, which keeps the setup of
 * a 2048-cube at about a second while every column tile and both row edges are still covered.
 */
final class GemmCheck {
    /** 512^3: the largest product checked in full. */
    static final long FULL_CHECK_MULTIPLY_ADDS = 1L << 27;
    /** Rows checked at each end of a large product. */
    static final int EDGE_ROWS = 8;
    /** About how many rows a large product is checked on. */
    static final int SAMPLED_ROWS = 64;

    private GemmCheck() {
    }

    /**
     * Throws {@link IllegalStateException} naming the first bad element if {@code c} (row-major
     * {@code m x n}) is not {@code op(A) op(B)} of the problem within the bound.
     */
    static void verify(GemmProblem problem, double[] c, String who) {
        GemmShape s = problem.shape;
        if (c.length != s.m() * s.n()) {
            throw new IllegalStateException(who + ": result has " + c.length + " elements, expected " + s.m() * s.n());
        }
        Reference reference = new Reference(problem);
        int[] rows = checkedRows(s);
        for (int i : rows) {
            double[] expected = reference.row(i);
            double[] magnitude = reference.magnitudeRow(i);
            for (int j = 0; j < s.n(); j++) {
                double actual = c[i * s.n() + j];
                double bound = GemmTolerance.elementBound(s.k(), problem.precision.unitRoundoff, magnitude[j]);
                double difference = Math.abs(actual - expected[j]);
                // Written so that NaN fails too.
                if (!(difference <= bound)) {
                    throw new IllegalStateException(String.format(
                            "%s: wrong result for %s at C[%d][%d]: %s, reference %s, |difference| %.3g > bound %.3g"
                                    + " (checked %d of %d rows)",
                            who, problem, i, j, actual, expected[j], difference, bound, rows.length, s.m()));
                }
            }
        }
    }

    /** The rows of C that {@link #verify} compares, ascending and distinct. */
    static int[] checkedRows(GemmShape s) {
        int m = s.m();
        if (s.multiplyAdds() <= FULL_CHECK_MULTIPLY_ADDS || m <= SAMPLED_ROWS) {
            return IntStream.range(0, m).toArray();
        }
        int stride = Math.max(1, m / (SAMPLED_ROWS - 2 * EDGE_ROWS));
        return IntStream.range(0, m)
                .filter(i -> i < EDGE_ROWS || i >= m - EDGE_ROWS || i % stride == 0)
                .toArray();
    }

    /** Rows of the reference product and of {@code |A| |B|}, one at a time. */
    private static final class Reference {
        private final GemmProblem p;
        private final float[] aFloats;
        private final float[] bFloats;
        private final double[] absA;
        private final double[] absB;

        Reference(GemmProblem p) {
            this.p = p;
            boolean single = p.precision == Precision.F32;
            aFloats = single ? p.aFloats() : null;
            bFloats = single ? p.bFloats() : null;
            absA = abs(p.a());
            absB = abs(p.b());
        }

        double[] row(int i) {
            GemmShape s = p.shape;
            double[] row = new double[s.n()];
            if (p.precision == Precision.F32) {
                float[] out = new float[s.n()];
                ReferenceGemm.sgemm(p.trans.a, p.trans.b, 1, s.n(), s.k(), 1f, aFloats, rowOffset(i), p.lda,
                        bFloats, 0, p.ldb, 0f, out, 0, s.n());
                for (int j = 0; j < out.length; j++) {
                    row[j] = out[j];
                }
            } else {
                ReferenceGemm.dgemm(p.trans.a, p.trans.b, 1, s.n(), s.k(), 1d, p.a(), rowOffset(i), p.lda,
                        p.b(), 0, p.ldb, 0d, row, 0, s.n());
            }
            return row;
        }

        /** {@code sum_p |A_ip| |B_pj|} in double: the magnitude the tolerance scales with. */
        double[] magnitudeRow(int i) {
            GemmShape s = p.shape;
            double[] row = new double[s.n()];
            ReferenceGemm.dgemm(p.trans.a, p.trans.b, 1, s.n(), s.k(), 1d, absA, rowOffset(i), p.lda,
                    absB, 0, p.ldb, 0d, row, 0, s.n());
            return row;
        }

        /** Where row i of op(A) starts: a stored row, or a stored column when A is transposed. */
        private int rowOffset(int i) {
            return p.trans.a ? i : i * p.lda;
        }

        private static double[] abs(double[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = Math.abs(values[i]);
            }
            return out;
        }
    }
}
