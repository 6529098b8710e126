package dev.vecnn.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * EJML's dense row-major {@code CommonOps_FDRM} / {@code CommonOps_DDRM} (single-threaded) on
 * matrices wrapping the stored arrays: {@code mult}, {@code multTransA} or {@code multTransB}.
 */
final class EjmlGemm {
    private EjmlGemm() {
    }

    static PeerGemm open(GemmProblem p) {
        return p.precision == Precision.F32 ? new F32(p) : new F64(p);
    }

    private static final class F32 implements PeerGemm {
        private final Trans trans;
        private final FMatrixRMaj a;
        private final FMatrixRMaj b;
        private final FMatrixRMaj c;

        F32(GemmProblem p) {
            trans = p.trans;
            a = FMatrixRMaj.wrap(p.aRows(), p.lda, p.aFloats());
            b = FMatrixRMaj.wrap(p.bRows(), p.ldb, p.bFloats());
            c = new FMatrixRMaj(p.shape.m(), p.shape.n());
        }

        @Override
        public Object multiply() {
            switch (trans) {
                case NN -> CommonOps_FDRM.mult(a, b, c);
                case TN -> CommonOps_FDRM.multTransA(a, b, c);
                case NT -> CommonOps_FDRM.multTransB(a, b, c);
            }
            return c;
        }

        @Override
        public double[] result() {
            return Widen.floats(c.data);
        }
    }

    private static final class F64 implements PeerGemm {
        private final Trans trans;
        private final DMatrixRMaj a;
        private final DMatrixRMaj b;
        private final DMatrixRMaj c;

        F64(GemmProblem p) {
            trans = p.trans;
            a = DMatrixRMaj.wrap(p.aRows(), p.lda, p.a().clone());
            b = DMatrixRMaj.wrap(p.bRows(), p.ldb, p.b().clone());
            c = new DMatrixRMaj(p.shape.m(), p.shape.n());
        }

        @Override
        public Object multiply() {
            switch (trans) {
                case NN -> CommonOps_DDRM.mult(a, b, c);
                case TN -> CommonOps_DDRM.multTransA(a, b, c);
                case NT -> CommonOps_DDRM.multTransB(a, b, c);
            }
            return c;
        }

        @Override
        public double[] result() {
            return c.data.clone();
        }
    }
}
