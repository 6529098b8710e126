package dev.vecnn.kernels;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Rows#gather}: the selected rows in order, the same for any thread count; bad input rejected. */
class RowsTest {
    @Test
    void gathersTheIndexedRowsOnAnyThreadCount() {
        int previous = Gemm.threads();
        try {
            // 0 rows, one short row, and a gather large enough to be split (2^15 elements and more).
            int[][] shapes = {{0, 7}, {1, 1}, {5, 3}, {200, 784}, {173, 389}};
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
                    double[] got = new double[count * width];
                    Rows.gather(src, width, index, from, count, got);
                    assertArrayEquals(want, got, count + "x" + width + ", threads " + threads);
                    float[] gotF = new float[count * width];
                    Rows.gather(srcF, width, index, from, count, gotF);
                    assertArrayEquals(GemmCase.toFloat(want), gotF, count + "x" + width + " float, threads " + threads);
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
