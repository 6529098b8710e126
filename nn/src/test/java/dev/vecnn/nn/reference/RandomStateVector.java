package dev.vecnn.nn.reference;

/**
 * One entry of {@code numpy-random-state.json}: on {@code RandomState(seed)}, the first four raw
 * outputs; then, on a fresh {@code RandomState(seed)}, {@code uniform(-0.5, 2.0, 7)},
 * {@code shuffle(arange(13))} and {@code shuffle(arange(1000))} (first 20 entries) in that order.
 *
 * @param seed                 the integer seed
 * @param firstUint32          the first four 32-bit outputs
 * @param uniform              {@code uniform(-0.5, 2.0, 7)}
 * @param shuffle13            {@code arange(13)} after shuffling
 * @param shuffle1000Head      the first 20 entries of {@code arange(1000)} after shuffling
 */
public record RandomStateVector(long seed, long[] firstUint32, double[] uniform, int[] shuffle13,
                                int[] shuffle1000Head) {

    static RandomStateVector read(Fields f) {
        double[] raw = f.vector("first_uint32");
        long[] first = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            first[i] = (long) raw[i];
        }
        return new RandomStateVector(f.integer("seed"), first, f.vector("uniform_m0p5_2p0_7"),
                f.intVector("shuffle_arange13_after"), f.intVector("shuffle_arange1000_after_head"));
    }
}
