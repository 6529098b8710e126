package dev.vecnn.bench;

import dev.vecnn.kernels.Gemm;

/** vecnn's {@link Gemm} on the problem's arrays, after {@link Gemm#setThreads(int)}. */
final class VecnnGemm {
    private VecnnGemm() {
    }

    static PeerGemm open(GemmProblem p, int threads) {
        VectorModule.require("vecnn");
        Gemm.setThreads(threads);
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
            Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
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
            Gemm.dgemm(transA, transB, m, n, k, 1d, a, 0, lda, b, 0, ldb, 0d, c, 0, n);
            return c;
        }

        @Override
        public double[] result() {
            return c.clone();
        }
    }
}
