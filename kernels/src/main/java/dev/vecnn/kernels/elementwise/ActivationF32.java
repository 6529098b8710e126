package dev.vecnn.kernels.elementwise;

import dev.vecnn.kernels.Activation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD activations over arrays: forward maps, derivatives in terms of the output, and row-wise
 * softmax. Only loops are public: a method that passes a vector is inlined or boxes it, so vector
 * helpers stay private to the loops that call them on every iteration (the GEMM tile store writes
 * its relu and leaky_relu out; docs/architecture.md). The scalar twin is {@link ActivationScalarF32}.
 *
 * <p>Internal: arguments were validated by the public facade.
 */
public final class ActivationF32 {
    private static final VectorSpecies<Float> S = VectorMathF32.S;
    private static final int L = S.length();
    // The transcendental loops, called through handles so that each is compiled on its own (see
    // CompileRoots), indexed by transcendentalIndex.
    private static final MethodHandle[] PLAIN_LOOPS = CompileRoots.find(MethodHandles.lookup(),
            MethodType.methodType(void.class, float[].class, int.class, int.class),
            "tanhVectors", "logisticVectors", "softplusVectors");
    private static final MethodHandle[] BIASED_LOOPS = CompileRoots.find(MethodHandles.lookup(),
            MethodType.methodType(void.class, float[].class, int.class, int.class, float[].class, int.class, int.class),
            "tanhBiased", "logisticBiased", "softplusBiased");
    // Softmax over rows of at most one, at most two and more vectors, each loop compiled on its
    // own: each ends a row's vectors in reductions, and when softmax was compiled with its row
    // passes inlined, one row in 64 boxed (6 KB per float call) in one full test run of a dozen.
    private static final MethodHandle[] SOFTMAX_LOOPS = CompileRoots.find(MethodHandles.lookup(),
            MethodType.methodType(void.class, float[].class, int.class, int.class, int.class),
            "softmaxOneVectorRows", "softmaxTwoVectorRows", "softmaxLongRows");
    // Lane rotations by L/2, L/4, ..., 1: a tree over the lanes of one vector.
    private static final VectorShuffle<Float>[] ROTATIONS = rotations();
    private static final MethodHandle[] SOFTPLUS_DERIVATIVE_LOOP = CompileRoots.find(MethodHandles.lookup(),
            MethodType.methodType(void.class, float[].class, int.class, float[].class, int.class, int.class),
            "softplusDerivativeVectors");

    private ActivationF32() {
    }

    /** Whether {@link #piecewiseLinear} computes this activation. */
    public static boolean isPiecewiseLinear(Activation activation) {
        return activation == Activation.IDENTITY || activation == Activation.RELU
                || activation == Activation.LEAKY_RELU;
    }

    /** Identity, relu or leaky_relu ({@code slope}) of every lane, for {@link #forwardPiecewiseLinear}. */
    private static FloatVector piecewiseLinear(Activation activation, float slope, FloatVector z) {
        return switch (activation) {
            case IDENTITY -> z;
            case RELU -> z.max(0);
            // z itself where z > 0 (and NaN), slope * z elsewhere.
            case LEAKY_RELU -> z.blend(z.mul(slope), z.compare(VectorOperators.LE, 0));
            default -> throw new IllegalArgumentException(activation + " is not piecewise linear");
        };
    }

    /**
     * {@code delta * f'(y)} in every lane, f' written in terms of the output y = f(z), for the
     * activations whose derivative is a polynomial of the output (all but softplus, whose
     * exponential has a loop of its own): small, and called on every iteration of the derivative
     * loop, so C2 inlines it there.
     */
    private static FloatVector algebraicDerivative(Activation activation, float slope, FloatVector y,
                                                  FloatVector delta) {
        return switch (activation) {
            case IDENTITY -> delta;
            case LOGISTIC -> delta.mul(y.mul(FloatVector.broadcast(S, 1).sub(y)));
            case TANH -> delta.mul(FloatVector.broadcast(S, 1).sub(y.mul(y)));
            case RELU -> delta.blend(0, y.compare(VectorOperators.LE, 0));
            case LEAKY_RELU -> delta.blend(delta.mul(slope), y.compare(VectorOperators.LE, 0));
            case SOFTPLUS -> throw new IllegalArgumentException("softplus' needs exp: see softplusDerivative");
        };
    }

    /**
     * {@code x[off:off+len] = f(x[off:off+len])}.
     *
     * <p>Each activation has a loop of its own, so that each loop's compiled code depends on that
     * activation alone. One loop calling {@link #apply} for all of them, once a JVM had run it with
     * several (the warm-up runs every activation, so every fit did), was compiled by C2 against the
     * mixed profile: a float tanh pass took 0.63 ns per element instead of 0.17 and logistic 1.08
     * instead of 0.44 (10,000 elements, best of 3000, tanh and logistic alternating in one JVM
     * against each alone); a relu pass over 2000 x 100 doubles took 12 ms instead of 0.1 in one JVM
     * out of two (the main job's predict_proba 22 ms instead of 6).
     */
    public static void forward(Activation activation, float slope, float[] x, int off, int len) {
        switch (activation) {
            case IDENTITY -> {
                // Nothing to do.
            }
            case RELU, LEAKY_RELU -> forwardPiecewiseLinear(activation, slope, x, off, len);
            case TANH, LOGISTIC, SOFTPLUS -> forwardTranscendental(PLAIN_LOOPS[transcendentalIndex(activation)], x,
                    off, len);
        }
    }

    /** The position of tanh, logistic and softplus in the tables of loops. */
    private static int transcendentalIndex(Activation activation) {
        return switch (activation) {
            case TANH -> 0;
            case LOGISTIC -> 1;
            case SOFTPLUS -> 2;
            default -> throw new IllegalArgumentException(activation + " has no transcendental loop");
        };
    }

    /**
     * {@code x[off + e] = f(x[off + e] + pattern[e % period])} for e in [0, len): a layer's forward
     * pass over rows stored back to back, the bias added on the way in. {@code pattern} holds the
     * bias row repeated over {@code period} values, a whole number of rows and of vectors, so each
     * vector's bias is one load whatever the row length. For tanh, logistic and softplus (the GEMM
     * epilogue's block pass, {@code EpilogueF32}); each element gets the bits of adding its bias
     * and then calling {@link #forward}.
     *
     * <p>Loops of their own, next to forward's: the bias add inside the loop is nearly free (the
     * loop waits on the latency of the function's chain), where a separate pass over the block
     * cost 0.7 us per 10,000 floats, and forward's loops adding a pattern of -0 instead were 6-20%
     * slower on their own (docs/architecture.md, session 9).
     */
    public static void forwardBiased(Activation activation, float[] x, int off, int len, float[] pattern,
                                     int period) {
        if (isPiecewiseLinear(activation)) {
            throw new IllegalArgumentException("forwardBiased is for tanh, logistic and softplus, got " + activation);
        }
        MethodHandle loop = BIASED_LOOPS[transcendentalIndex(activation)];
        int whole = off + len / L * L;
        int end = off + len;
        runBiased(loop, x, off, whole, pattern, 0, period);
        if (whole < end) {
            // The last partial vector through the same loop on a copy (see TailF32).
            int pos = (whole - off) % period;
            float[] tail = TailF32.copy(x, whole, end - whole);
            runBiased(loop, tail, 0, L, pattern, pos, period);
            System.arraycopy(tail, 0, x, whole, end - whole);
        }
    }

    // One loop per activation, as in forward; pos walks the pattern one vector at a time.

    private static void tanhBiased(float[] x, int from, int to, float[] pattern, int pos, int period) {
        for (int i = from; i <= to - L; i += L) {
            FloatVector z = FloatVector.fromArray(S, x, i).add(FloatVector.fromArray(S, pattern, pos));
            VectorMathF32.tanh(z).intoArray(x, i);
            pos = pos + L == period ? 0 : pos + L;
        }
    }

    private static void logisticBiased(float[] x, int from, int to, float[] pattern, int pos, int period) {
        for (int i = from; i <= to - L; i += L) {
            FloatVector z = FloatVector.fromArray(S, x, i).add(FloatVector.fromArray(S, pattern, pos));
            VectorMathF32.logistic(z).intoArray(x, i);
            pos = pos + L == period ? 0 : pos + L;
        }
    }

    private static void softplusBiased(float[] x, int from, int to, float[] pattern, int pos, int period) {
        for (int i = from; i <= to - L; i += L) {
            FloatVector z = FloatVector.fromArray(S, x, i).add(FloatVector.fromArray(S, pattern, pos));
            VectorMathF32.softplus(z).intoArray(x, i);
            pos = pos + L == period ? 0 : pos + L;
        }
    }

    // In the piecewise-linear loop the scalar twin (the same float operations) finishes the last
    // partial vector: a masked vector crossing the array's end takes the JDK's per-lane path, and
    // a mask built here was boxed in some JIT states (40 bytes per call in a training step, the
    // GEMM epilogue running these on every block). The transcendental loops run their own vector
    // loop once more over a copy of the last partial vector instead (TailF32).

    private static void forwardPiecewiseLinear(Activation activation, float slope, float[] x, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i <= end - L; i += L) {
            piecewiseLinear(activation, slope, FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
        for (; i < end; i++) {
            x[i] = ActivationScalarF32.apply(activation, slope, x[i]);
        }
    }

    /** {@link #forward} for tanh, logistic and softplus: whole vectors, then the last partial one on a copy. */
    private static void forwardTranscendental(MethodHandle loop, float[] x, int off, int len) {
        int end = off + len;
        int whole = off + len / L * L;
        run(loop, x, off, whole);
        if (whole < end) {
            float[] tail = TailF32.copy(x, whole, end - whole);
            run(loop, tail, 0, L);
            System.arraycopy(tail, 0, x, whole, end - whole);
        }
    }

    private static void run(MethodHandle loop, float[] x, int from, int to) {
        try {
            loop.invokeExact(x, from, to);
        } catch (Throwable e) {
            throw CompileRoots.rethrow(e);
        }
    }

    private static void runBiased(MethodHandle loop, float[] x, int from, int to, float[] pattern, int pos,
                                  int period) {
        try {
            loop.invokeExact(x, from, to, pattern, pos, period);
        } catch (Throwable e) {
            throw CompileRoots.rethrow(e);
        }
    }

    private static void tanhVectors(float[] x, int from, int to) {
        for (int i = from; i <= to - L; i += L) {
            VectorMathF32.tanh(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
    }

    private static void logisticVectors(float[] x, int from, int to) {
        for (int i = from; i <= to - L; i += L) {
            VectorMathF32.logistic(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
    }

    private static void softplusVectors(float[] x, int from, int to) {
        for (int i = from; i <= to - L; i += L) {
            VectorMathF32.softplus(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
    }

    /** {@code delta[i] *= f'(z_i)} over the range, from the stored outputs {@code y = f(z)}. */
    public static void derivative(Activation activation, float slope, float[] y, float[] delta, int off, int len) {
        derivative(activation, slope, y, off, delta, off, len);
    }

    /**
     * {@code delta[deltaOff + i] *= f'(y[yOff + i])} for i in [0, len), from the stored outputs
     * {@code y = f(z)}.
     */
    public static void derivative(Activation activation, float slope, float[] y, int yOff, float[] delta,
                                  int deltaOff, int len) {
        if (activation == Activation.IDENTITY) {
            return;
        }
        if (activation == Activation.SOFTPLUS) {
            softplusDerivative(y, yOff, delta, deltaOff, len);
            return;
        }
        // The GEMM's backward epilogue runs this on every block; its body must stay small enough
        // for C2 to inline the derivative (a vector passed to a call that is not inlined is boxed),
        // hence softplus' exponential in a loop of its own.
        int shift = yOff - deltaOff;
        int end = deltaOff + len;
        int i = deltaOff;
        for (; i <= end - L; i += L) {
            algebraicDerivative(activation, slope, FloatVector.fromArray(S, y, i + shift),
                    FloatVector.fromArray(S, delta, i)).intoArray(delta, i);
        }
        // The scalar twin (the same float operations) finishes the last partial vector, as in forward.
        for (; i < end; i++) {
            delta[i] = ActivationScalarF32.derivative(activation, slope, y[i + shift], delta[i]);
        }
    }

    /** {@link #derivative} for softplus: whole vectors, then the scalar twin on the rest. */
    private static void softplusDerivative(float[] y, int yOff, float[] delta, int deltaOff, int len) {
        int end = deltaOff + len;
        int whole = deltaOff + len / L * L;
        runSoftplusDerivative(y, yOff - deltaOff, delta, deltaOff, whole);
        if (whole < end) {
            // The scratch holds y's tail at [0, L) and delta's at [L, 2L).
            float[] tail = TailF32.copy(y, whole + yOff - deltaOff, delta, whole, end - whole);
            runSoftplusDerivative(tail, -L, tail, L, 2 * L);
            System.arraycopy(tail, L, delta, whole, end - whole);
        }
    }

    private static void runSoftplusDerivative(float[] y, int shift, float[] delta, int from, int to) {
        try {
            SOFTPLUS_DERIVATIVE_LOOP[0].invokeExact(y, shift, delta, from, to);
        } catch (Throwable e) {
            throw CompileRoots.rethrow(e);
        }
    }

    /** Whole vectors of delta in [from, to), y at the same index plus {@code shift}. */
    private static void softplusDerivativeVectors(float[] y, int shift, float[] delta, int from, int to) {
        for (int i = from; i <= to - L; i += L) {
            FloatVector.fromArray(S, delta, i).mul(VectorMathF32.softplusDerivative(FloatVector.fromArray(S, y, i + shift)))
                    .intoArray(delta, i);
        }
    }

    /**
     * Row-wise softmax in place over {@code rows} rows of {@code cols} contiguous values: each row
     * minus its maximum, exponentiated, divided by its sum (so huge entries cannot overflow), a
     * row at a time while it is in registers or L1; rows of one to three values in passes over
     * the block.
     */
    public static void softmax(float[] x, int off, int rows, int cols) {
        if (cols < ElementwiseTuning.SOFTMAX_MIN_VECTOR_COLS) {
            softmaxTinyRows(x, off, rows, cols);
            return;
        }
        if (cols > Integer.MAX_VALUE - L) {
            // A row whose whole vectors would not fit in an array (so neither in a padded copy):
            // only one fits in any array, and the scalar twin computes it, wherever it lies.
            ActivationScalarF32.softmax(x, off, rows, cols);
            return;
        }
        int loop = cols <= L ? 0 : cols <= 2 * L ? 1 : 2;
        // The vectors read from a row's start: as many as the row touches.
        int width = (cols + L - 1) / L * L;
        // Rows [0, inPlace) have all their vectors inside the array.
        int inPlace = (int) Math.max(0, Math.min(rows, Math.floorDiv((long) x.length - width - off, cols) + 1));
        runRows(SOFTMAX_LOOPS[loop], x, off, inPlace, cols);
        for (int r = inPlace; r < rows; r++) {
            // The others (the array's last rows) on a zero-padded copy, so that a row has the
            // same bits wherever it lies.
            int start = off + r * cols;
            float[] copy = TailF32.row(x, start, cols, width);
            runRows(SOFTMAX_LOOPS[loop], copy, 0, 1, cols);
            System.arraycopy(copy, 0, x, start, cols);
        }
    }

    /**
     * Softmax over rows of one to three values: the maxima subtracted row by row, one
     * exponential pass over the block, the sums (in ascending order) divided row by row.
     */
    private static void softmaxTinyRows(float[] x, int off, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int start = off + r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < start + cols; i++) {
                max = Math.max(max, x[i]);
            }
            for (int i = start; i < start + cols; i++) {
                x[i] -= max;
            }
        }
        VectorMathF32.expInPlace(x, off, off + rows * cols);
        for (int r = 0; r < rows; r++) {
            int start = off + r * cols;
            float sum = 0;
            for (int i = start; i < start + cols; i++) {
                sum += x[i];
            }
            for (int i = start; i < start + cols; i++) {
                x[i] /= sum;
            }
        }
    }

    /**
     * Softmax over rows of at most one vector. A row's masked store covers the start of the next
     * row, and a load that overlaps a store still in flight waits until it is written (row after
     * row took four times as long), so rows are taken {@code stride} apart
     * ({@code stride * cols >= L}): each chunk of rows in {@code stride} sweeps, one from each of
     * its first rows. The maximum and the sum are trees of lane rotations, so the sum adds in one
     * fixed order on every JIT tier (reduceLanes(ADD) leaves it open); the maximum by compare and
     * blend, where {@code max} would add Java's NaN and signed-zero handling to every step (a
     * third of the time): a NaN that the blends drop still makes its lane, the sum and so the
     * whole row NaN, and -0 or +0 as the maximum give the same differences.
     */
    private static void softmaxOneVectorRows(float[] x, int off, int rows, int cols) {
        VectorMask<Float> row = S.indexInRange(0, cols);
        VectorMask<Float> outside = row.not();
        FloatVector zero = FloatVector.zero(S);
        int stride = (L + cols - 1) / cols;
        for (int chunk = 0; chunk < rows; chunk += ElementwiseTuning.SOFTMAX_CHUNK_ROWS) {
            int end = Math.min(rows, chunk + ElementwiseTuning.SOFTMAX_CHUNK_ROWS);
            for (int first = chunk; first < Math.min(end, chunk + stride); first++) {
                for (int r = first; r < end; r += stride) {
                    int s = off + r * cols;
                    FloatVector v = FloatVector.fromArray(S, x, s);
                    FloatVector max = v.blend(Float.NEGATIVE_INFINITY, outside);
                    for (int k = 0; k < ROTATIONS.length; k++) {
                        FloatVector rotated = max.rearrange(ROTATIONS[k]);
                        max = max.blend(rotated, max.compare(VectorOperators.LT, rotated));
                    }
                    // The lanes past the row become e^0, then 0 in the sum.
                    FloatVector e = VectorMathF32.exp(v.blend(max, outside).sub(max));
                    FloatVector sum = e.blend(zero, outside);
                    for (int k = 0; k < ROTATIONS.length; k++) {
                        sum = sum.add(sum.rearrange(ROTATIONS[k]));
                    }
                    // Lane 0 only: each lane's tree adds in another order.
                    e.div(sum.lane(0)).intoArray(x, s, row);
                }
            }
        }
    }

    /** Softmax over rows of more than one and at most two vectors, as {@link #softmaxOneVectorRows}. */
    private static void softmaxTwoVectorRows(float[] x, int off, int rows, int cols) {
        VectorMask<Float> second = S.indexInRange(L, cols);
        VectorMask<Float> outside = second.not();
        FloatVector zero = FloatVector.zero(S);
        int stride = (2 * L + cols - 1) / cols;
        for (int chunk = 0; chunk < rows; chunk += ElementwiseTuning.SOFTMAX_CHUNK_ROWS) {
            int end = Math.min(rows, chunk + ElementwiseTuning.SOFTMAX_CHUNK_ROWS);
            for (int first = chunk; first < Math.min(end, chunk + stride); first++) {
                for (int r = first; r < end; r += stride) {
                    int s = off + r * cols;
                    FloatVector v0 = FloatVector.fromArray(S, x, s);
                    FloatVector v1 = FloatVector.fromArray(S, x, s + L);
                    FloatVector max = v1.blend(Float.NEGATIVE_INFINITY, outside);
                    max = max.blend(v0, max.compare(VectorOperators.LT, v0));
                    for (int k = 0; k < ROTATIONS.length; k++) {
                        FloatVector rotated = max.rearrange(ROTATIONS[k]);
                        max = max.blend(rotated, max.compare(VectorOperators.LT, rotated));
                    }
                    FloatVector e0 = VectorMathF32.exp(v0.sub(max));
                    FloatVector e1 = VectorMathF32.exp(v1.blend(max, outside).sub(max));
                    FloatVector sum = e0.add(e1.blend(zero, outside));
                    for (int k = 0; k < ROTATIONS.length; k++) {
                        sum = sum.add(sum.rearrange(ROTATIONS[k]));
                    }
                    FloatVector total = FloatVector.broadcast(S, sum.lane(0));
                    e0.div(total).intoArray(x, s);
                    e1.div(total).intoArray(x, s + L, second);
                }
            }
        }
    }

    /**
     * Softmax over rows of more than two vectors, each row in three sweeps while it is in L1: the
     * maximum, then the exponentials (stored) and their sum, then the quotients. The last vector
     * (lanes past the row left out by a mask) stays in a register from the second sweep to
     * the third: a load of it after its masked store would wait for the store. Rows are taken two
     * apart, as in {@link #softmaxOneVectorRows}, as that vector's store covers the next row's
     * start. The lane sums add in the order of the shorter rows' trees.
     */
    private static void softmaxLongRows(float[] x, int off, int rows, int cols) {
        // The columns before the last vector, which holds 1 to L of the row's values.
        int whole = (cols - 1) / L * L;
        VectorMask<Float> last = S.indexInRange(whole, cols);
        VectorMask<Float> outside = last.not();
        FloatVector zero = FloatVector.zero(S);
        for (int chunk = 0; chunk < rows; chunk += ElementwiseTuning.SOFTMAX_CHUNK_ROWS) {
            int end = Math.min(rows, chunk + ElementwiseTuning.SOFTMAX_CHUNK_ROWS);
            for (int first = chunk; first < Math.min(end, chunk + 2); first++) {
                for (int r = first; r < end; r += 2) {
                    int s = off + r * cols;
                    int tail = s + whole;
                    FloatVector v = FloatVector.fromArray(S, x, tail);
                    FloatVector max = v.blend(Float.NEGATIVE_INFINITY, outside);
                    for (int i = s; i < tail; i += L) {
                        FloatVector u = FloatVector.fromArray(S, x, i);
                        max = max.blend(u, max.compare(VectorOperators.LT, u));
                    }
                    for (int k = 0; k < ROTATIONS.length; k++) {
                        FloatVector rotated = max.rearrange(ROTATIONS[k]);
                        max = max.blend(rotated, max.compare(VectorOperators.LT, rotated));
                    }
                    FloatVector sum = zero;
                    for (int i = s; i < tail; i += L) {
                        FloatVector e = VectorMathF32.exp(FloatVector.fromArray(S, x, i).sub(max));
                        e.intoArray(x, i);
                        sum = sum.add(e);
                    }
                    FloatVector lastE = VectorMathF32.exp(v.blend(max, outside).sub(max));
                    sum = sum.add(lastE.blend(zero, outside));
                    for (int k = 0; k < ROTATIONS.length; k++) {
                        sum = sum.add(sum.rearrange(ROTATIONS[k]));
                    }
                    FloatVector total = FloatVector.broadcast(S, sum.lane(0));
                    for (int i = s; i < tail; i += L) {
                        FloatVector.fromArray(S, x, i).div(total).intoArray(x, i);
                    }
                    lastE.div(total).intoArray(x, tail, last);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static VectorShuffle<Float>[] rotations() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] rotations = new VectorShuffle[steps];
        for (int k = 0; k < steps; k++) {
            rotations[k] = VectorShuffle.iota(S, L >> (k + 1), 1, true);
        }
        return rotations;
    }

    private static void runRows(MethodHandle loop, float[] x, int off, int rows, int cols) {
        try {
            loop.invokeExact(x, off, rows, cols);
        } catch (Throwable e) {
            throw CompileRoots.rethrow(e);
        }
    }
}
