package dev.vecnn.nn.layer;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.FusedGemm;
import dev.vecnn.kernels.Reductions;

/**
 * A fully connected layer {@code Z = f(A W + b)} whose weights live in a flat parameter array
 * shared with the rest of the network (the layout L-BFGS and the optimizers see): {@code W} is
 * {@code fanIn x fanOut} row-major from {@code weightOffset} (scikit-learn's {@code coefs_[i]}),
 * {@code b} has {@code fanOut} entries from {@code biasOffset}; the gradients sit at the same
 * offsets of a gradient array of the same length.
 *
 * <p>Forward and backward are one method each and call only the vecnn kernels; bias and
 * activation (forward) and the activation derivative (backward) are fused into the GEMM (see {@code FusedGemm}). Matrices passed in are row-major from
 * index 0 with {@code rows} rows; the layer keeps one {@code fanOut} scratch vector and allocates
 * nothing per call. Not thread-safe for {@link #backward}; {@link #forward} only reads the
 * parameters and may run from many threads on distinct output arrays.
 */
public final class DenseF32 {
    private final int fanIn;
    private final int fanOut;
    private final Transfer transfer;
    private final float[] params;
    private final float[] grads;
    private final int weightOffset;
    private final int biasOffset;
    private final float[] columnSums;

    /**
     * A layer over the given parameter and gradient arrays.
     *
     * @param fanIn        input width, {@code >= 1}
     * @param fanOut       output width, {@code >= 1}
     * @param transfer     the function applied to {@code A W + b}
     * @param params       the network's flat parameters, shared, not copied
     * @param grads        the flat gradients, same length as {@code params}
     * @param weightOffset index of {@code W[0, 0]} in both arrays
     * @param biasOffset   index of {@code b[0]} in both arrays
     * @throws IllegalArgumentException if a size is below 1 or a range does not fit the arrays
     */
    public DenseF32(int fanIn, int fanOut, Transfer transfer, float[] params, float[] grads,
                    int weightOffset, int biasOffset) {
        LayerArguments.notNull("transfer", transfer);
        LayerArguments.notNull("params", params);
        LayerArguments.notNull("grads", grads);
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("fanIn and fanOut must be >= 1, got " + fanIn + ", " + fanOut);
        }
        if (params.length != grads.length) {
            throw new IllegalArgumentException("params and grads must have one length, got "
                    + params.length + " and " + grads.length);
        }
        if (weightOffset < 0 || (long) weightOffset + (long) fanIn * fanOut > params.length
                || biasOffset < 0 || (long) biasOffset + fanOut > params.length) {
            throw new IllegalArgumentException("weight or bias range outside the parameter array");
        }
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.transfer = transfer;
        this.params = params;
        this.grads = grads;
        this.weightOffset = weightOffset;
        this.biasOffset = biasOffset;
        this.columnSums = new float[fanOut];
    }

    /**
     * Input width (scikit-learn's fan_in).
     *
     * @return number of inputs per row
     */
    public int fanIn() {
        return fanIn;
    }

    /**
     * Output width (fan_out).
     *
     * @return number of outputs per row
     */
    public int fanOut() {
        return fanOut;
    }

    /**
     * The function applied to {@code A W + b}.
     *
     * @return this layer's transfer
     */
    public Transfer transfer() {
        return transfer;
    }

    /**
     * {@code output = f(input W + b)}: {@code input} is {@code rows x fanIn}, {@code output}
     * receives {@code rows x fanOut}. The bias and an element-wise activation are applied by the
     * GEMM while each tile is in registers ({@code (input W) + b}, the sum scikit-learn forms);
     * softmax and exp, which are not element-wise kernels, take one pass after it.
     *
     * @param input  {@code rows x fanIn} inputs, row-major from index 0
     * @param rows   number of rows
     * @param output receives the {@code rows x fanOut} results from index 0
     */
    public void forward(float[] input, int rows, float[] output) {
        LayerArguments.rows(rows);
        LayerArguments.matrix("input", input, rows, fanIn);
        LayerArguments.matrix("output", output, rows, fanOut);
        forwardRows(input, output, 0, rows);
    }

    /**
     * {@link #forward(float[], int, float[])} on rows {@code [from, to)} of {@code input} and
     * {@code output}; each output row is the same whatever range it is computed in.
     */
    void forwardRows(float[] input, float[] output, int from, int to) {
        Activation fused = transfer.fusable();
        int rows = to - from;
        FusedGemm.sgemmBiasActivation(false, false, rows, fanOut, fanIn, input, from * fanIn, fanIn, params,
                weightOffset, fanOut, params, biasOffset, fused == null ? Activation.IDENTITY : fused, 0f,
                output, from * fanOut, fanOut);
        if (fused == null) {
            transfer.apply(output, from * fanOut, rows, fanOut);
        }
    }

    /**
     * {@link #forward(float[], int, float[])} with the input given as one array per row
     * ({@code input[i]} holds row i's {@code fanIn} values from index 0), read in place.
     *
     * @param input  one array per row, at least {@code rows} of them
     * @param rows   number of rows
     * @param output receives the {@code rows x fanOut} results from index 0
     */
    public void forward(float[][] input, int rows, float[] output) {
        checkRowArrays(input, rows, output);
        Activation fused = transfer.fusable();
        FusedGemm.sgemmBiasActivation(false, rows, fanOut, fanIn, input, 0, params, weightOffset, fanOut, params,
                biasOffset, fused == null ? Activation.IDENTITY : fused, 0f, output, 0, fanOut);
        if (fused == null) {
            transfer.apply(output, rows, fanOut);
        }
    }

    /**
     * The first half of {@link #forward(float[][], int, float[])}: {@code output = input W + b},
     * without the layer's function; {@link #finishForward} applies it. The two together give the
     * bits of the fused call (the fused store adds the bias, then applies the function).
     *
     * @param input  one array per row, each with {@code fanIn} values from index 0
     * @param rows   number of rows
     * @param output receives the {@code rows x fanOut} pre-activations from index 0
     */
    public void forwardPreActivation(float[][] input, int rows, float[] output) {
        checkRowArrays(input, rows, output);
        FusedGemm.sgemmBiasActivation(false, rows, fanOut, fanIn, input, 0, params, weightOffset, fanOut, params,
                biasOffset, Activation.IDENTITY, 0f, output, 0, fanOut);
    }

    /**
     * The layer's function over {@code rows x fanOut} pre-activations in place (see {@link #forwardPreActivation}).
     *
     * @param output the pre-activations from index 0, overwritten with the outputs
     * @param rows   number of rows
     */
    public void finishForward(float[] output, int rows) {
        LayerArguments.rows(rows);
        LayerArguments.matrix("output", output, rows, fanOut);
        transfer.apply(output, rows, fanOut);
    }

    /**
     * The backward step of this layer, given {@code delta = dLoss/dZ} times the total sample
     * weight ({@code rows x fanOut}, as the loss kernel writes it):
     * <ul>
     * <li>weight gradient {@code (input^T delta + alpha W) / scale},
     * <li>bias gradient {@code columnSums(delta) / scale},
     * <li>if {@code inputDelta} is not null, {@code inputDelta = (delta W^T) * g'(input)} where
     *     {@code g = inputTransfer} produced {@code input} ({@code rows x fanIn}).
     * </ul>
     * {@code scale} is the batch's total sample weight (its row count when unweighted).
     *
     * @param input         the layer's {@code rows x fanIn} inputs from the forward pass
     * @param delta         {@code rows x fanOut} output deltas, as described above
     * @param rows          number of rows
     * @param alpha         L2 penalty strength, finite and {@code >= 0}
     * @param scale         the batch's total sample weight, {@code > 0}
     * @param inputDelta    null, or receives the {@code rows x fanIn} input deltas
     * @param inputTransfer the function that produced {@code input}; used with {@code inputDelta}
     */
    public void backward(float[] input, float[] delta, int rows, float alpha, float scale,
                         float[] inputDelta, Transfer inputTransfer) {
        LayerArguments.rows(rows);
        LayerArguments.matrix("input", input, rows, fanIn);
        LayerArguments.matrix("delta", delta, rows, fanOut);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        LayerArguments.alpha(alpha);
        if (inputDelta != null) {
            LayerArguments.matrix("inputDelta", inputDelta, rows, fanIn);
            LayerArguments.notNull("inputTransfer", inputTransfer);
            if (!inputTransfer.hasDerivative()) {
                throw new IllegalArgumentException("inputTransfer has no derivative: " + inputTransfer);
            }
        }
        weightGradientRows(input, delta, rows, alpha, scale, 0, fanIn);
        biasGradient(delta, rows, scale);
        if (inputDelta != null) {
            inputDeltaRows(delta, input, inputDelta, inputTransfer, 0, rows);
        }
    }

    /**
     * Rows {@code [from, to)} of the weight gradient {@code (input^T delta + alpha W) / scale}
     * (rows of W, that is inputs of the layer), over all {@code rows} samples.
     */
    void weightGradientRows(float[] input, float[] delta, int rows, float alpha, float scale, int from, int to) {
        int at = weightOffset + from * fanOut;
        // One product whose beta term reads W where it is (no copy of W into the gradient first).
        FusedGemm.sgemmPlusScaled(true, false, to - from, fanOut, rows, 1f / scale, input, from, fanIn, delta, 0,
                fanOut, alpha / scale, params, at, fanOut, grads, at, fanOut);
    }

    /** The bias gradient {@code columnSums(delta) / scale} over {@code rows} samples. */
    void biasGradient(float[] delta, int rows, float scale) {
        Reductions.columnSums(delta, rows, fanOut, columnSums);
        for (int j = 0; j < fanOut; j++) {
            grads[biasOffset + j] = columnSums[j] / scale;
        }
    }

    private void checkRowArrays(float[][] input, int rows, float[] output) {
        LayerArguments.rows(rows);
        LayerArguments.rowArrays("input", input, rows, fanIn);
        LayerArguments.matrix("output", output, rows, fanOut);
    }

    /**
     * Rows {@code [from, to)} of {@code inputDelta = (delta W^T) * g'(input)}, the derivative
     * applied while each tile is in registers; each row is the same whatever range it is computed in.
     */
    void inputDeltaRows(float[] delta, float[] input, float[] inputDelta, Transfer inputTransfer, int from, int to) {
        FusedGemm.sgemmActivationDerivative(false, true, to - from, fanIn, fanOut, delta, from * fanOut, fanOut,
                params, weightOffset, fanOut, inputTransfer.fusable(), 0f, input, from * fanIn, fanIn,
                inputDelta, from * fanIn, fanIn);
    }
}
