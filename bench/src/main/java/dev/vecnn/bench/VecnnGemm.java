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
        private final GemmProblem p;
        private final float[] a;
        private final float[] b;
        private final float[] c;

        F32(GemmProblem p) {
            this.p = p;
            a = p.aFloats();
            b = p.bFloats();
            c = new float[p.shape.m() * p.shape.n()];
        }

        @Override
        public Object multiply() {
            int n = p.shape.n();
            Gemm.sgemm(p.trans.a, p.trans.b, p.shape.m(), n, p.shape.k(), 1f, a, 0, p.lda, b, 0, p.ldb, 0f, c, 0, n);
            return c;
        }

        @Override
        public double[] result() {
            return Widen.floats(c);
        }
    }

    private static final class F64 implements PeerGemm {
        private final GemmProblem p;
        private final double[] a;
        private final double[] b;
        private final double[] c;

        F64(GemmProblem p) {
            this.p = p;
            a = p.a().clone();
            b = p.b().clone();
            c = new double[p.shape.m() * p.shape.n()];
        }

        @Override
        public Object multiply() {
            int n = p.shape.n();
            Gemm.dgemm(p.trans.a, p.trans.b, p.shape.m(), n, p.shape.k(), 1d, a, 0, p.lda, b, 0, p.ldb, 0d, c, 0, n);
            return c;
        }

        @Override
        public double[] result() {
            return c.clone();
        }
    }
}
