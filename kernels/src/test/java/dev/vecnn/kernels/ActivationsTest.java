package dev.vecnn.kernels;

import java.util.Arrays;
import java.util.Random;

import dev.vecnn.kernels.ElementwiseTolerance.Function;
import dev.vecnn.kernels.elementwise.ActivationScalarF32;
import dev.vecnn.kernels.elementwise.ActivationScalarF64;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@link Activations} against the scalar twins on ragged lengths, plus known answers and bad input. */
class ActivationsTest {
    private static final float SLOPE = 0.1f;

    @Provide
    Arbitrary<Integer> length() {
        return Lengths.ragged();
    }

    @Property(tries = 200)
    void forwardMatchesTwin(@ForAll("length") int n, @ForAll Activation act, @ForAll @IntRange(max = 3) int off,
                            @ForAll @IntRange(max = 1000) int seed) {
        Lengths.collect(n);
        double[] z = data(off + n + 2, seed, 8);
        float[] f = toFloat(z);
        float[] ft = f.clone();
        Activations.forward(act, SLOPE, f, off, n);
        ActivationScalarF32.forward(act, SLOPE, ft, off, n);
        double[] d = z.clone();
        double[] dt = z.clone();
        Activations.forward(act, SLOPE, d, off, n);
        ActivationScalarF64.forward(act, SLOPE, dt, off, n);
        Function fn = function(act);
        assertClose(toDouble(f), toDouble(ft), fn == null ? 0 : ElementwiseTolerance.vectorVersusTwin(fn, true), true, act);
        assertClose(d, dt, fn == null ? 0 : ElementwiseTolerance.vectorVersusTwin(fn, false), false, act);
    }

    @Property(tries = 200)
    void derivativeMatchesTwin(@ForAll("length") int n, @ForAll Activation act, @ForAll @IntRange(max = 3) int off,
                               @ForAll @IntRange(max = 1000) int seed) {
        Lengths.collect(n);
        double[] y = data(off + n, seed, 4);
        ActivationScalarF64.forward(act, SLOPE, y, 0, y.length);
        double[] delta = data(off + n, seed + 1, 1);
        float[] yf = toFloat(y);
        float[] f = toFloat(delta);
        float[] ft = f.clone();
        Activations.derivative(act, SLOPE, yf, f, off, n);
        ActivationScalarF32.derivative(act, SLOPE, yf, ft, off, n);
        double[] d = delta.clone();
        double[] dt = delta.clone();
        Activations.derivative(act, SLOPE, y, d, off, n);
        ActivationScalarF64.derivative(act, SLOPE, y, dt, off, n);
        // Both sides evaluate the same polynomial in y (exact same roundings) except softplus,
        // whose 1 - e^-y differs like expm1, plus the final product with delta (one rounding).
        double floatTol = act == Activation.SOFTPLUS ? ElementwiseTolerance.vectorVersusTwin(Function.EXP, true) + 2 : 0;
        double doubleTol = act == Activation.SOFTPLUS ? ElementwiseTolerance.vectorVersusTwin(Function.EXP, false) + 2 : 0;
        assertClose(toDouble(f), toDouble(ft), floatTol, true, act);
        assertClose(d, dt, doubleTol, false, act);
    }

    @Property(tries = 100)
    void softmaxMatchesTwinAndSumsToOne(@ForAll @IntRange(max = 9) int rows, @ForAll("length") int cols,
                                        @ForAll @IntRange(max = 1000) int seed) {
        Lengths.collect(cols);
        double[] z = data(rows * cols + 1, seed, 30);
        float[] f = toFloat(z);
        float[] ft = f.clone();
        Activations.softmax(f, 1, rows, cols);
        ActivationScalarF32.softmax(ft, 1, rows, cols);
        double[] d = z.clone();
        double[] dt = z.clone();
        Activations.softmax(d, 1, rows, cols);
        ActivationScalarF64.softmax(dt, 1, rows, cols);
        // Each value is exp (bounded above) divided by a sum of cols such values: the sum's
        // relative error is at most (cols - 1) u on top of exp's, the division adds one rounding.
        assertClose(toDouble(f), toDouble(ft), ElementwiseTolerance.vectorVersusTwin(Function.EXP, true) * 2 + 2 * cols + 1, true, null);
        assertClose(d, dt, ElementwiseTolerance.vectorVersusTwin(Function.EXP, false) * 2 + 2 * cols + 1, false, null);
        for (int r = 0; r < rows && cols > 0; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += f[1 + r * cols + c];
            }
            assertEquals(1, s, 1e-5 * cols, "row sums to 1");
        }
    }

    @Test
    void knownAnswers() {
        float[] x = {-2, -0f, 0, 0.5f, 3};
        float[] relu = x.clone();
        Activations.forward(Activation.RELU, relu, 0, 5);
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 3}, relu);
        float[] leaky = x.clone();
        Activations.forward(Activation.LEAKY_RELU, 0.25f, leaky, 0, 5);
        assertArrayEquals(new float[] {-0.5f, -0f, 0, 0.5f, 3}, leaky);
        float[] logistic = {0};
        Activations.forward(Activation.LOGISTIC, logistic, 0, 1);
        assertEquals(0.5f, logistic[0]);
        double[] tanh = {0.5};
        Activations.forward(Activation.TANH, tanh, 0, 1);
        assertEquals(Math.tanh(0.5), tanh[0], 3 * Math.ulp(0.5));
        double[] softplus = {0};
        Activations.forward(Activation.SOFTPLUS, softplus, 0, 1);
        assertEquals(Math.log(2), softplus[0], 2 * Math.ulp(0.7));
        // relu'(0) = 0: y = 0 blocks the gradient.
        float[] delta = {1, 1, 1};
        Activations.derivative(Activation.RELU, 0, new float[] {0, 2, 0}, delta, 0, 3);
        assertArrayEquals(new float[] {0, 1, 0}, delta);
        double[] dl = {2, 2};
        Activations.derivative(Activation.LOGISTIC, 0, new double[] {0.5, 0.25}, dl, 0, 2);
        assertArrayEquals(new double[] {0.5, 0.375}, dl);
        float[] sm = {1, 2, 3};
        Activations.softmax(sm, 0, 1, 3);
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new float[] {(float) (Math.exp(1) / e), (float) (Math.exp(2) / e), (float) (Math.exp(3) / e)}, sm, 1e-6f);
    }

    @Test
    void saturatesCleanly() {
        float[] x = {-1000, 1000, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        float[] logistic = x.clone();
        Activations.forward(Activation.LOGISTIC, logistic, 0, 4);
        assertArrayEquals(new float[] {0, 1, 0, 1}, logistic);
        float[] tanh = x.clone();
        Activations.forward(Activation.TANH, tanh, 0, 4);
        assertArrayEquals(new float[] {-1, 1, -1, 1}, tanh);
        double[] ld = {-1000, 1000};
        Activations.forward(Activation.LOGISTIC, ld, 0, 2);
        assertArrayEquals(new double[] {0, 1}, ld);
        float[] big = new float[40];
        Arrays.fill(big, 3e38f);
        big[3] = Float.NEGATIVE_INFINITY;
        big[7] = -3e38f;
        Activations.softmax(big, 0, 2, 20);
        double sum = 0;
        for (float v : big) {
            assertTrue(Float.isFinite(v), "softmax stays finite");
            sum += v;
        }
        assertEquals(2, sum, 1e-5);
        assertEquals(0f, big[3]);
    }

    /**
     * Rows with huge, infinite, NaN and signed-zero entries, in the middle of the array and as its
     * last row, for widths of one vector, two vectors and more in either precision: the same
     * values as the twin (NaN where the twin has NaN: a NaN or +infinity anywhere in a row, or a
     * row of -infinity, makes the whole row NaN), finite and summing to 1 everywhere else.
     */
    @Test
    void softmaxOfRowsWithSpecialValuesMatchesTheTwin() {
        double inf = Double.POSITIVE_INFINITY;
        for (int cols : new int[] {3, 7, 10, 16, 17, 20, 32, 33, 40}) {
            double[][] specials = {
                {3e38, -3e38, 3e38}, {-inf, 1, -inf}, {Double.NaN, 1, 2}, {inf, 1, 2}, {-inf, -inf, -inf},
                {-0.0, 0.0, -1}, {-1e30, -1e30, -1e30}, {1e-40, -1e-40, 0}};
            for (double[] special : specials) {
                for (int at = 0; at < 3; at++) {
                    // Three rows; the special one is row `at`, its values spread over the row.
                    double[] z = data(3 * cols, cols + 31L * at, 5);
                    for (int c = 0; c < cols; c++) {
                        z[at * cols + c] = special[c % special.length] == 1 ? z[at * cols + c] : special[c % special.length];
                    }
                    float[] f = toFloat(z);
                    float[] ft = f.clone();
                    Activations.softmax(f, 0, 3, cols);
                    ActivationScalarF32.softmax(ft, 0, 3, cols);
                    double[] d = z.clone();
                    double[] dt = z.clone();
                    Activations.softmax(d, 0, 3, cols);
                    ActivationScalarF64.softmax(dt, 0, 3, cols);
                    String what = "cols " + cols + ", row " + at + " " + Arrays.toString(special);
                    assertClose(toDouble(f), toDouble(ft), ElementwiseTolerance.vectorVersusTwin(Function.EXP, true) * 2 + 2 * cols + 1, true, what);
                    assertClose(d, dt, ElementwiseTolerance.vectorVersusTwin(Function.EXP, false) * 2 + 2 * cols + 1, false, what);
                    for (int r = 0; r < 3; r++) {
                        double sum = 0;
                        for (int c = 0; c < cols; c++) {
                            sum += d[r * cols + c];
                        }
                        if (!Double.isNaN(dt[r * cols])) {
                            assertEquals(1, sum, 1e-12 * cols, what + ": row " + r + " sums to 1");
                        }
                    }
                }
            }
        }
    }

    @Test
    void namesAndBadArguments() {
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.fromName(a.sklearnName()));
        }
        float[] x = {1, 2, 3};
        float[] before = x.clone();
        expect("activation must be one of", () -> Activation.fromName("swish"));
        expect("activation must not be null", () -> Activations.forward(null, x, 0, 3));
        expect("x must not be null", () -> Activations.forward(Activation.TANH, (float[]) null, 0, 3));
        expect("x is too short", () -> Activations.forward(Activation.TANH, x, 1, 3));
        expect("length", () -> Activations.forward(Activation.TANH, x, 0, -1));
        expect("offset", () -> Activations.forward(Activation.TANH, x, -1, 1));
        expect("slope", () -> Activations.forward(Activation.LEAKY_RELU, -1f, x, 0, 3));
        expect("delta is too short", () -> Activations.derivative(Activation.TANH, 0f, x, new float[2], 0, 3));
        expect("y must not be null", () -> Activations.derivative(Activation.TANH, 0d, null, new double[2], 0, 2));
        expect("rows", () -> Activations.softmax(x, 0, -1, 3));
        expect("x is too short", () -> Activations.softmax(x, 0, 2, 2));
        assertArrayEquals(before, x, "a rejected call writes nothing");
    }

    static void expect(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' should name " + fragment);
    }

    private static Function function(Activation a) {
        return switch (a) {
            case LOGISTIC -> Function.LOGISTIC;
            case TANH -> Function.TANH;
            case SOFTPLUS -> Function.SOFTPLUS;
            default -> null;
        };
    }

    /** |got - want| <= ulps * ulp(max(|got|, |want|)) element by element; 0 ulps means bitwise equal. */
    static void assertClose(double[] got, double[] want, double ulps, boolean asFloat, Object what) {
        for (int i = 0; i < got.length; i++) {
            double g = got[i];
            double w = want[i];
            if (Double.compare(g, w) == 0) {
                continue;
            }
            double m = Math.max(Math.abs(g), Math.abs(w));
            double ulp = asFloat ? Math.ulp((float) Math.max(m, Float.MIN_VALUE)) : Math.ulp(Math.max(m, Double.MIN_VALUE));
            if (!(Math.abs(g - w) <= ulps * ulp)) {
                fail(what + " element " + i + ": " + g + " vs twin " + w + " differ by "
                        + Math.abs(g - w) / ulp + " ulp > " + ulps);
            }
        }
    }

    static double[] data(int n, long seed, double scale) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        return x;
    }

    static float[] toFloat(double[] x) {
        return GemmCase.toFloat(x);
    }

    static double[] toDouble(float[] x) {
        return GemmCase.toDouble(x);
    }
}
