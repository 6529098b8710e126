package dev.vecnn.kernels.elementwise;

/**
 * Every tuning constant of the elementwise kernels, in one place.
 *
 * <p>Maps (activations, optimizer updates) process one vector per iteration: each iteration is
 * independent, so the out-of-order core overlaps several of them without explicit unrolling.
 * Reductions keep {@link #ACCUMULATORS} vector accumulators so that the latency of the add chain
 * (4 cycles on Zen 5, two adds per cycle) is hidden; they are combined in a fixed order at the
 * end, so a result never depends on anything but the input.
 */
public final class ElementwiseTuning {
    /** Independent vector accumulators in a reduction's main loop. */
    public static final int ACCUMULATORS = 4;

    /**
     * Rows per chunk of softmax: a chunk's rows are taken in a few interleaved sweeps (see
     * ActivationF32.softmaxOneVectorRows), and 64 rows of ten classes stay in L1 between them.
     */
    public static final int SOFTMAX_CHUNK_ROWS = 64;

    /**
     * The narrowest softmax rows done a row at a time in vectors: rows of one to three values
     * would take a vector per row for a few values, and passes over the whole block (scalar
     * maxima and sums, one exponential pass) were faster there (200 x 1: 1.6-2.9 us against 4.1;
     * 200 x 2: 2.5-2.6 against 3.7-3.8; 200 x 3: 2.6-3.1 against 3.1-3.5, best of 3,000 calls
     * in one JVM), from four values on the row way (200 x 4: 3.3 against 3.6-4.0).
     */
    public static final int SOFTMAX_MIN_VECTOR_COLS = 4;

    private ElementwiseTuning() {
    }
}
