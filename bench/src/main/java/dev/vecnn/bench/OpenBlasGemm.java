package dev.vecnn.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * OpenBLAS {@code cblas_?gemm} in row-major order on native copies of A and B made once at setup,
 * with {@code openblas_set_num_threads(threads)} so it runs on the same thread count as vecnn.
 */
final class OpenBlasGemm implements PeerGemm {
    /** A cache line: what native BLAS buffers are usually aligned to. */
    private static final long ALIGNMENT = 64;

    private final Arena arena;
    private final boolean single;
    private final int transA;
    private final int transB;
    private final int m;
    private final int n;
    private final int k;
    private final int lda;
    private final int ldb;
    private final MemorySegment a;
    private final MemorySegment b;
    private final MemorySegment c;

    private OpenBlasGemm(GemmProblem p) {
        arena = Arena.ofShared();
        single = p.precision == Precision.F32;
        transA = OpenBlas.trans(p.trans.a);
        transB = OpenBlas.trans(p.trans.b);
        m = p.shape.m();
        n = p.shape.n();
        k = p.shape.k();
        lda = p.lda;
        ldb = p.ldb;
        ValueLayout element = single ? ValueLayout.JAVA_FLOAT : ValueLayout.JAVA_DOUBLE;
        a = arena.allocate(element.byteSize() * p.a().length, ALIGNMENT);
        b = arena.allocate(element.byteSize() * p.b().length, ALIGNMENT);
        c = arena.allocate(element.byteSize() * m * n, ALIGNMENT);
        if (single) {
            MemorySegment.copy(p.aFloats(), 0, a, ValueLayout.JAVA_FLOAT, 0, p.a().length);
            MemorySegment.copy(p.bFloats(), 0, b, ValueLayout.JAVA_FLOAT, 0, p.b().length);
        } else {
            MemorySegment.copy(p.a(), 0, a, ValueLayout.JAVA_DOUBLE, 0, p.a().length);
            MemorySegment.copy(p.b(), 0, b, ValueLayout.JAVA_DOUBLE, 0, p.b().length);
        }
    }

    static PeerGemm open(GemmProblem p, int threads) {
        OpenBlas.require();
        OpenBlas.setThreads(threads);
        // A build with a smaller MAX_THREADS caps the request silently; the table must not mislabel it.
        if (OpenBlas.threads() != threads) {
            throw new IllegalStateException("OpenBLAS runs on " + OpenBlas.threads() + " threads, not the "
                    + threads + " asked for");
        }
        return new OpenBlasGemm(p);
    }

    @Override
    public Object multiply() {
        if (single) {
            OpenBlas.sgemm(transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, n);
        } else {
            OpenBlas.dgemm(transA, transB, m, n, k, 1d, a, lda, b, ldb, 0d, c, n);
        }
        return c;
    }

    @Override
    public double[] result() {
        return single ? Widen.floats(c.toArray(ValueLayout.JAVA_FLOAT)) : c.toArray(ValueLayout.JAVA_DOUBLE);
    }

    @Override
    public void close() {
        arena.close();
    }
}
