package dev.vecnn.kernels;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Rows#gather}: the selected rows in order, the same for any thread count; bad input
 * rejected. {@link Rows#firstNonFinite}: the first row with a NaN or infinity, on any thread count.
 */
class RowsTest {
    @Test
    void firstNonFiniteFindsTheFirstBadRowOnAnyThreadCount() {
        int previous = Gemm.threads();
        try {
            // Small (one thread) and large enough to be split; a bad value in the first, a middle
            // and the last row, several bad rows, and values past cols that must be ignored.
            int[][] shapes = {{0, 5}, {1, 1}, {7, 3}, {2000, 784}, {173, 389}};
            for (int[] shape : shapes) {
                int count = shape[0];
                int cols = shape[1];
                Random rnd = new Random(count * 17L + cols);
                double[][] rows = new double[count][];
                for (int i = 0; i < count; i++) {
                    rows[i] = new double[cols + 2];
                    for (int j = 0; j < rows[i].length; j++) {
                        rows[i][j] = rnd.nextGaussian();
                    }
                    rows[i][cols] = Double.NaN;
                }
                for (int threads : new int[] {1, 2, 3}) {
                    Gemm.setThreads(threads);
                    assertEquals(-1, Rows.firstNonFinite(rows, cols), count + "x" + cols + " all finite");
                    assertEquals(-1, Rows.firstNonFinite(toFloat(rows), cols), count + "x" + cols + " float");
                }
                if (count == 0) {
                    continue;
                }
                double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (int row : new int[] {count - 1, count / 2, 0}) {
                    rows[row][rnd.nextInt(cols)] = bad[rnd.nextInt(bad.length)];
                    // Rows 0, count / 2 and count - 1 are bad by now: the first of them is found.
                    for (int threads : new int[] {1, 2, 3}) {
                        Gemm.setThreads(threads);
                        assertEquals(row, Rows.firstNonFinite(rows, cols), count + "x" + cols + ", threads " + threads);
                        assertEquals(row, Rows.firstNonFinite(toFloat(rows), cols), count + "x" + cols + " float");
                    }
                }
            }
        } finally {
            Gemm.setThreads(previous);
        }
        assertThrows(IllegalArgumentException.class, () -> Rows.firstNonFinite((double[][]) null, 1));
        IllegalArgumentException shortRow = assertThrows(IllegalArgumentException.class,
                () -> Rows.firstNonFinite(new double[][] {{1, 2}, {1}}, 2));
        assertTrue(shortRow.getMessage().contains("rows[1]"), shortRow.getMessage());
        IllegalArgumentException nullRow = assertThrows(IllegalArgumentException.class,
                () -> Rows.firstNonFinite(new float[][] {{1}, null}, 1));
        assertTrue(nullRow.getMessage().contains("rows[1]"), nullRow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rows.firstNonFinite(new double[0][], -1));
    }

    private static float[][] toFloat(double[][] rows) {
        float[][] f = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = GemmCase.toFloat(rows[i]);
        }
        return f;
    }

    @Test
    void gathersTheIndexedRowsOnAnyThreadCount() {
        int previous = Gemm.threads();
        try {
            // 0 rows, one short row, and a gather large enough to be split (2^15 elements and more);
            // around the vector path's group of eight rows and the vector lengths 8 and 16 (widths
            // with and without a tail of columns).
            int[][] shapes = {{0, 7}, {1, 1}, {5, 3}, {200, 784}, {173, 389}, {8, 16}, {9, 17}, {17, 15},
                    {16, 8}, {23, 33}, {8, 1}, {7, 64}};
            for (int[] shape : shapes) {
                int count = shape[0];
                int width = shape[1];
                int sourceRows = count + 11;
                Random rnd = new Random(count * 31L + width);
                double[] src = new double[sourceRows * width];
                for (int i = 0; i < src.length; i++) {
                    src[i] = rnd.nextDouble();
                }
                int from = 3;
                int[] index = new int[from + count];
                for (int i = 0; i < index.length; i++) {
                    index[i] = rnd.nextInt(sourceRows);
                }
                double[] want = new double[count * width];
                for (int i = 0; i < count; i++) {
                    for (int j = 0; j < width; j++) {
                        want[i * width + j] = src[index[from + i] * width + j];
                    }
                }
                float[] srcF = GemmCase.toFloat(src);
                for (int threads : new int[] {1, 2, 3}) {
                    Gemm.setThreads(threads);
                    // dst longer than the rows: what lies past them is left alone.
                    double[] got = new double[count * width + 5];
                    java.util.Arrays.fill(got, -7);
                    Rows.gather(src, width, index, from, count, got);
                    assertArrayEquals(want, java.util.Arrays.copyOf(got, count * width),
                            count + "x" + width + ", threads " + threads);
                    for (int i = count * width; i < got.length; i++) {
                        assertEquals(-7, got[i], "past the rows, " + count + "x" + width);
                    }
                    float[] gotF = new float[count * width + 5];
                    java.util.Arrays.fill(gotF, -7);
                    Rows.gather(srcF, width, index, from, count, gotF);
                    assertArrayEquals(GemmCase.toFloat(want), java.util.Arrays.copyOf(gotF, count * width),
                            count + "x" + width + " float, threads " + threads);
                    for (int i = count * width; i < gotF.length; i++) {
                        assertEquals(-7, gotF[i], "past the rows, float " + count + "x" + width);
                    }
                }
            }
        } finally {
            Gemm.setThreads(previous);
        }
    }

    @Test
    void badArgumentsNameTheArgumentAndWriteNothing() {
        double[] src = new double[12];
        double[] dst = {1, 2, 3, 4, 5, 6};
        expect("index[1] = 4", () -> Rows.gather(src, 3, new int[] {0, 4}, 0, 2, dst));
        expect("index[0] = -1", () -> Rows.gather(src, 3, new int[] {-1, 0}, 0, 2, dst));
        expect("dst is too short", () -> Rows.gather(src, 3, new int[] {0, 1, 2}, 0, 3, dst));
        expect("index has 2 entries", () -> Rows.gather(src, 3, new int[] {0, 1}, 1, 2, dst));
        expect("width must be >= 0", () -> Rows.gather(src, -1, new int[] {0}, 0, 1, dst));
        expect("src must not be null", () -> Rows.gather((double[]) null, 3, new int[] {0}, 0, 1, dst));
        expect("index must not be null", () -> Rows.gather(new float[3], 3, null, 0, 1, new float[3]));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, dst);
    }

    private static void expect(String fragment, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
