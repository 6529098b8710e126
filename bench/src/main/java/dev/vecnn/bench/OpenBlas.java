package dev.vecnn.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.NoSuchElementException;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The system OpenBLAS through the Foreign Function and Memory API: {@code cblas_sgemm},
 * {@code cblas_dgemm} and the calls that pin and describe its threading. Looked up once, by the
 * dynamic linker's search for {@value #DEFAULT_LIBRARY} or the name or path given with
 * {@code -Dvecnn.bench.openblas=...} (another build, say); when the library is absent,
 * {@link #available()} is false and {@link #unavailableReason()} says how to install it.
 */
final class OpenBlas {
    static final String DEFAULT_LIBRARY = "libopenblas.so.0";
    static final String LIBRARY = System.getProperty("vecnn.bench.openblas", DEFAULT_LIBRARY);
    static final String MISSING = "OpenBLAS not found: apt-get install libopenblas0-pthread";

    // The CBLAS enum values (cblas.h): CblasRowMajor, CblasNoTrans, CblasTrans.
    static final int ROW_MAJOR = 101;
    static final int NO_TRANS = 111;
    static final int TRANS = 112;

    private static final Handles HANDLES;
    private static final String FAILURE;

    static {
        Handles handles = null;
        String failure = null;
        try {
            handles = Handles.bind(SymbolLookup.libraryLookup(LIBRARY, Arena.global()));
        } catch (IllegalArgumentException | NoSuchElementException e) {
            failure = MISSING + " (" + e.getMessage() + ")";
        }
        HANDLES = handles;
        FAILURE = failure;
    }

    private OpenBlas() {
    }

    static boolean available() {
        return HANDLES != null;
    }

    /** Why OpenBLAS cannot be used, or null when it can. */
    static String unavailableReason() {
        return FAILURE;
    }

    /** Throws with the install hint when OpenBLAS is absent. */
    static void require() {
        if (!available()) {
            throw new IllegalStateException(FAILURE);
        }
    }

    static int trans(boolean transposed) {
        return transposed ? TRANS : NO_TRANS;
    }

    static void setThreads(int threads) {
        require();
        try {
            HANDLES.setNumThreads.invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed", t);
        }
    }

    static int threads() {
        require();
        try {
            return (int) HANDLES.getNumThreads.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_get_num_threads failed", t);
        }
    }

    /** The build configuration and the kernel set chosen for this CPU, e.g. "OpenBLAS 0.3.21 ... / Haswell". */
    static String describe() {
        require();
        try {
            String config = cString((MemorySegment) HANDLES.getConfig.invokeExact());
            return config.trim() + ", core " + coreName();
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_get_config failed", t);
        }
    }

    /** The kernel set the library runs on this CPU ({@code openblas_get_corename}), e.g. "Haswell". */
    static String coreName() {
        require();
        try {
            return cString((MemorySegment) HANDLES.getCorename.invokeExact()).trim();
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_get_corename failed", t);
        }
    }

    static void sgemm(int transA, int transB, int m, int n, int k, float alpha, MemorySegment a, int lda,
                      MemorySegment b, int ldb, float beta, MemorySegment c, int ldc) {
        try {
            HANDLES.sgemm.invokeExact(ROW_MAJOR, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed", t);
        }
    }

    static void dgemm(int transA, int transB, int m, int n, int k, double alpha, MemorySegment a, int lda,
                      MemorySegment b, int ldb, double beta, MemorySegment c, int ldc) {
        try {
            HANDLES.dgemm.invokeExact(ROW_MAJOR, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_dgemm failed", t);
        }
    }

    private static String cString(MemorySegment pointer) {
        // A char* comes back as a zero-length segment; the string's length is found by its NUL.
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private record Handles(MethodHandle sgemm, MethodHandle dgemm, MethodHandle setNumThreads,
                           MethodHandle getNumThreads, MethodHandle getConfig, MethodHandle getCorename) {
        static Handles bind(SymbolLookup library) {
            Linker linker = Linker.nativeLinker();
            return new Handles(
                    linker.downcallHandle(find(library, "cblas_sgemm"), gemm(JAVA_FLOAT)),
                    linker.downcallHandle(find(library, "cblas_dgemm"), gemm(JAVA_DOUBLE)),
                    linker.downcallHandle(find(library, "openblas_set_num_threads"), FunctionDescriptor.ofVoid(JAVA_INT)),
                    linker.downcallHandle(find(library, "openblas_get_num_threads"), FunctionDescriptor.of(JAVA_INT)),
                    linker.downcallHandle(find(library, "openblas_get_config"), FunctionDescriptor.of(ADDRESS)),
                    linker.downcallHandle(find(library, "openblas_get_corename"), FunctionDescriptor.of(ADDRESS)));
        }

        /** (order, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc), all ints but the scalars. */
        private static FunctionDescriptor gemm(ValueLayout scalar) {
            return FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                    scalar, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, scalar, ADDRESS, JAVA_INT);
        }

        private static MemorySegment find(SymbolLookup library, String symbol) {
            return library.find(symbol).orElseThrow(() -> new NoSuchElementException(symbol + " not in " + LIBRARY));
        }
    }
}
