package dev.vecnn.kernels.elementwise;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD reductions. Sums keep {@link ElementwiseTuning#ACCUMULATORS} vector accumulators, combine
 * them pairwise in a fixed order and then their lanes in lane order, so every result depends only
 * on the input (not on threads or timing). Column sums add rows in ascending order per column,
 * exactly like the scalar twin {@link ReductionScalarF32}, so those agree bit for bit.
 *
 * <p>Internal: arguments were validated by the public facade.
 */
public final class ReductionF32 {
    private static final VectorSpecies<Float> S = VectorMathF32.S;
    private static final int L = S.length();
    private static final int STEP = ElementwiseTuning.ACCUMULATORS * L;

    private ReductionF32() {
    }

    /** {@code sum x[i]^2}. */
    public static float sumOfSquares(float[] x, int off, int len) {
        return dot(x, off, x, off, len);
    }

    /** {@code sum a[i] b[i]}. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (; i <= len - STEP; i += STEP) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
            s1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), s1);
            s2 = FloatVector.fromArray(S, a, aOff + i + 2 * L).fma(FloatVector.fromArray(S, b, bOff + i + 2 * L), s2);
            s3 = FloatVector.fromArray(S, a, aOff + i + 3 * L).fma(FloatVector.fromArray(S, b, bOff + i + 3 * L), s3);
        }
        for (; i <= len - L; i += L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
        }
        if (i < len) {
            // Masked lanes are zero, so a zero-padded copy gives the same sum; it replaces the masked
            // loads where their full vectors would cross an array's end (the JDK's per-lane path).
            if (aOff + i + L <= a.length && bOff + i + L <= b.length) {
                VectorMask<Float> m = S.indexInRange(i, len);
                s1 = FloatVector.fromArray(S, a, aOff + i, m).fma(FloatVector.fromArray(S, b, bOff + i, m), s1);
            } else {
                float[] t = TailF32.copy(a, aOff + i, b, bOff + i, len - i);
                s1 = FloatVector.fromArray(S, t, 0).fma(FloatVector.fromArray(S, t, L), s1);
            }
        }
        FloatVector sum = s0.add(s1).add(s2.add(s3));
        // The lanes added in a fixed pairwise tree (lane i with i + L/2, then i + L/4, ...), so the
        // sum has the same bits on every run, JIT tier and thread count (reduceLanes(ADD) leaves
        // its order open, and the interpreter's differs from C2's). Each step written out under a
        // constant guard: a halving loop is not a counted loop, its slice offsets stayed variable
        // and fell back to boxed code. Written here rather than called: a method taking a vector
        // that was compiled on its own into a large method is not inlined later, and every call
        // then boxed its vector (softmax's row sums, 96 bytes per row, in 2 of about 30 test runs).
        FloatVector zero = FloatVector.zero(S);
        if (L >= 64) {
            sum = sum.add(sum.slice(32, zero));
        }
        if (L >= 32) {
            sum = sum.add(sum.slice(16, zero));
        }
        if (L >= 16) {
            sum = sum.add(sum.slice(8, zero));
        }
        if (L >= 8) {
            sum = sum.add(sum.slice(4, zero));
        }
        if (L >= 4) {
            sum = sum.add(sum.slice(2, zero));
        }
        if (L >= 2) {
            sum = sum.add(sum.slice(1, zero));
        }
        return sum.lane(0);
    }

    /**
     * {@code max |x[i]|}, 0 for an empty range, NaN if any element is NaN: an integer maximum of
     * the magnitudes' bits ({@link MaxAbsBits} says why), exact like the floating-point one.
     */
    public static float maxAbs(float[] x, int off, int len) {
        return MaxAbsBits.maxAbs(x, off, len);
    }

    /**
     * {@code out[j] = sum_i x[i * cols + j]} over a row-major {@code rows x cols} block. Each
     * column's chain of adds is as long as the block is deep, so whole vectors of columns are
     * summed four or two at a time in one sweep over the rows (independent chains, each still in
     * ascending row order: 200 x 100 floats 1.9 us with one at a time). A partial last vector of
     * columns is loaded with a mask while its full width stays inside x; the last rows, where it
     * would not, are added to {@code out} one value at a time, in the same row order, so the sums
     * have the same bits either way.
     */
    public static void columnSums(float[] x, int rows, int cols, float[] out) {
        int full = cols / L * L;
        int j = 0;
        for (; j + 4 * L <= full; j += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int r = 0, i = j; r < rows; r++, i += cols) {
                a0 = a0.add(FloatVector.fromArray(S, x, i));
                a1 = a1.add(FloatVector.fromArray(S, x, i + L));
                a2 = a2.add(FloatVector.fromArray(S, x, i + 2 * L));
                a3 = a3.add(FloatVector.fromArray(S, x, i + 3 * L));
            }
            a0.intoArray(out, j);
            a1.intoArray(out, j + L);
            a2.intoArray(out, j + 2 * L);
            a3.intoArray(out, j + 3 * L);
        }
        for (; j + 2 * L <= full; j += 2 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            for (int r = 0, i = j; r < rows; r++, i += cols) {
                a0 = a0.add(FloatVector.fromArray(S, x, i));
                a1 = a1.add(FloatVector.fromArray(S, x, i + L));
            }
            a0.intoArray(out, j);
            a1.intoArray(out, j + L);
        }
        for (; j < cols; j += L) {
            VectorMask<Float> m = S.indexInRange(j, cols);
            int vectorRows = j + L <= cols ? rows : rowsInside(x.length, rows, cols, j);
            FloatVector acc = FloatVector.zero(S);
            for (int r = 0; r < vectorRows; r++) {
                acc = acc.add(FloatVector.fromArray(S, x, r * cols + j, m));
            }
            if (j + L <= out.length) {
                acc.intoArray(out, j, m);
            } else {
                // A masked store crossing the end of out takes the same per-lane path as a load.
                float[] s = TailF32.scratch();
                acc.intoArray(s, 0);
                System.arraycopy(s, 0, out, j, Math.min(L, cols - j));
            }
            for (int r = vectorRows; r < rows; r++) {
                for (int c = j; c < cols; c++) {
                    out[c] += x[r * cols + c];
                }
            }
        }
    }

    /**
     * How many rows from the first have a full vector from column j inside an array of
     * {@code length}: a masked load that crosses the end takes the JDK's per-lane path (hundreds of
     * times slower), and in the JIT's code it was a trap that sent the method back to the
     * interpreter on the first real batch.
     */
    private static int rowsInside(int length, int rows, int cols, int j) {
        long fit = ((long) length - j - L) / cols + 1;
        return length < j + L ? 0 : (int) Math.min(rows, fit);
    }
}
