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
     * Rows per chunk of softmax over rows of at most two vectors: a chunk's rows are taken in a
     * few interleaved sweeps (see ActivationF32.softmaxShortRows), and 64 rows of up to 32
     * floats (8 KiB) stay in L1 between them.
     */
    public static final int SOFTMAX_CHUNK_ROWS = 64;

    /**
     * The narrowest softmax rows done a row at a time in registers: one or two columns take one
     * vector per row for one or two values, and the passes over the whole block were faster
     * there (200 x 1: 1.6 us against 4.1; 200 x 3: 0.73-0.77 of the time, paired medians).
     */
    public static final int SOFTMAX_MIN_ROW_VECTOR_COLS = 3;

    private ElementwiseTuning() {
    }
}
