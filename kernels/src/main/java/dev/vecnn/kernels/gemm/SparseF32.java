package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.elementwise.ReductionF32;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products whose A is mostly zeros, such as images with a blank background (MNIST's pixels are
 * 81% zeros) or one-hot features: for each tile of MR rows of row-major A, the driver runs the
 * micro-kernel only over the steps p at which some row of the tile is nonzero (the tile's
 * "union", computed here with vector compares and compress), through {@link IndexedKernelF32}.
 * On MNIST a 12-row tile's union holds about half of the 784 pixels, where each row alone holds
 * a fifth: the same register tile, half the multiply-adds.
 *
 * <p>The union pass also copies the tile's rows (a panel of KC columns) to the driver's A buffer,
 * KC apart, and the indexed kernels read them there: at a constant stride the JIT merges the
 * bounds checks of the twelve rows' loads, which for an index read from the step list it cannot
 * hoist; in place (one array per row, or rows lda apart) they cost 1.1-1.3x per step.
 *
 * <p>The result has the bits of the dense kernels: every element of C is the same chain of fused
 * multiply-adds in the same order of p, only without steps whose A values are all zero, and it is
 * written by the same tile store. Dropping such a step changes nothing: a chain starts at +0, so
 * its running sum is never -0, and {@code fma(0, b, s) = s} for any finite b and any s that is not
 * -0. With an infinite or NaN value in B, {@code 0 * inf} is NaN in the dense product, so
 * {@link #prefer} declines unless B is finite.
 *
 * <p>Only row-major A: a transposed A (the weight gradient X^T D over sparse inputs X) was tried
 * with the same union per tile of 12 columns of X, which skips half the steps of MNIST's
 * 784 x 100 x 200 gradient, and gained 11% in float and lost 2-3% in double (the union pass reads
 * one cache line per step from rows 3 KB apart; see docs/architecture.md).
 */
final class SparseF32 {
    private static final VectorSpecies<Float> S = KernelF32.S;
    private static final int L = KernelF32.L;
    private static final int MR = GemmTuning.MR;
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, VectorShape.forBitSize(L * 32));

    private SparseF32() {
    }

    /**
     * Whether a product whose row-major A is read in place (rows {@code lda} apart from
     * {@code aOff}, or one array per row from column {@code aOff} when {@code aRows} is not null)
     * should skip its all-zero steps: deep enough, A's first row at most half nonzero, the unions
     * of a sample of row tiles (each prefix of the sample on average) at most
     * {@link GemmTuning#SPARSE_MAX_UNION} of k, and B finite. {@code scratch} holds a panel's steps
     * (its length less L is the depth sampled at a time), {@code bits} its vectors' lanes.
     */
    static boolean prefer(boolean transB, int m, int n, int k, float[] a, int aOff, int lda, float[][] aRows,
                          float[] b, int bOff, int ldb, int[] scratch, long[] bits) {
        if (k < GemmTuning.SPARSE_MIN_DEPTH || m < MR) {
            return false;
        }
        // A first row more than half nonzero ends the test for dense inputs at the cost of one row
        // (sampling four whole tiles cost dense products 1.5-3%).
        if (countNonzero(aRows != null ? aRows[0] : a, aOff, k) > k / 2) {
            return false;
        }
        int tiles = m / MR;
        int sample = Math.min(tiles, GemmTuning.SPARSE_SAMPLE_TILES);
        int depth = Math.min(scratch.length - L, bits.length * L);
        long steps = 0;
        for (int s = 0; s < sample; s++) {
            int row = (int) ((long) tiles * s / sample) * MR;
            for (int pc = 0; pc < k; pc += depth) {
                int kc = Math.min(depth, k - pc);
                steps += union(a, aOff, lda, aRows, row, MR, pc, kc, scratch, 0, bits, null, 0);
            }
            if (steps > GemmTuning.SPARSE_MAX_UNION * (s + 1) * k) {
                return false;
            }
        }
        return transB ? finite(b, bOff, ldb, n, k) : finite(b, bOff, ldb, k, n);
    }

    /** Whether the {@code k x n} values of b from bOff, rows ldb apart, are all finite. */
    private static boolean finite(float[] b, int bOff, int ldb, int k, int n) {
        if (ldb == n) {
            return Float.isFinite(ReductionF32.maxAbs(b, bOff, k * n));
        }
        for (int p = 0; p < k; p++) {
            if (!Float.isFinite(ReductionF32.maxAbs(b, bOff + p * ldb, n))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The steps {@code p} in {@code [0, kc)} at which one of {@code rows} rows from {@code row}
     * has a value other than zero at column {@code pc + p} (NaN counts), in increasing order, into
     * {@code idx} from {@code at} (with L slots of slack past at + kc); returns how many.
     * {@code bits} (at least kc / L entries) holds each vector's nonzero lanes while the rows are
     * read one after the other (streaming along each row; reading the tile's rows in turn for each
     * vector of columns took twice as long). When {@code panel} is not null the rows' values are
     * also copied there, row r from {@code panelAt + r * KC}, for {@link IndexedKernelF32}: read
     * from one array at a constant stride, the kernels' bounds checks merge (see the generator).
     */
    static int union(float[] a, int aOff, int lda, float[][] aRows, int row, int rows, int pc, int kc, int[] idx,
                     int at, long[] bits, float[] panel, int panelAt) {
        int chunks = kc / L;
        java.util.Arrays.fill(bits, 0, chunks, 0L);
        for (int r = 0; r < rows; r++) {
            float[] src = aRows != null ? aRows[row + r] : a;
            int base = aRows != null ? aOff + pc : aOff + (row + r) * lda + pc;
            if (panel == null) {
                for (int c = 0; c < chunks; c++) {
                    bits[c] |= FloatVector.fromArray(S, src, base + c * L).compare(VectorOperators.NE, 0f).toLong();
                }
            } else {
                int to = panelAt + r * GemmTuning.KC;
                for (int c = 0; c < chunks; c++) {
                    FloatVector v = FloatVector.fromArray(S, src, base + c * L);
                    bits[c] |= v.compare(VectorOperators.NE, 0f).toLong();
                    v.intoArray(panel, to + c * L);
                }
                System.arraycopy(src, base + chunks * L, panel, to + chunks * L, kc - chunks * L);
            }
        }
        IntVector lane = IntVector.zero(IS).addIndex(1);
        int count = 0;
        for (int c = 0; c < chunks; c++) {
            lane.add(c * L).compress(VectorMask.fromLong(IS, bits[c])).intoArray(idx, at + count);
            count += Long.bitCount(bits[c]);
        }
        for (int q = chunks * L; q < kc; q++) {
            for (int r = 0; r < rows; r++) {
                float v = aRows != null ? aRows[row + r][aOff + pc + q] : a[aOff + (row + r) * lda + pc + q];
                if (v != 0) {
                    idx[at + count] = q;
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** How many of {@code x[from, from + len)} are not zero. */
    private static int countNonzero(float[] x, int from, int len) {
        int count = 0;
        int q = 0;
        for (; q <= len - L; q += L) {
            count += FloatVector.fromArray(S, x, from + q).compare(VectorOperators.NE, 0f).trueCount();
        }
        for (; q < len; q++) {
            count += x[from + q] != 0 ? 1 : 0;
        }
        return count;
    }
}
