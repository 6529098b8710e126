package dev.vecnn.kernels;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BLAS contract of {@link Gemm}: special scalars, determinism across threads, bad arguments. */
class GemmContractTest {
    private final int savedThreads = Gemm.threads();

    @AfterEach
    void restoreThreads() {
        Gemm.setThreads(savedThreads);
    }

    @Test
    void smallKnownAnswer() {
        // [1 2 3; 4 5 6] * [7 8; 9 10; 11 12] = [58 64; 139 154]
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] c = new float[4];
        Gemm.sgemm(2, 2, 3, a, b, c);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
        double[] cd = new double[4];
        Gemm.dgemm(2, 2, 3, toDouble(a), toDouble(b), cd);
        assertArrayEquals(new double[] {58, 64, 139, 154}, cd);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 40, 200})
    void betaZeroOverwritesNaN(int size) {
        float[] a = random(size * size, 1);
        float[] b = random(size * size, 2);
        float[] c = new float[size * size];
        Arrays.fill(c, Float.NaN);
        Gemm.sgemm(size, size, size, a, b, c);
        for (float x : c) {
            assertTrue(Float.isFinite(x), "beta = 0 must not read C");
        }
        double[] cd = new double[size * size];
        Arrays.fill(cd, Double.NaN);
        Gemm.dgemm(size, size, size, toDouble(a), toDouble(b), cd);
        for (double x : cd) {
            assertTrue(Double.isFinite(x), "beta = 0 must not read C");
        }
    }

    @Test
    void alphaZeroOrEmptyDepthOnlyScalesC() {
        float[] a = random(12, 3);
        float[] b = random(12, 4);
        float[] c = random(9, 5);
        float[] want = c.clone();
        for (int i = 0; i < want.length; i++) {
            want[i] *= 0.5f;
        }
        float[] nanA = new float[12];
        Arrays.fill(nanA, Float.NaN);
        float[] c1 = c.clone();
        Gemm.sgemm(false, false, 3, 3, 4, 0f, nanA, 0, 4, b, 0, 3, 0.5f, c1, 0, 3);
        assertArrayEquals(want, c1, "alpha = 0 must not read A or B");
        float[] c2 = c.clone();
        Gemm.sgemm(false, false, 3, 3, 0, 1f, a, 0, 1, b, 0, 3, 0.5f, c2, 0, 3);
        assertArrayEquals(want, c2, "k = 0 scales C by beta");
        float[] c3 = c.clone();
        Arrays.fill(c3, Float.NaN);
        Gemm.sgemm(false, false, 3, 3, 0, 1f, a, 0, 1, b, 0, 3, 0f, c3, 0, 3);
        assertArrayEquals(new float[9], c3, "k = 0, beta = 0 writes zeros");
    }

    /**
     * As reference BLAS: with alpha = 0 or k = 0 there is no product term, so an infinite or NaN
     * alpha does not turn an empty sum into NaN, and beta = 1 leaves C bit for bit (-0 included),
     * on the vector path and in the scalar twin alike.
     */
    @Test
    void noProductTermWithoutDepthOrAlpha() {
        float[] a = random(12, 3);
        float[] b = random(12, 4);
        float[] c = random(9, 5);
        c[4] = -0f;
        float[] half = c.clone();
        for (int i = 0; i < half.length; i++) {
            half[i] *= 0.5f;
        }
        for (float alpha : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
            float[] fast = c.clone();
            Gemm.sgemm(false, false, 3, 3, 0, alpha, a, 0, 1, b, 0, 3, 0.5f, fast, 0, 3);
            assertArrayEquals(half, fast, "Gemm, k = 0, alpha " + alpha);
            float[] twin = c.clone();
            ReferenceGemm.sgemm(false, false, 3, 3, 0, alpha, a, 0, 1, b, 0, 3, 0.5f, twin, 0, 3);
            assertArrayEquals(half, twin, "ReferenceGemm, k = 0, alpha " + alpha);
            double[] twinD = toDouble(c);
            ReferenceGemm.dgemm(false, false, 3, 3, 0, alpha, toDouble(a), 0, 1, toDouble(b), 0, 3, 0.5, twinD, 0,
                    3);
            assertArrayEquals(toDouble(half), twinD, "ReferenceGemm double, k = 0, alpha " + alpha);
        }
        for (boolean reference : new boolean[] {false, true}) {
            float[] kept = c.clone();
            if (reference) {
                ReferenceGemm.sgemm(false, false, 3, 3, 4, 0f, a, 0, 4, b, 0, 3, 1f, kept, 0, 3);
            } else {
                Gemm.sgemm(false, false, 3, 3, 4, 0f, a, 0, 4, b, 0, 3, 1f, kept, 0, 3);
            }
            assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(kept[4]),
                    "alpha = 0, beta = 1 keeps -0, reference " + reference);
            assertArrayEquals(c, kept);
        }
    }

    /** An input beside C in one buffer (C to the right of A, row by row) is not an overlap. */
    @Test
    void anInputBesideCInOneBufferIsAccepted() {
        float[] b = random(16, 7);
        float[] buffer = random(32, 8);
        float[] a = new float[16];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(buffer, i * 8, a, i * 4, 4);
        }
        float[] want = new float[16];
        Gemm.sgemm(4, 4, 4, a, b, want);
        Gemm.sgemm(false, false, 4, 4, 4, 1f, buffer, 0, 8, b, 0, 4, 0f, buffer, 4, 8);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(Arrays.copyOfRange(want, i * 4, i * 4 + 4), Arrays.copyOfRange(buffer, i * 8 + 4,
                    i * 8 + 8), "row " + i);
            assertArrayEquals(Arrays.copyOfRange(a, i * 4, i * 4 + 4), Arrays.copyOfRange(buffer, i * 8, i * 8 + 4),
                    "A unchanged, row " + i);
        }
        float[] before = buffer.clone();
        // one column further left, C's first column is A's last: refused, nothing written
        expect("c must not overlap a: element 3", () -> Gemm.sgemm(false, false, 4, 4, 4, 1f, buffer, 0, 8, b, 0, 4,
                0f, buffer, 3, 8));
        assertArrayEquals(before, buffer);
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        // 301x292x1100: split by rows with A packed, over three depth panels, ending in a wide sliver.
        int[][] shapes = {{300, 280, 200}, {301, 292, 1100}, {97, 500, 300}, {513, 67, 129}, {200, 100, 784},
            {784, 100, 200}};
        for (int[] s : shapes) {
            for (boolean[] t : new boolean[][] {{false, false}, {true, false}, {false, true}}) {
                GemmCase c = GemmCase.random(t[0], t[1], s[0], s[1], s[2], 1.0, 0.5, 3, 2, 99);
                double[] f1 = null;
                double[] d1 = null;
                for (int threads : new int[] {1, 2, 3, 8}) {
                    Gemm.setThreads(threads);
                    double[] f = c.runFloat(true);
                    double[] d = c.runDouble(true);
                    if (f1 == null) {
                        f1 = f;
                        d1 = d;
                        c.assertClose(f, c.runFloat(false), true);
                    } else {
                        assertArrayEquals(f1, f, "float, " + threads + " threads, " + c);
                        assertArrayEquals(d1, d, "double, " + threads + " threads, " + c);
                    }
                }
            }
        }
    }

    @Test
    void alphaScalesTheFinishedProduct() {
        // Within one k panel, C = alpha * AB rounds alpha times each finished dot product once,
        // whether the tile store or the pass over a finished block applies it.
        int[][] shapes = {{200, 100, 200}, {784, 100, 200}, {13, 10, 7}, {30, 300, 20}};
        for (int[] s : shapes) {
            for (boolean transA : new boolean[] {false, true}) {
                GemmCase one = GemmCase.random(transA, false, s[0], s[1], s[2], 1.0, 0.0, 2, 1, 11);
                GemmCase scaled = GemmCase.random(transA, false, s[0], s[1], s[2], 0.37, 0.0, 2, 1, 11);
                double[] f1 = one.runFloat(true);
                double[] fs = scaled.runFloat(true);
                double[] d1 = one.runDouble(true);
                double[] ds = scaled.runDouble(true);
                for (int i = 0; i < s[0]; i++) {
                    for (int j = 0; j < s[1]; j++) {
                        int x = 2 + i * one.ldc() + j;
                        assertEquals((float) f1[x] * 0.37f, (float) fs[x], "float " + scaled);
                        assertEquals(d1[x] * 0.37, ds[x], "double " + scaled);
                    }
                }
            }
        }
    }

    @Test
    void valuesAroundTheOperandsAreNeverUsed() {
        // NaN before A and B (offset), between their rows (leading dimension), and after them: the
        // kernels read whole vectors past a row (packing, B in place) but must never let those
        // lanes into C. Partial row tiles (100 = 8 x 12 + 4, 13, 4) and partial column slivers.
        int[][] shapes = {{100, 50, 200}, {13, 10, 7}, {4, 3, 600}, {200, 10, 50}, {30, 70, 20}};
        for (int[] s : shapes) {
            for (boolean[] t : new boolean[][] {{false, false}, {true, false}, {false, true}, {true, true}}) {
                GemmCase clean = GemmCase.random(t[0], t[1], s[0], s[1], s[2], 1.0, 0.5, 3, 5, 7);
                GemmCase poisoned = new GemmCase(t[0], t[1], s[0], s[1], s[2], 1.0, 0.5, 3, clean.lda(), 3,
                        clean.ldb(), 3, clean.ldc(), poison(clean.a(), 3, clean.lda(), t[0] ? s[2] : s[0],
                        t[0] ? s[0] : s[2]), poison(clean.b(), 3, clean.ldb(), t[1] ? s[1] : s[2], t[1] ? s[2] : s[1]),
                        clean.c0());
                double[] f = poisoned.runFloat(true);
                double[] d = poisoned.runDouble(true);
                assertArrayEquals(clean.runFloat(true), f, "float " + poisoned);
                assertArrayEquals(clean.runDouble(true), d, "double " + poisoned);
                clean.assertClose(f, clean.runFloat(false), true);
            }
        }
    }

    /** A copy of x, 17 longer, with NaN everywhere but the rows x cols matrix at off with stride ld. */
    private static double[] poison(double[] x, int off, int ld, int rows, int cols) {
        double[] y = new double[x.length + 17];
        Arrays.fill(y, Double.NaN);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, off + i * ld, y, off + i * ld, cols);
        }
        return y;
    }

    @Test
    void badArgumentsNameTheArgumentAndLeaveCUntouched() {
        float[] a = random(6, 1);
        float[] b = random(6, 2);
        float[] c = random(4, 3);
        float[] before = c.clone();
        expect("m", () -> Gemm.sgemm(false, false, -1, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        expect("n", () -> Gemm.sgemm(false, false, 2, -2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        expect("k", () -> Gemm.sgemm(false, false, 2, 2, -3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        expect("a must not be null", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, null, 0, 3, b, 0, 2, 0f, c, 0, 2));
        expect("b must not be null", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, null, 0, 2, 0f, c, 0, 2));
        expect("c must not be null", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, null, 0, 2));
        expect("lda", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        expect("lda", () -> Gemm.sgemm(true, false, 2, 2, 3, 1f, a, 0, 1, b, 0, 2, 0f, c, 0, 2));
        expect("ldb", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 1, 0f, c, 0, 2));
        expect("ldc", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 1));
        expect("a is too short", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 1, 3, b, 0, 2, 0f, c, 0, 2));
        expect("b is too short", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 3, 0f, c, 0, 2));
        expect("c is too short", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 1, 2));
        expect("aOffset", () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, -1, 3, b, 0, 2, 0f, c, 0, 2));
        expect("c must not overlap a", () -> Gemm.sgemm(false, false, 1, 1, 1, 1f, c, 0, 1, b, 0, 2, 0f, c, 0, 2));
        expect("threads", () -> Gemm.setThreads(0));
        assertArrayEquals(before, c, "a rejected call must not write C");
        double[] cd = toDouble(c);
        expect("ldb", () -> Gemm.dgemm(false, true, 2, 2, 3, 1, toDouble(a), 0, 3, toDouble(b), 0, 2, 0, cd, 0, 2));
        expect("a is too short", () -> ReferenceGemm.dgemm(false, false, 3, 2, 3, 1, toDouble(a), 0, 3, toDouble(b), 0, 2, 0, new double[6], 0, 2));
        assertArrayEquals(toDouble(before), cd);
    }

    @Test
    void threadCountIsConfigurable() {
        Gemm.setThreads(3);
        assertEquals(3, Gemm.threads());
    }

    private static void expect(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' should name " + fragment);
    }

    private static float[] random(int n, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static double[] toDouble(float[] x) {
        return GemmCase.toDouble(x);
    }
}
