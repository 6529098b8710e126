package dev.vecnn.bench;

/**
 * One implementation set up for one {@link GemmProblem}: its own copies of A and B in whatever form
 * it wants (arrays, EJML matrices, native memory) and its output C, so that {@link #multiply()}
 * measures the product and nothing else.
 */
interface PeerGemm extends AutoCloseable {
    /** Computes {@code C = op(A) op(B)} and returns the output, for JMH to consume. */
    Object multiply();

    /** C of the last {@link #multiply()}, row-major {@code m x n}, widened to double. */
    double[] result();

    /** Releases native memory or threads; the default holds none. */
    @Override
    default void close() {
    }
}
