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

    private ElementwiseTuning() {
    }
}
