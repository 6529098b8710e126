package dev.vecnn.bench;

import java.util.Arrays;

/**
 * The loop everyone writes first: i-k-j over row-major arrays, C zeroed then accumulated row by
 * row. It is the floor of the table: what plain Java (with C2's auto-vectorization of the
 * contiguous inner loop in the NN and TN cases) gets without any blocking.
 */
final class NaiveGemm {
    private NaiveGemm() {
    }

    static PeerGemm open(GemmProblem p) {
        return p.precision == Precision.F32 ? new F32(p) : new F64(p);
    }

    private static final class F32 implements PeerGemm {
        private final boolean transA;
        private final boolean transB;
        private final int m;
        private final int n;
        private final int k;
        private final int lda;
        private final int ldb;
        private final float[] a;
        private final float[] b;
        private final float[] c;

        F32(GemmProblem p) {
            transA = p.trans.a;
            transB = p.trans.b;
            m = p.shape.m();
            n = p.shape.n();
            k = p.shape.k();
            lda = p.lda;
            ldb = p.ldb;
            a = p.aFloats();
            b = p.bFloats();
            c = new float[m * n];
        }

        @Override
        public Object multiply() {
            Arrays.fill(c, 0f);
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[p * lda + i] : a[i * lda + p];
                    if (transB) {
                        for (int j = 0; j < n; j++) {
                            c[i * n + j] += aip * b[j * ldb + p];
                        }
                    } else {
                        for (int j = 0; j < n; j++) {
                            c[i * n + j] += aip * b[p * ldb + j];
                        }
                    }
                }
            }
            return c;
        }

        @Override
        public double[] result() {
            return Widen.floats(c);
        }
    }

    private static final class F64 implements PeerGemm {
        private final boolean transA;
        private final boolean transB;
        private final int m;
        private final int n;
        private final int k;
        private final int lda;
        private final int ldb;
        private final double[] a;
        private final double[] b;
        private final double[] c;

        F64(GemmProblem p) {
            transA = p.trans.a;
            transB = p.trans.b;
            m = p.shape.m();
            n = p.shape.n();
            k = p.shape.k();
            lda = p.lda;
            ldb = p.ldb;
            a = p.a().clone();
            b = p.b().clone();
            c = new double[m * n];
        }

        @Override
        public Object multiply() {
            Arrays.fill(c, 0d);
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[p * lda + i] : a[i * lda + p];
                    if (transB) {
                        for (int j = 0; j < n; j++) {
                            c[i * n + j] += aip * b[j * ldb + p];
                        }
                    } else {
                        for (int j = 0; j < n; j++) {
                            c[i * n + j] += aip * b[p * ldb + j];
                        }
                    }
                }
            }
            return c;
        }

        @Override
        public double[] result() {
            return c.clone();
        }
    }
}
