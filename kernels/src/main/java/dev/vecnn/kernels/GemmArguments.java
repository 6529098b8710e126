package dev.vecnn.kernels;

/**
 * Validation shared by every GEMM entry point, float and double alike (arrays are described by
 * their length, -1 for null). Everything is checked before anything is written, so a rejected
 * call leaves C untouched.
 */
final class GemmArguments {
    private GemmArguments() {
    }

    /** Checks a GEMM call; {@code a}, {@code b}, {@code c} are float[] or double[] (or null). */
    static void check(boolean transA, boolean transB, int m, int n, int k,
                      Object a, int aOff, int lda, Object b, int bOff, int ldb,
                      Object c, int cOff, int ldc) {
        nonNegative("m", m);
        nonNegative("n", n);
        nonNegative("k", k);
        // Stored shapes: op(A) is m x k, so A is stored k x m when transposed; likewise B.
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        operand("a", "lda", length(a), aOff, lda, aRows, aCols);
        operand("b", "ldb", length(b), bOff, ldb, bRows, bCols);
        operand("c", "ldc", length(c), cOff, ldc, m, n);
        noOverlap("a", a, aOff, lda, aRows, aCols, c, cOff, ldc, m, n);
        noOverlap("b", b, bOff, ldb, bRows, bCols, c, cOff, ldc, m, n);
    }

    /**
     * Checks a GEMM call whose A is given as one array per row ({@code A(i, p) = a[i][aColumn + p]},
     * not transposed); {@code a} is a float[][] or double[][] (or null).
     */
    static void checkRowArrays(boolean transB, int m, int n, int k, Object[] a, int aColumn,
                               Object b, int bOff, int ldb, Object c, int cOff, int ldc) {
        nonNegative("m", m);
        nonNegative("n", n);
        nonNegative("k", k);
        if (a == null) {
            throw new IllegalArgumentException("a must not be null");
        }
        if (aColumn < 0) {
            throw new IllegalArgumentException("aColumn must be >= 0, got " + aColumn);
        }
        if (a.length < m) {
            throw new IllegalArgumentException("a has " + a.length + " rows, m is " + m);
        }
        for (int i = 0; i < m; i++) {
            int length = length(a[i]);
            if (length < 0) {
                throw new IllegalArgumentException("a[" + i + "] must not be null");
            }
            if ((long) aColumn + k > length) {
                throw new IllegalArgumentException("a[" + i + "] is too short: aColumn + k = " + ((long) aColumn + k)
                        + ", a[" + i + "].length is " + length);
            }
            if (a[i] == c && n > 0) {
                throw new IllegalArgumentException("c must not be one of the rows of a (a[" + i + "])");
            }
        }
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        operand("b", "ldb", length(b), bOff, ldb, bRows, bCols);
        operand("c", "ldc", length(c), cOff, ldc, m, n);
        noOverlap("b", b, bOff, ldb, bRows, bCols, c, cOff, ldc, m, n);
    }

    static int length(Object array) {
        return array == null ? -1 : java.lang.reflect.Array.getLength(array);
    }

    /**
     * Rejects C sharing elements with an input: the product would read values it has overwritten.
     * Exact for strided regions (rows {@code ld} apart, {@code cols <= ld} values each, as the
     * operand checks ensure): an input beside C in one buffer, say the left columns of rows whose
     * right columns are C, is accepted.
     */
    static void noOverlap(String input, Object array, int off, int ld, int rows, int cols,
                          Object c, int cOff, int ldc, int m, int n) {
        if (array != c || rows == 0 || cols == 0 || m == 0 || n == 0) {
            return;
        }
        long shared = rows <= m ? firstShared(off, ld, rows, cols, cOff, ldc, m, n)
                : firstShared(cOff, ldc, m, n, off, ld, rows, cols);
        if (shared >= 0) {
            throw new IllegalArgumentException("c must not overlap " + input + ": element " + shared
                    + " of the array is in both");
        }
    }

    /**
     * An element of both regions (row i of a region at {@code off + i * ld}, {@code cols} values),
     * or -1: for each row of the first, the first row of the second that ends after that row starts,
     * since the second's rows are disjoint and ascending.
     */
    private static long firstShared(long off1, long ld1, int rows1, int cols1,
                                    long off2, long ld2, int rows2, int cols2) {
        for (int i = 0; i < rows1; i++) {
            long start = off1 + i * ld1;
            long end = start + cols1;
            // the first row j of the second with off2 + j * ld2 + cols2 > start
            long j = Math.max(0, Math.floorDiv(start - off2 - cols2, ld2) + 1);
            if (j < rows2) {
                long start2 = off2 + j * ld2;
                if (start2 < end) {
                    return Math.max(start, start2);
                }
            }
        }
        return -1;
    }

    static void operand(String name, String ldName, int length, int off, int ld,
                                int rows, int cols) {
        if (length < 0) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (off < 0) {
            throw new IllegalArgumentException(name + "Offset must be >= 0, got " + off);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(ldName + " must be >= max(1, " + cols
                    + ") (the row width of " + name + " as stored), got " + ld);
        }
        long needed = rows == 0 || cols == 0 ? off : off + (long) (rows - 1) * ld + cols;
        if (needed > length) {
            throw new IllegalArgumentException(name + " is too short: a stored " + rows + " x " + cols
                    + " matrix at offset " + off + " with " + ldName + " " + ld + " needs " + needed
                    + " elements, " + name + ".length is " + length);
        }
    }

    private static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
