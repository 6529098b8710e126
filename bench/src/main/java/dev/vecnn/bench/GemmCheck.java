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
 * edge tiles live) and evenly spaced rows between, each over all n columns, which keeps the check of
 * a 2048-cube to about a second while every column tile and both row edges are still covered.
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

    /**
     * Rows of the reference product and of {@code |A| |B|}, one at a time. The reference runs on
     * copies laid out as op(A) row-major and op(B) transposed, so each of its dot products walks
     * two contiguous rows: the same values and summation order, without a cache miss per term
     * when B is a large row-major matrix.
     */
    private static final class Reference {
        private final GemmProblem p;
        private final int n;
        private final int k;
        private final double[] opA;
        private final double[] opBt;
        private final float[] opAFloats;
        private final float[] opBtFloats;
        private final double[] absOpA;
        private final double[] absOpBt;

        Reference(GemmProblem p) {
            this.p = p;
            n = p.shape.n();
            k = p.shape.k();
            // op(A) row-major m x k; op(B)^T row-major n x k.
            opA = p.trans.a ? transpose(p.a(), k, p.shape.m()) : p.a();
            opBt = p.trans.b ? p.b() : transpose(p.b(), k, n);
            boolean single = p.precision == Precision.F32;
            opAFloats = single ? floats(opA) : null;
            opBtFloats = single ? floats(opBt) : null;
            absOpA = abs(opA);
            absOpBt = abs(opBt);
        }

        double[] row(int i) {
            double[] row = new double[n];
            if (p.precision == Precision.F32) {
                float[] out = new float[n];
                ReferenceGemm.sgemm(false, true, 1, n, k, 1f, opAFloats, i * k, k, opBtFloats, 0, k, 0f, out, 0, n);
                for (int j = 0; j < n; j++) {
                    row[j] = out[j];
                }
            } else {
                ReferenceGemm.dgemm(false, true, 1, n, k, 1d, opA, i * k, k, opBt, 0, k, 0d, row, 0, n);
            }
            return row;
        }

        /** {@code sum_p |A_ip| |B_pj|} in double: the magnitude the tolerance scales with. */
        double[] magnitudeRow(int i) {
            double[] row = new double[n];
            ReferenceGemm.dgemm(false, true, 1, n, k, 1d, absOpA, i * k, k, absOpBt, 0, k, 0d, row, 0, n);
            return row;
        }

        /** The transpose of a row-major {@code rows x cols} matrix. */
        private static double[] transpose(double[] x, int rows, int cols) {
            double[] t = new double[x.length];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    t[c * rows + r] = x[r * cols + c];
                }
            }
            return t;
        }

        private static float[] floats(double[] values) {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
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
