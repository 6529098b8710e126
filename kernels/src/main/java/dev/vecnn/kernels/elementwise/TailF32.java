package dev.vecnn.kernels.elementwise;

/**
 * The last partial vector of a range, copied to a per-thread scratch so that the loop's own
 * vector code computes it. The transcendental loops (tanh, logistic, softplus, exp and softplus'
 * derivative) finish their ranges this way instead of with the scalar twin, whose {@link Math}
 * functions differ from the polynomials in the last bits: an element's value must not depend on
 * where the range it was computed in ends (a GEMM epilogue's blocks and a thread's rows start at
 * different rows for different thread counts). A masked load is not used: near the end of an array
 * it takes the JDK's per-lane path, and masks built here were boxed in some JIT states.
 *
 * <p>Lanes past the copied values hold whatever an earlier call left there; the loops' functions
 * act on each lane alone, so those lanes are computed and dropped.
 */
final class TailF32 {
    private static final int L = VectorMathF32.S.length();
    // Two vectors: a derivative's outputs y at [0, L), its deltas at [L, 2L).
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[2 * L]);

    private TailF32() {
    }

    /** The scratch with {@code x[from, from + count)} at index 0 ({@code count < L}). */
    static float[] copy(float[] x, int from, int count) {
        float[] s = SCRATCH.get();
        System.arraycopy(x, from, s, 0, count);
        return s;
    }

    /** The scratch with {@code y[yFrom, +count)} at index 0 and {@code delta[from, +count)} at index L. */
    static float[] copy(float[] y, int yFrom, float[] delta, int from, int count) {
        float[] s = SCRATCH.get();
        System.arraycopy(y, yFrom, s, 0, count);
        System.arraycopy(delta, from, s, L, count);
        return s;
    }
}
