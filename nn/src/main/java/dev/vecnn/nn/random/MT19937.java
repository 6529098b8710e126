package dev.vecnn.nn.random;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998) producing 32-bit outputs, seeded
 * with {@code init_genrand} exactly as numpy's legacy {@code RandomState(seed)} does for an
 * integer seed.
 */
final class MT19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index;

    /** Seeds the state with {@code init_genrand(seed)}; the seed is taken modulo 2^32. */
    MT19937(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = mt[i - 1];
            mt[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32-bit output as the low bits of a non-negative long. */
    long nextUint32() {
        if (index >= N) {
            regenerate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            int next = mt[(k + M) % N] ^ (y >>> 1);
            mt[k] = (y & 1) != 0 ? next ^ MATRIX_A : next;
        }
        index = 0;
    }
}
