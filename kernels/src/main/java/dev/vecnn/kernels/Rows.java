package dev.vecnn.kernels;

import dev.vecnn.kernels.elementwise.RowCopyF32;
import dev.vecnn.kernels.elementwise.RowCopyF64;
import dev.vecnn.kernels.gemm.Workers;

/**
 * Row gathers on row-major arrays: {@code dst} row {@code i} = {@code src} row
 * {@code index[from + i]}, for {@code i < count}. This is how a shuffled mini-batch is formed from
 * a training set. Large gathers are split by rows over {@link Gemm#threads()} threads: the copy
 * is bound by memory latency, which each core adds its own share of, and each core then holds
 * the rows it copied in its own cache. The result does not depend on the thread count. Invalid
 * arguments throw {@link IllegalArgumentException} naming the argument, before anything is written.
 *
 * <p>{@link #firstNonFinite} is the finite check of a model's input rows, split the same way.
 */
public final class Rows {
    /** Below this many elements a gather runs on the calling thread. */
    static final int PARALLEL_MIN_ELEMENTS = 1 << 15;

    private Rows() {
    }

    /**
     * Float gather of {@code count} rows of {@code width} elements; see the class comment.
     *
     * @param src   source rows, row-major, {@code width} values each, not null
     * @param width values per row, {@code >= 0}
     * @param index row numbers into src, each in {@code [0, src.length / width)}
     * @param from  position in index of the first row to copy, {@code >= 0}
     * @param count rows to copy, {@code >= 0}, with {@code from + count <= index.length}
     * @param dst   destination, receives the rows at its start; {@code >= count * width} long
     * @throws IllegalArgumentException if an argument is invalid, before dst is written
     */
    public static void gather(float[] src, int width, int[] index, int from, int count, float[] dst) {
        check(GemmArguments.length(src), width, index, from, count, GemmArguments.length(dst));
        int parts = parts(count, width);
        if (parts == 1) {
            copy(src, width, index, from, 0, count, dst);
        } else {
            Workers.run(parts, part -> copy(src, width, index, from, Workers.partStart(count, part, parts),
                    Workers.partStart(count, part + 1, parts), dst));
        }
    }

    /**
     * Double gather of {@code count} rows of {@code width} elements; see the class comment.
     *
     * @param src   source rows, row-major, {@code width} values each, not null
     * @param width values per row, {@code >= 0}
     * @param index row numbers into src, each in {@code [0, src.length / width)}
     * @param from  position in index of the first row to copy, {@code >= 0}
     * @param count rows to copy, {@code >= 0}, with {@code from + count <= index.length}
     * @param dst   destination, receives the rows at its start; {@code >= count * width} long
     * @throws IllegalArgumentException if an argument is invalid, before dst is written
     */
    public static void gather(double[] src, int width, int[] index, int from, int count, double[] dst) {
        check(GemmArguments.length(src), width, index, from, count, GemmArguments.length(dst));
        int parts = parts(count, width);
        if (parts == 1) {
            copy(src, width, index, from, 0, count, dst);
        } else {
            Workers.run(parts, part -> copy(src, width, index, from, Workers.partStart(count, part, parts),
                    Workers.partStart(count, part + 1, parts), dst));
        }
    }

    /**
     * The index of the first of {@code rows} whose first {@code cols} values include a NaN or an
     * infinity, or -1 when all are finite. Large inputs are scanned by rows on
     * {@link Gemm#threads()} threads (the scan is bound by memory bandwidth, which each core adds
     * its share of); the answer does not depend on the thread count.
     *
     * @param rows the rows, not null, each non-null with at least {@code cols} values
     * @param cols leading values of each row to check, {@code >= 0}
     * @return that row's index, or -1
     * @throws IllegalArgumentException if rows or a row is null, a row is short or {@code cols < 0}
     */
    public static int firstNonFinite(double[][] rows, int cols) {
        checkRows(rows == null ? -1 : rows.length, cols, i -> rows[i] == null ? -1 : rows[i].length);
        return firstInRanges(rows.length, cols, (i0, i1) -> firstNonFinite(rows, cols, i0, i1));
    }

    /**
     * {@link #firstNonFinite(double[][], int)} for float rows.
     *
     * @param rows the rows, not null, each non-null with at least {@code cols} values
     * @param cols leading values of each row to check, {@code >= 0}
     * @return the index of the first row with a NaN or an infinity, or -1
     * @throws IllegalArgumentException if rows or a row is null, a row is short or {@code cols < 0}
     */
    public static int firstNonFinite(float[][] rows, int cols) {
        checkRows(rows == null ? -1 : rows.length, cols, i -> rows[i] == null ? -1 : rows[i].length);
        return firstInRanges(rows.length, cols, (i0, i1) -> firstNonFinite(rows, cols, i0, i1));
    }

    private static int firstNonFinite(double[][] rows, int cols, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            // The largest magnitude is NaN or infinite exactly when some value is.
            if (!Double.isFinite(Reductions.maxAbs(rows[i], 0, cols))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstNonFinite(float[][] rows, int cols, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            if (!Float.isFinite(Reductions.maxAbs(rows[i], 0, cols))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code scan} (first matching row in [i0, i1), or -1) over {@code count} rows, split by rows
     * over the threads when large; the first part's answer that found a row wins, so the result
     * does not depend on the thread count.
     */
    private static int firstInRanges(int count, int cols, java.util.function.IntBinaryOperator scan) {
        int parts = parts(count, cols);
        if (parts == 1) {
            return scan.applyAsInt(0, count);
        }
        int[] found = new int[parts];
        Workers.run(parts, part -> found[part] = scan.applyAsInt(Workers.partStart(count, part, parts),
                Workers.partStart(count, part + 1, parts)));
        for (int f : found) {
            if (f >= 0) {
                return f;
            }
        }
        return -1;
    }

    private static void checkRows(int count, int cols, java.util.function.IntUnaryOperator rowLength) {
        if (count < 0) {
            throw new IllegalArgumentException("rows must not be null");
        }
        if (cols < 0) {
            throw new IllegalArgumentException("cols must be >= 0, got " + cols);
        }
        for (int i = 0; i < count; i++) {
            int length = rowLength.applyAsInt(i);
            if (length < cols) {
                throw new IllegalArgumentException(length < 0 ? "rows[" + i + "] must not be null"
                        : "rows[" + i + "] has " + length + " values, " + cols + " were asked for");
            }
        }
    }

    // One part below PARALLEL_MIN_ELEMENTS; without a branch on the size, which the warm-up's small
    // calls would leave as a trap for the first real batch (see Updates.parts).
    private static int parts(int count, int width) {
        long elements = (long) count * width;
        return (int) Math.max(1, Math.min(Workers.available(), Math.min(count, elements / PARALLEL_MIN_ELEMENTS)));
    }

    // Several rows side by side on the vector path (RowCopyF32 says why), one copy per row otherwise.
    private static void copy(float[] src, int width, int[] index, int from, int i0, int i1, float[] dst) {
        if (VectorSupport.enabled()) {
            RowCopyF32.gather(src, width, index, from, i0, i1, dst);
            return;
        }
        for (int i = i0; i < i1; i++) {
            System.arraycopy(src, index[from + i] * width, dst, i * width, width);
        }
    }

    private static void copy(double[] src, int width, int[] index, int from, int i0, int i1, double[] dst) {
        if (VectorSupport.enabled()) {
            RowCopyF64.gather(src, width, index, from, i0, i1, dst);
            return;
        }
        for (int i = i0; i < i1; i++) {
            System.arraycopy(src, index[from + i] * width, dst, i * width, width);
        }
    }

    private static void check(int srcLength, int width, int[] index, int from, int count, int dstLength) {
        if (srcLength < 0) {
            throw new IllegalArgumentException("src must not be null");
        }
        if (dstLength < 0) {
            throw new IllegalArgumentException("dst must not be null");
        }
        if (index == null) {
            throw new IllegalArgumentException("index must not be null");
        }
        if (width < 0) {
            throw new IllegalArgumentException("width must be >= 0, got " + width);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (from < 0 || (long) from + count > index.length) {
            throw new IllegalArgumentException("index has " + index.length + " entries, rows [" + from + ", "
                    + ((long) from + count) + ") were asked for");
        }
        if ((long) count * width > dstLength) {
            throw new IllegalArgumentException("dst is too short: " + count + " rows of " + width + " need "
                    + (long) count * width + " elements, dst.length is " + dstLength);
        }
        long rows = width == 0 ? Long.MAX_VALUE : srcLength / width;
        for (int i = 0; i < count; i++) {
            int r = index[from + i];
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException("index[" + (from + i) + "] = " + r + " is not a row of src ("
                        + (width == 0 ? "any row of width 0" : rows + " rows of " + width) + ")");
            }
        }
    }
}
