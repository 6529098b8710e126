package dev.vecnn.kernels;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One GEMM call with its data, runnable in float or double, fast or reference, and checked
 * element by element against {@link GemmTolerance}. Data are kept in double and rounded to
 * float for the float path, so one test body serves both precisions.
 */
record GemmCase(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta,
                int aOff, int lda, int bOff, int ldb, int cOff, int ldc,
                double[] a, double[] b, double[] c0) {

    /** Builds a case with random entries in [-1, 1); padding is extra leading-dimension slack. */
    static GemmCase random(boolean transA, boolean transB, int m, int n, int k, double alpha,
                           double beta, int offset, int padding, long seed) {
        int lda = Math.max(1, transA ? m : k) + padding;
        int ldb = Math.max(1, transB ? k : n) + padding;
        int ldc = Math.max(1, n) + padding;
        Random rnd = new Random(seed);
        double[] a = fill(rnd, offset + (transA ? k : m) * lda);
        double[] b = fill(rnd, offset + (transB ? n : k) * ldb);
        double[] c = fill(rnd, offset + m * ldc);
        return new GemmCase(transA, transB, m, n, k, alpha, beta, offset, lda, offset, ldb,
                offset, ldc, a, b, c);
    }

    private static double[] fill(Random rnd, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    double[] runFloat(boolean fast) {
        float[] c = toFloat(c0);
        if (fast) {
            Gemm.sgemm(transA, transB, m, n, k, (float) alpha, toFloat(a), aOff, lda, toFloat(b), bOff, ldb,
                    (float) beta, c, cOff, ldc);
        } else {
            ReferenceGemm.sgemm(transA, transB, m, n, k, (float) alpha, toFloat(a), aOff, lda, toFloat(b), bOff,
                    ldb, (float) beta, c, cOff, ldc);
        }
        return toDouble(c);
    }

    double[] runDouble(boolean fast) {
        double[] c = c0.clone();
        if (fast) {
            Gemm.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            ReferenceGemm.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
        return c;
    }

    /** Asserts the two results agree within the derived bound, and that C outside the matrix is untouched. */
    void assertClose(double[] got, double[] want, boolean asFloat) {
        double u = asFloat ? GemmTolerance.FLOAT_UNIT_ROUNDOFF : GemmTolerance.DOUBLE_UNIT_ROUNDOFF;
        double[] aa = asFloat ? toDouble(toFloat(a)) : a;
        double[] bb = asFloat ? toDouble(toFloat(b)) : b;
        double[] cc = asFloat ? toDouble(toFloat(c0)) : c0;
        boolean[] inside = new boolean[got.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = cOff + i * ldc + j;
                inside[ci] = true;
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    mag += Math.abs(aa[aOff + (transA ? p * lda + i : i * lda + p)]
                            * bb[bOff + (transB ? j * ldb + p : p * ldb + j)]);
                }
                mag = Math.abs(alpha) * mag + Math.abs(beta) * Math.abs(cc[ci]);
                double bound = GemmTolerance.elementBound(k, u, mag);
                double diff = Math.abs(got[ci] - want[ci]);
                if (!(diff <= bound)) {
                    fail(String.format("C[%d,%d] = %s, reference %s, |diff| %.3g > bound %.3g in %s",
                            i, j, got[ci], want[ci], diff, bound, this));
                }
            }
        }
        for (int x = 0; x < got.length; x++) {
            if (!inside[x] && Double.doubleToLongBits(got[x]) != Double.doubleToLongBits(cc[x])) {
                fail("element " + x + " of c outside the matrix was changed in " + this);
            }
        }
    }

    static float[] toFloat(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    @Override
    public String toString() {
        return String.format("gemm(%s%s, m=%d, n=%d, k=%d, alpha=%s, beta=%s, offsets=%d, lda=%d, ldb=%d, ldc=%d)",
                transA ? "T" : "N", transB ? "T" : "N", m, n, k, alpha, beta, aOff, lda, ldb, ldc);
    }
}
