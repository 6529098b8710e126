package dev.vecnn.kernels.elementwise;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector form of {@code dev.vecnn.kernels.Rows}' gather: {@code dst} row {@code i} =
 * {@code src} row {@code index[from + i]}, {@link #GROUP} rows at a time, a vector of each in turn.
 *
 * <p>Why several rows side by side: a mini-batch's rows lie at random places of a training set
 * larger than the caches, and one {@code System.arraycopy} per row reads them one after the other,
 * so each row's first misses wait for memory before the prefetcher takes over. Reading eight rows
 * in turn keeps eight streams of misses in flight. Float64, 200 rows of 784 from MNIST's 8000
 * (50 MB), one thread, median per gather in one JVM: 76-82 us with a copy per row, 62-71 with four
 * rows in turn, 57-67 with eight (session 13). Same values, so the same bits.
 */
public final class RowCopyF32 {
    /** Rows copied side by side. */
    static final int GROUP = 8;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private RowCopyF32() {
    }

    /**
     * Rows {@code [i0, i1)} of the gather: {@code dst[i * width, (i + 1) * width)} =
     * {@code src[index[from + i] * width, ...)}. Arguments were validated by the caller.
     */
    public static void gather(float[] src, int width, int[] index, int from, int i0, int i1, float[] dst) {
        int whole = width / L * L;
        int i = i0;
        for (; i + GROUP <= i1; i += GROUP) {
            int s0 = index[from + i] * width;
            int s1 = index[from + i + 1] * width;
            int s2 = index[from + i + 2] * width;
            int s3 = index[from + i + 3] * width;
            int s4 = index[from + i + 4] * width;
            int s5 = index[from + i + 5] * width;
            int s6 = index[from + i + 6] * width;
            int s7 = index[from + i + 7] * width;
            int d = i * width;
            for (int c = 0; c < whole; c += L) {
                FloatVector.fromArray(S, src, s0 + c).intoArray(dst, d + c);
                FloatVector.fromArray(S, src, s1 + c).intoArray(dst, d + width + c);
                FloatVector.fromArray(S, src, s2 + c).intoArray(dst, d + 2 * width + c);
                FloatVector.fromArray(S, src, s3 + c).intoArray(dst, d + 3 * width + c);
                FloatVector.fromArray(S, src, s4 + c).intoArray(dst, d + 4 * width + c);
                FloatVector.fromArray(S, src, s5 + c).intoArray(dst, d + 5 * width + c);
                FloatVector.fromArray(S, src, s6 + c).intoArray(dst, d + 6 * width + c);
                FloatVector.fromArray(S, src, s7 + c).intoArray(dst, d + 7 * width + c);
            }
            if (whole < width) {
                for (int r = 0; r < GROUP; r++) {
                    System.arraycopy(src, index[from + i + r] * width + whole, dst, d + r * width + whole,
                            width - whole);
                }
            }
        }
        for (; i < i1; i++) {
            System.arraycopy(src, index[from + i] * width, dst, i * width, width);
        }
    }
}
