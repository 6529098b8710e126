package dev.vecnn.bench;

import dev.ludovic.netlib.blas.JavaBLAS;

/**
 * netlib-java's pure-Java BLAS ({@code dev.ludovic.netlib}), which is its Vector API
 * {@code VectorBLAS} when the vector module is present; single-threaded.
 *
 * <p>It is Fortran BLAS, column-major. A row-major {@code m x n} C is a column-major {@code n x m}
 * matrix holding C^T, and C^T = op(B)^T op(A)^T, so the call swaps the operands and the
 * dimensions while each keeps its own transpose flag and leading dimension.
 */
final class NetlibGemm {
    private NetlibGemm() {
    }

    /** The instance the benchmark measures; failing rather than timing a non-vector fallback. */
    static JavaBLAS blas() {
        VectorModule.require("netlib");
        JavaBLAS blas = JavaBLAS.getInstance();
        if (!blas.getClass().getSimpleName().equals("VectorBLAS")) {
            throw new IllegalStateException("netlib chose " + blas.getClass().getName()
                    + " instead of its VectorBLAS; the comparison is meant against the vector one");
        }
        return blas;
    }

    static PeerGemm open(GemmProblem p) {
        JavaBLAS blas = blas();
        return p.precision == Precision.F32 ? new F32(blas, p) : new F64(blas, p);
    }

    private static String flag(boolean transposed) {
        return transposed ? "T" : "N";
    }

    private static final class F32 implements PeerGemm {
        private final JavaBLAS blas;
        private final GemmProblem p;
        private final float[] a;
        private final float[] b;
        private final float[] c;

        F32(JavaBLAS blas, GemmProblem p) {
            this.blas = blas;
            this.p = p;
            a = p.aFloats();
            b = p.bFloats();
            c = new float[p.shape.m() * p.shape.n()];
        }

        @Override
        public Object multiply() {
            int n = p.shape.n();
            blas.sgemm(flag(p.trans.b), flag(p.trans.a), n, p.shape.m(), p.shape.k(), 1f, b, p.ldb, a, p.lda, 0f, c, n);
            return c;
        }

        @Override
        public double[] result() {
            return Widen.floats(c);
        }
    }

    private static final class F64 implements PeerGemm {
        private final JavaBLAS blas;
        private final GemmProblem p;
        private final double[] a;
        private final double[] b;
        private final double[] c;

        F64(JavaBLAS blas, GemmProblem p) {
            this.blas = blas;
            this.p = p;
            a = p.a().clone();
            b = p.b().clone();
            c = new double[p.shape.m() * p.shape.n()];
        }

        @Override
        public Object multiply() {
            int n = p.shape.n();
            blas.dgemm(flag(p.trans.b), flag(p.trans.a), n, p.shape.m(), p.shape.k(), 1d, b, p.ldb, a, p.lda, 0d, c, n);
            return c;
        }

        @Override
        public double[] result() {
            return c.clone();
        }
    }
}
