package dev.vecnn.bench;

import java.util.Arrays;

/**
 * The implementations compared, the benchmark parameter {@code impl}. Only vecnn and OpenBLAS
 * split a product over threads; the others run at {@code threads = 1} only, rather than pretend.
 */
enum Peer {
    VECNN("vecnn", true),
    OPENBLAS("openblas", true),
    /** OpenBLAS with the kernel set this CPU's instruction set calls for (see OpenBlasKernelSet). */
    OPENBLAS_CPU("openblas-cpu", true),
    NETLIB("netlib", false),
    EJML("ejml", false),
    NAIVE("naive", false);

    final String id;
    final boolean multiThreaded;

    Peer(String id, boolean multiThreaded) {
        this.id = id;
        this.multiThreaded = multiThreaded;
    }

    static Peer parse(String text) {
        for (Peer peer : values()) {
            if (peer.id.equals(text.trim())) {
                return peer;
            }
        }
        throw new IllegalArgumentException("impl must be one of "
                + Arrays.stream(values()).map(p -> p.id).toList() + ", got '" + text + "'");
    }

    /** Sets this implementation up for the problem on {@code threads} threads. */
    PeerGemm open(GemmProblem problem, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!multiThreaded && threads != 1) {
            throw new IllegalArgumentException(id + " is single-threaded: run it at threads = 1, not " + threads);
        }
        return switch (this) {
            case VECNN -> VecnnGemm.open(problem, threads);
            case OPENBLAS -> OpenBlasGemm.open(problem, threads);
            case OPENBLAS_CPU -> {
                OpenBlasKernelSet.select(OpenBlasKernelSet.forThisCpu().orElseThrow(() -> new IllegalStateException(
                        "openblas-cpu: no OpenBLAS kernel set matches this CPU's flags (AVX2 and FMA at least)")));
                yield OpenBlasGemm.open(problem, threads);
            }
            case NETLIB -> NetlibGemm.open(problem);
            case EJML -> EjmlGemm.open(problem);
            case NAIVE -> NaiveGemm.open(problem);
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
