package dev.vecnn.kernels.elementwise;

/**
 * The last partial vector of a range, copied to a per-thread scratch so that the loop's own
 * vector code computes it. The transcendental loops (tanh, logistic, softplus and softplus'
 * derivative; softmax's last rows, through {@link #row}) finish their ranges this way instead of
 * with the scalar twin, whose {@link Math} functions differ from the polynomials in the last
 * bits: an element's value must not depend on where the range it was computed in ends (a GEMM
 * epilogue's blocks and a thread's rows start at different rows for different thread counts). A masked load is not used: near the end of an array
 * it takes the JDK's per-lane path, and masks built here were boxed in some JIT states.
 *
 * <p>Lanes past the copied values are zero (the functions act on each lane alone, so they are
 * computed and dropped). Not stale values: an earlier call's leftovers (a softmax row minus its
 * maximum, say -1e30) sent logistic's exponential down its rarely taken branch for underflowing
 * lanes, C2 then compiled that branch into the loop instead of leaving it out, and the fused
 * logistic epilogue of a 200 x 100 -> 50 product cost 21% of the product instead of 16%.
 */
final class TailF32 {
    private static final int L = VectorMathF32.S.length();
    // Two vectors: a derivative's outputs y at [0, L), its deltas at [L, 2L).
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[2 * L]);
    // A softmax row (see row).
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[2 * L]);

    private TailF32() {
    }

    /** The per-thread scratch, at least {@code 2L} values, its contents unspecified. */
    static float[] scratch() {
        return SCRATCH.get();
    }

    /** The scratch with {@code x[from, from + count)} at index 0 ({@code count < L}). */
    static float[] copy(float[] x, int from, int count) {
        float[] s = SCRATCH.get();
        System.arraycopy(x, from, s, 0, count);
        java.util.Arrays.fill(s, count, L, 0f);
        return s;
    }

    /**
     * A per-thread row buffer holding {@code x[from, from + count)} at index 0 and zeros up to
     * {@code width} ({@code count <= width}); grown when a wider row comes, so a call allocates
     * only the first time it meets a new width.
     */
    static float[] row(float[] x, int from, int count, int width) {
        float[] s = ROW.get();
        if (s.length < width) {
            s = new float[width];
            ROW.set(s);
        }
        System.arraycopy(x, from, s, 0, count);
        java.util.Arrays.fill(s, count, width, 0f);
        return s;
    }

    /** The scratch with {@code y[yFrom, +count)} at index 0 and {@code delta[from, +count)} at index L. */
    static float[] copy(float[] y, int yFrom, float[] delta, int from, int count) {
        float[] s = SCRATCH.get();
        System.arraycopy(y, yFrom, s, 0, count);
        java.util.Arrays.fill(s, count, L, 0f);
        System.arraycopy(delta, from, s, L, count);
        java.util.Arrays.fill(s, L + count, 2 * L, 0f);
        return s;
    }
}
