package dev.vecnn.kernels;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;

/** Array lengths built from the lane count L that hit every tail of an elementwise kernel. */
final class Lengths {
    static final int FLOAT_LANES = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
    static final int DOUBLE_LANES = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();

    private Lengths() {
    }

    /** {0, 1, L-1, L, L+1, 2L+1, 4L-1, 4L, 4L+1} for both lane counts, or a random length. */
    static Arbitrary<Integer> ragged() {
        int l = FLOAT_LANES;
        int d = DOUBLE_LANES;
        Arbitrary<Integer> awkward = Arbitraries.of(0, 1, l - 1, l, l + 1, 2 * l + 1, 4 * l - 1, 4 * l, 4 * l + 1,
                d - 1, d + 1, 2 * d + 1, 4 * d - 1, 4 * d + 1, 16 * l + 3);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, awkward),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1000)));
    }

    /** Records in the report whether the vector body, the one-vector tail and the masked tail ran. */
    static void collect(int length) {
        int l = FLOAT_LANES;
        Statistics.label("float tail").collect(length == 0 ? "empty" : length % l == 0 ? "none" : "masked");
        Statistics.label("float body").collect(length / l == 0 ? "0 vectors" : length / l < 4 ? "1-3 vectors"
                : ">=4 vectors");
    }
}
