package dev.vecnn.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Copies blocks of A and B into the contiguous, zero-padded slivers that {@link KernelF32} reads.
 *
 * <p>A is {@code m x k} and B is {@code k x n} as the product sees them:
 * <ul>
 *   <li>A block {@code [i0, i0+mc) x [p0, p0+kc)} of a transposed A: slivers of {@code MR} rows,
 *       each stored as {@code kc} groups of {@code MR} values (the Columns layout); rows past the
 *       block are zero. A row-major A is copied row by row instead ({@link #copyRows}, the Rows
 *       layout): scattering it into groups, one element at a time, cost more than the layout
 *       saved (session 14).</li>
 *   <li>B panel {@code [p0, p0+kc) x [j0, j0+nc)}: slivers of {@code NR} columns, each stored as
 *       {@code kc} groups of {@code NR} values; columns past the panel are zero as far as the
 *       kernel reads them (one vector for a sliver of at most one vector of columns).</li>
 * </ul>
 */
final class PackF32 {
    private PackF32() {
    }

    /** Rows {@code [i0, i0+mc)} x steps {@code [p0, p0+kc)} of a transposed A, in the Columns layout. */
    static void packTransposedA(float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] dst) {
        final int mr = GemmTuning.MR;
        for (int ir = 0; ir < mc; ir += mr) {
            packTransposedSliver(a, aOff + p0 * lda + i0 + ir, lda, Math.min(mr, mc - ir), kc, dst, ir * kc);
        }
    }

    /**
     * One sliver of a transposed A ({@code A(i, p) = a[p * lda + i]}): for each of the kc steps, a
     * contiguous run of {@code rows} values, stored as a group of MR with the rows past the sliver
     * zero. Each run is copied as whole vectors, the lanes past {@code rows} zeroed by a blend (a
     * select: whatever lies there in {@code a}, NaN or subnormal values included, is not carried
     * into the padding rows, whose results are never stored but would still be computed); a
     * vector that reaches past the group writes into the next step's group, which is written
     * after it. Steps too close to the
     * end of either array take the per-element path. A {@code System.arraycopy} call per step
     * cost more than the copy: packing the 4 rows of float 100x50x200 TN took about 15% of the
     * product.
     */
    private static void packTransposedSliver(float[] a, int src, int lda, int rows, int kc, float[] dst, int base) {
        final int mr = GemmTuning.MR;
        final int l = KernelF32.L;
        final int span = (mr + l - 1) / l * l;
        // The steps whose vectors stay inside both arrays come first, counted before the loop
        // (a test inside it left C2's hoisted range checks failing on real sizes: deoptimized
        // six times in one MNIST fit).
        int fast = kc;
        while (fast > 0 && ((long) src + (long) (fast - 1) * lda + span > a.length
                || (long) base + (long) (fast - 1) * mr + span > dst.length)) {
            fast--;
        }
        FloatVector zero = FloatVector.zero(KernelF32.S);
        for (int p = 0; p < fast; p++) {
            int from = src + p * lda;
            int d = base + p * mr;
            for (int v = 0; v < mr; v += l) {
                zero.blend(FloatVector.fromArray(KernelF32.S, a, from + v), KernelF32.S.indexInRange(v, rows))
                        .intoArray(dst, d + v);
            }
        }
        for (int p = fast; p < kc; p++) {
            int from = src + p * lda;
            int d = base + p * mr;
            for (int r = 0; r < rows; r++) {
                dst[d + r] = a[from + r];
            }
            for (int r = rows; r < mr; r++) {
                dst[d + r] = 0;
            }
        }
    }

    /**
     * Packs columns {@code [j0, j0+nc)} x rows {@code [p0, p0+kc)} of B into slivers of
     * {@code nr} columns, each stored as kc rows of its width (the last sliver is wider when
     * {@link GemmShapes#sliverWidth} says so): sliver {@code jr} starts at {@code jr * kc}.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      int nr, int widest, float[] dst, int[] gatherIndex) {
        if (transB) {
            packTransposedB(b, bOff, ldb, p0, kc, j0, nc, nr, widest, dst, gatherIndex);
            return;
        }
        // The leading full slivers of a row-major B, step by step: each step's row of B is read
        // once, front to back, and its runs go to the slivers. Sliver by sliver, each read a
        // column strip of B, rows ldb apart: 7.9% of a float 1024^3 product (JFR, session 14).
        int full = 0;
        while (nc - full >= nr && GemmShapes.sliverWidth(nc - full, nr, KernelF32.L, widest) == nr) {
            full += nr;
        }
        for (int p = 0; p < kc; p++) {
            int from = bOff + (p0 + p) * ldb + j0;
            for (int j = 0; j < full; j += nr) {
                int to = j * kc + p * nr;
                for (int v = 0; v < nr; v += KernelF32.L) {
                    FloatVector.fromArray(KernelF32.S, b, from + j + v).intoArray(dst, to + v);
                }
            }
        }
        int jr = full;
        while (jr < nc) {
            int width = GemmShapes.sliverWidth(nc - jr, nr, KernelF32.L, widest);
            int cols = Math.min(width, nc - jr);
            int base = jr * kc;
            if (cols == width) {
                // B(p, j) = b[p * ldb + j]: each step p is a contiguous run of columns; a full
                // sliver's run is a fixed number of vectors, copied without a System.arraycopy call
                // per step (the call cost more than its 64 or 128 bytes).
                int src = bOff + p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++) {
                    int from = src + p * ldb;
                    int to = base + p * width;
                    for (int v = 0; v < width; v += KernelF32.L) {
                        FloatVector.fromArray(KernelF32.S, b, from + v).intoArray(dst, to + v);
                    }
                }
            } else {
                packPartialSliver(b, bOff + p0 * ldb + j0 + jr, ldb, kc, cols, width, dst, base);
                jr += width;
                continue;
            }
            // Zero the columns past the panel up to what the kernel reads: one vector for a sliver
            // of at most one vector of columns (the one-vector kernel), else the whole width.
            int read = readWidth(cols, width);
            if (cols < read) {
                for (int p = 0; p < kc; p++) {
                    int d = base + p * width;
                    for (int col = cols; col < read; col++) {
                        dst[d + col] = 0;
                    }
                }
            }
            jr += width;
        }
    }

    /**
     * B's last {@code cols} columns from column {@code j0}, rows {@code [p0, p0+kc)}, for
     * {@link TailKernelF32}: per step, one vector of L values whose lane l is B(p, j0 + l mod w),
     * zero where {@code l mod w >= cols} (a tail of 3 columns padded to 4). A row-major B's step
     * is one vector load, repeated by a constant shuffle and blended with zero; a transposed B
     * (and a step too close to the end of {@code b}) goes element by element.
     */
    static void packTail(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int cols, int w,
                         float[] dst) {
        final int l = KernelF32.L;
        FloatVector zero = FloatVector.zero(KernelF32.S);
        long validLanes = 0;
        for (int lane = 0; lane < l; lane++) {
            validLanes |= (lane & (w - 1)) < cols ? 1L << lane : 0;
        }
        VectorMask<Float> valid = VectorMask.fromLong(KernelF32.S, validLanes);
        for (int p = 0; p < kc; p++) {
            int src = bOff + (p0 + p) * ldb + j0;
            if (!transB && src + l <= b.length) {
                FloatVector v = FloatVector.fromArray(KernelF32.S, b, src);
                if (w == 1) {
                    v = FloatVector.broadcast(KernelF32.S, b[src]);
                } else if (w == 2) {
                    v = v.rearrange(TailKernelF32.REPEAT2);
                } else {
                    v = v.rearrange(TailKernelF32.REPEAT4);
                }
                zero.blend(v, valid).intoArray(dst, p * l);
            } else {
                for (int lane = 0; lane < l; lane++) {
                    int j = lane & (w - 1);
                    dst[p * l + lane] = j >= cols ? 0
                            : transB ? b[bOff + (j0 + j) * ldb + p0 + p] : b[src + j];
                }
            }
        }
    }

    /**
     * One sliver of a transposed B ({@code B(p, j) = b[j * ldb + p]}, from {@code src} = B(0, 0)):
     * for each step, each vector of the sliver's columns gathered from L stored rows ldb apart
     * (one gather), the last partial vector under a mask, then zeros up to what the kernel reads.
     * Column by column with strided stores it took 2.9-3.4 us of a float 200x100x50 NT product's
     * 22 us (the backward delta D W^T), the gathers 1.4-1.9 us (session 18).
     *
     * @param gatherIndex 2L ints of scratch: the row offsets of a whole vector, then those of the
     *                    partial one, 0 for its lanes past the sliver (a masked gather still
     *                    checks every lane's index)
     */
    private static void gatherTransposedSliver(float[] b, int src, int ldb, int kc, int cols, int read, int width,
                                               float[] dst, int base, int[] gatherIndex) {
        final int l = KernelF32.L;
        int whole = cols / l * l;
        for (int lane = 0; lane < l; lane++) {
            gatherIndex[lane] = lane * ldb;
            gatherIndex[l + lane] = lane < cols - whole ? lane * ldb : 0;
        }
        VectorMask<Float> partial = KernelF32.S.indexInRange(whole, cols);
        FloatVector zero = FloatVector.zero(KernelF32.S);
        for (int p = 0; p < kc; p++) {
            int from = src + p;
            int d = base + p * width;
            int c = 0;
            for (; c < whole; c += l) {
                FloatVector.fromArray(KernelF32.S, b, from + c * ldb, gatherIndex, 0).intoArray(dst, d + c);
            }
            if (c < cols) {
                FloatVector.fromArray(KernelF32.S, b, from + c * ldb, gatherIndex, l, partial).intoArray(dst, d + c);
                c += l;
            }
            for (; c < read; c += l) {
                zero.intoArray(dst, d + c);
            }
        }
    }

    /**
     * {@link #packB} for a transposed B, sliver by sliver by gathers. A method of its own, so
     * that C2 compiles the gathers with their own profile: inside packB, where a JVM's row-major
     * panels (a deep product's) made the gathers rare, C2 did not inline the JDK's
     * {@code IntVector.species} into the gather, which then took its allocating Java path
     * (30 KB per float 64x51x37 NT product after 600-deep products in the same JVM).
     */
    private static void packTransposedB(float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, int nr,
                                        int widest, float[] dst, int[] gatherIndex) {
        for (int jr = 0; jr < nc; ) {
            int width = GemmShapes.sliverWidth(nc - jr, nr, KernelF32.L, widest);
            int cols = Math.min(width, nc - jr);
            gatherTransposedSliver(b, bOff + (j0 + jr) * ldb + p0, ldb, kc, cols, readWidth(cols, width), width,
                    dst, jr * kc, gatherIndex);
            jr += width;
        }
    }

    /**
     * How many columns of its sliver the kernel reads per step: one vector for a sliver of at
     * most one vector of columns (the one-vector kernel), else the sliver's whole width.
     */
    static int readWidth(int cols, int width) {
        return cols <= KernelF32.L ? KernelF32.L : width;
    }

    /**
     * The last sliver of row-major B when it has fewer columns than its width: {@code kc} rows of
     * {@code cols} values from {@code b[src + p * ldb]}, zero up to what the kernel reads. Each
     * row is whole vectors: the last one is copied full (lanes past cols hold B's next values),
     * then a zero vector stored from column cols clears them; it runs into the next row, which is
     * written after it. Rows too close to the end of either array take the per-element path. Per
     * row, a {@code System.arraycopy} call and a zeroing loop cost more than the copy itself: this
     * was a tenth of a 200x10x50 product.
     */
    private static void packPartialSliver(float[] b, int src, int ldb, int kc, int cols, int width, float[] dst,
                                          int base) {
        final int l = KernelF32.L;
        int read = readWidth(cols, width);
        FloatVector zero = FloatVector.zero(KernelF32.S);
        for (int p = 0; p < kc; p++) {
            int from = src + p * ldb;
            int d = base + p * width;
            int vectors = (cols + l - 1) / l;
            if (from + vectors * l <= b.length && d + cols + l <= dst.length) {
                for (int v = 0; v < vectors * l; v += l) {
                    FloatVector.fromArray(KernelF32.S, b, from + v).intoArray(dst, d + v);
                }
                zero.intoArray(dst, d + cols);
            } else {
                for (int col = 0; col < cols; col++) {
                    dst[d + col] = b[from + col];
                }
                for (int col = cols; col < read; col++) {
                    dst[d + col] = 0;
                }
            }
        }
    }

    /**
     * Copies rows {@code [i0, i0+rows)} x columns {@code [p0, p0+kc)} of a row-major A into
     * {@code dst} with row stride {@code stride} (kc, or {@link KernelF32#A_ROWS_APART} for a row
     * tile's own copy, which {@link KernelF32#tileRowsKC} reads), zero-filling up to the next
     * whole sliver of MR rows: the layout the Rows kernels read, for a row tile or block of a
     * copied A or for the partial last sliver of an A otherwise read in place.
     */
    static void copyRows(float[] a, int aOff, int lda, int i0, int rows, int p0, int kc, float[] dst, int stride) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, aOff + (i0 + r) * lda + p0, dst, r * stride, kc);
        }
        zeroRows(dst, rows, kc, stride);
    }

    /** {@link #copyRows} for an A given as one array per row ({@code A(i, p) = rows[i][col + p]}). */
    static void copyRowArrays(float[][] rows, int col, int i0, int count, int p0, int kc, float[] dst, int stride) {
        for (int r = 0; r < count; r++) {
            System.arraycopy(rows[i0 + r], col + p0, dst, r * stride, kc);
        }
        zeroRows(dst, count, kc, stride);
    }

    /** Rows {@code [rows, wholeSlivers(rows))} of a copy, {@code stride} apart, set to zero over kc steps. */
    private static void zeroRows(float[] dst, int rows, int kc, int stride) {
        if (stride == kc) {
            java.util.Arrays.fill(dst, rows * kc, wholeSlivers(rows) * kc, 0);
            return;
        }
        for (int r = rows; r < wholeSlivers(rows); r++) {
            java.util.Arrays.fill(dst, r * stride, r * stride + kc, 0);
        }
    }

    /** {@code rows} rounded up to a multiple of MR (at least MR). */
    private static int wholeSlivers(int rows) {
        final int mr = GemmTuning.MR;
        return Math.max(mr, (rows + mr - 1) / mr * mr);
    }
}
