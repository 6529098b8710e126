package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.elementwise.ActivationF32;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Writes a finished register tile into row-major C: {@code C = alpha * acc + beta * C} on the
 * valid {@code mr x nr} corner (beta 0 does not read C), plus the bias and a piecewise-linear
 * activation in registers when the epilogue has them. A partial last vector uses masked loads and
 * stores, so C (and the bias) are never touched outside the matrix.
 *
 * <p>The loops run over column vectors outside and rows inside: the row loop runs mr (12) times
 * where the column loop runs once or twice, and C2 pays its loop entry per run. Interleaved A/B
 * against rows outside (one JVM, 11 rounds, float / double): 200x10x50 +26% / +20%, 200x100x50
 * NT +21% / +14%, 200x50x100 +12% / +9%, the large products +1-5%.
 *
 * <p>Only identity, relu and leaky_relu are applied here, written out in the loops (the operations
 * of {@code ActivationF32.piecewiseLinear}) rather than called: in a JVM where most products have
 * no activation, C2 finds that call cold, does not inline it, and boxed both vectors of every
 * call (19 KB per training step of a tanh network, whose output layer's identity and bias come
 * through here, in 2 of 8 full test runs). tanh, logistic and softplus forward, and every backward derivative, are applied
 * by the driver in one flat pass over each finished block of C ({@code EpilogueF32.appliesToBlocks}).
 * Measured on float 200x100->50 tanh (plain product = 100%, best of 3000 in one JVM): the
 * rational tanh inlined into this store 132-135%, three passes over each tile 124% (it also
 * computes the lanes past n of partial tiles), the block pass 113-115%. On the backward
 * 200x50 * (100x50)^T relu and tanh deltas: the derivative in this store 113%, the block pass 108%,
 * the plain product and a separate pass over all of C 106-107%.
 *
 * <p>The partial vector repeats the body with a mask instead of sharing it through a mask that is
 * null for full vectors: a null {@code VectorMask} merged into the intrinsic path made C2 (JDK
 * 25.0.3) emit code that stopped the JVM with "fatal error: DEBUG MESSAGE: (null)".
 */
final class TileStoreF32 {
    private static final VectorSpecies<Float> S = KernelF32.S;
    private static final int L = KernelF32.L;

    private TileStoreF32() {
    }

    /**
     * @param acc   the tile, row-major with row stride {@code width}
     * @param width the tile's row stride: NR, or 3L or 4L for a wide last sliver
     * @param old   where the beta term's values are read: C itself ({@code c, cOff, ldc}), or
     *              the first k panel's addend Z ({@link EpilogueF32#ADDEND}), from {@code oldOff}
     *              with rows {@code ldOld} apart
     * @param e     the epilogue, or null when this is not the last k panel
     * @param col0  the column of C where this tile starts (for the bias)
     * @param scratch at least {@code width} elements, for the tile's bias values
     */
    static void store(float[] acc, int mr, int nr, int width, float alpha, float beta, float[] c, int cOff,
                      int ldc, float[] old, int oldOff, int ldOld, EpilogueF32 e, int col0, float[] scratch) {
        int kind = e == null ? EpilogueF32.NONE : e.kind;
        if (kind == EpilogueF32.BIAS_ACTIVATION && !e.biasInBlocks()) {
            // Other activations are applied by the driver's pass over the finished block of C
            // (EpilogueF32.appliesToBlocks); the bias is added here either way.
            Activation inRegisters = ActivationF32.isPiecewiseLinear(e.activation) ? e.activation : null;
            combine(acc, mr, nr, width, alpha, beta, c, cOff, ldc, old, oldOff, ldOld,
                    biasTile(e, col0, nr, width, scratch), inRegisters, e.slope);
            return;
        }
        // No epilogue, or one the driver's pass over the finished block applies whole (the
        // derivative; the bias and activation of tanh, logistic and softplus).
        combine(acc, mr, nr, width, alpha, beta, c, cOff, ldc, old, oldOff, ldOld, null, null, 0);
    }

    /**
     * {@code C = act(alpha * acc + beta * C (+ bias))} with {@code act} null or piecewise linear
     * (applied in registers; identity and null do nothing). A partial vector whose full width would cross the end of C is
     * finished in acc and copied.
     */
    private static void combine(float[] acc, int mr, int nr, int width, float alpha, float beta, float[] c,
                                int cOff, int ldc, float[] old, int oldOff, int ldOld, float[] bias,
                                Activation act, float slope) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        int fullEnd = nr / L * L;
        VectorMask<Float> tail = S.indexInRange(fullEnd, nr);
        // Columns outside, rows inside: the row loop runs mr (12) times where the column loop
        // runs one or two, so the loop overhead C2 pays per entry is paid once per column vector.
        for (int j = 0; j < fullEnd; j += L) {
            for (int i = 0; i < mr; i++) {
                int row = cOff + i * ldc;
                int at = i * width + j;
                FloatVector v = FloatVector.fromArray(S, acc, at).mul(va);
                if (beta != 0) {
                    v = FloatVector.fromArray(S, old, oldOff + i * ldOld + j).fma(vb, v);
                }
                if (bias != null) {
                    v = v.add(FloatVector.fromArray(S, bias, j));
                }
                if (act == Activation.RELU) {
                    v = v.max(0);
                } else if (act == Activation.LEAKY_RELU) {
                    v = v.blend(v.mul(slope), v.compare(VectorOperators.LE, 0));
                }
                v.intoArray(c, row + j);
            }
        }
        if (fullEnd < nr) {
            int j = fullEnd;
            for (int i = 0; i < mr; i++) {
                int row = cOff + i * ldc;
                int at = i * width + j;
                boolean fits = row + j + L <= c.length;
                FloatVector v = FloatVector.fromArray(S, acc, at).mul(va);
                if (beta != 0) {
                    // The old values (inline: a call here is cold and must not pass vectors). A
                    // masked load whose full vector would cross the end of its array takes the
                    // JDK's per-lane checking path, hundreds of times slower than the intrinsic
                    // (the last row of a matrix that ends its array), so those few values go
                    // through acc, whose tile values were read above.
                    int from = oldOff + i * ldOld + j;
                    FloatVector previous;
                    if (from + L <= old.length) {
                        previous = FloatVector.fromArray(S, old, from, tail);
                    } else {
                        System.arraycopy(old, from, acc, at, nr - j);
                        previous = FloatVector.fromArray(S, acc, at);
                    }
                    v = previous.fma(vb, v);
                }
                if (bias != null) {
                    v = v.add(FloatVector.fromArray(S, bias, j));
                }
                if (act == Activation.RELU) {
                    v = v.max(0);
                } else if (act == Activation.LEAKY_RELU) {
                    v = v.blend(v.mul(slope), v.compare(VectorOperators.LE, 0));
                }
                if (fits) {
                    v.intoArray(c, row + j, tail);
                } else {
                    v.intoArray(acc, at);
                    System.arraycopy(acc, at, c, row + j, nr - j);
                }
            }
        }
    }

    /**
     * {@code C = alpha * C + beta * old} over a finished block of {@code rows x cols} of C whose
     * tiles were stored as a plain product: the tile store's rounding ({@code alpha * acc}, then
     * a fused multiply-add with {@code beta * old}), so the same bits; beta 0 does not read old.
     * A block whose rows lie back to back in both C and old (a layer's whole weight gradient) is
     * one run; otherwise each row is, its last partial vector element by element with
     * {@code Math.fma}.
     */
    static void scaleBlock(float[] c, int cAt, int ldc, float[] old, int oldAt, int ldOld, int rows, int cols,
                           float alpha, float beta) {
        if (ldc == cols && (beta == 0 || ldOld == cols)) {
            scaleRun(c, cAt, old, oldAt, rows * cols, alpha, beta);
            return;
        }
        for (int i = 0; i < rows; i++) {
            scaleRun(c, cAt + i * ldc, old, oldAt + i * ldOld, cols, alpha, beta);
        }
    }

    /** {@code c[at + j] = alpha * c[at + j] + beta * old[oldAt + j]} for j < len (see scaleBlock). */
    private static void scaleRun(float[] c, int at, float[] old, int oldAt, int len, float alpha, float beta) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        int whole = len / L * L;
        if (beta == 0) {
            for (int j = 0; j < whole; j += L) {
                FloatVector.fromArray(S, c, at + j).mul(va).intoArray(c, at + j);
            }
            for (int j = whole; j < len; j++) {
                c[at + j] = alpha * c[at + j];
            }
        } else {
            for (int j = 0; j < whole; j += L) {
                FloatVector v = FloatVector.fromArray(S, c, at + j).mul(va);
                FloatVector.fromArray(S, old, oldAt + j).fma(vb, v).intoArray(c, at + j);
            }
            for (int j = whole; j < len; j++) {
                c[at + j] = Math.fma(old[oldAt + j], beta, alpha * c[at + j]);
            }
        }
    }

    /**
     * The tile's {@code nr} bias values (null if the epilogue has no bias) copied into
     * {@code scratch}, zero-padded to the tile width: each row then adds it with full, unmasked loads from L1.
     * The bias often ends its array (the last layer's, in a flat parameter vector), where a masked
     * load would take the slow path on every row.
     */
    private static float[] biasTile(EpilogueF32 e, int col0, int nr, int width, float[] scratch) {
        if (e.bias == null) {
            return null;
        }
        System.arraycopy(e.bias, e.biasOff + col0, scratch, 0, nr);
        java.util.Arrays.fill(scratch, nr, width, 0f);
        return scratch;
    }
}
