package dev.vecnn.nn.random;

/**
 * A bit-exact port of the draws scikit-learn's MLP estimators make from numpy's legacy
 * {@code numpy.random.RandomState} (MT19937): the same integer seed gives the same stream of
 * 32-bit outputs, doubles, uniform arrays, shuffles and permutations as numpy 1.x.
 *
 * <p>Only the primitives sklearn's {@code MLPClassifier} / {@code MLPRegressor} use are provided:
 * {@code uniform} (weight initialisation), {@code shuffle} (per-epoch sample order) and
 * {@code permutation} / {@code choice(replace=False)} (the early-stopping validation split).
 * Not thread-safe: one instance is one stream, consumed in order.
 */
public final class RandomState {
    /** The largest seed numpy's {@code RandomState(seed)} accepts: 2^32 - 1. */
    public static final long MAX_SEED = 0xffffffffL;

    private static final double TWO_POW_26 = 67108864.0;
    private static final double TWO_POW_53 = 9007199254740992.0;

    private final MT19937 bits;

    /**
     * Creates the stream numpy's {@code RandomState(seed)} creates for an integer seed.
     *
     * @param seed the seed, in {@code [0, 2^32 - 1]}
     * @throws IllegalArgumentException if the seed is outside that range, as numpy raises
     */
    public RandomState(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException(
                    "seed must be between 0 and 2**32 - 1, got " + seed);
        }
        this.bits = new MT19937(seed);
    }

    /** The next raw 32-bit MT19937 output, in {@code [0, 2^32)}. */
    public long nextUint32() {
        return bits.nextUint32();
    }

    /**
     * numpy's {@code random_sample()}: a double in {@code [0, 1)} with 53 random bits, built from
     * two consecutive 32-bit outputs a, b as {@code ((a >> 5) * 2^26 + (b >> 6)) / 2^53}.
     */
    public double nextDouble() {
        long a = bits.nextUint32() >>> 5;
        long b = bits.nextUint32() >>> 6;
        return (a * TWO_POW_26 + b) / TWO_POW_53;
    }

    /** numpy's scalar {@code uniform(lo, hi)}: {@code lo + (hi - lo) * nextDouble()}. */
    public double uniform(double lo, double hi) {
        double range = hi - lo;
        return lo + range * nextDouble();
    }

    /**
     * numpy's {@code uniform(lo, hi, count)}: {@code count} draws in order. A 2-D draw
     * {@code uniform(lo, hi, (rows, cols))} is the same stream laid out row-major.
     */
    public double[] uniform(double lo, double hi, int count) {
        double[] out = new double[checkCount(count)];
        fillUniform(lo, hi, out, 0, count);
        return out;
    }

    /** Fills {@code out[offset, offset + length)} in order with {@code uniform(lo, hi)} draws. */
    public void fillUniform(double lo, double hi, double[] out, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, out.length);
        double range = hi - lo;
        for (int i = offset, end = offset + length; i < end; i++) {
            out[i] = lo + range * nextDouble();
        }
    }

    /**
     * numpy's internal {@code random_interval(max)}: an integer uniform in {@code [0, max]} by
     * masked rejection sampling: with mask the smallest all-ones bit mask {@code >= max}, draw
     * 32-bit outputs until {@code (u & mask) <= max}. {@code max == 0} consumes nothing.
     *
     * @param max the inclusive upper bound, {@code >= 0}
     */
    public int randomInterval(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = -1L >>> Long.numberOfLeadingZeros(max);
        long value;
        do {
            value = bits.nextUint32() & mask;
        } while (value > max);
        return (int) value;
    }

    /**
     * numpy's in-place {@code shuffle(x)} of a 1-D array: Fisher-Yates from the last index down
     * to 1, swapping {@code x[i]} with {@code x[randomInterval(i)]}.
     */
    public void shuffle(int[] x) {
        for (int i = x.length - 1; i >= 1; i--) {
            int j = randomInterval(i);
            int tmp = x[i];
            x[i] = x[j];
            x[j] = tmp;
        }
    }

    /** numpy's {@code permutation(n)}: {@code arange(n)} shuffled by {@link #shuffle(int[])}. */
    public int[] permutation(int n) {
        int[] p = new int[checkCount(n)];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** numpy's {@code permutation(x)} of an array: a shuffled copy, {@code x} is unchanged. */
    public int[] permutation(int[] x) {
        int[] p = x.clone();
        shuffle(p);
        return p;
    }

    /**
     * numpy's legacy {@code choice(population, size, replace=False)} without weights: the first
     * {@code size} entries of {@code permutation(population)}.
     */
    public int[] choiceWithoutReplacement(int population, int size) {
        if (size < 0 || size > population) {
            throw new IllegalArgumentException(
                    "Cannot take a larger sample than population when 'replace=False': size "
                            + size + ", population " + population);
        }
        return java.util.Arrays.copyOf(permutation(population), size);
    }

    private static int checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed: " + count);
        }
        return count;
    }
}
