package dev.vecnn.kernels.gemm;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.elementwise.ActivationF32;
import dev.vecnn.kernels.elementwise.ActivationScalarF32;

/**
 * What happens to each element of C once its dot product is complete, while the tile is still
 * in registers or its block of C in cache (see {@link TileStoreF32}): nothing,
 * {@code act(x + bias_j)} (a layer's forward pass) or {@code x * act'(z_ij)} with act' written in
 * terms of the stored output z (a layer's backward delta). Applied only after the last k panel,
 * since earlier panels hold partial sums.
 *
 * <p>One mutable instance per calling thread (held with its packing buffers) is filled at the
 * start of each call and only read by the workers of that call, so a fused product allocates
 * nothing.
 */
public final class EpilogueF32 {
    /** No epilogue: plain GEMM. */
    static final int NONE = 0;
    /** {@code C = act(C + bias)}; bias may be null. */
    static final int BIAS_ACTIVATION = 1;
    /** {@code C = C * act'(Z)} with act' computed from the stored outputs Z. */
    static final int ACTIVATION_DERIVATIVE = 2;

    int kind;
    float[] bias;
    int biasOff;
    Activation activation;
    float slope;
    float[] z;
    int zOff;
    int ldz;

    EpilogueF32 none() {
        return set(NONE, null, 0, Activation.IDENTITY, 0, null, 0, 0);
    }

    EpilogueF32 set(int kind, float[] bias, int biasOff, Activation activation, float slope,
                    float[] z, int zOff, int ldz) {
        this.kind = kind;
        this.bias = bias;
        this.biasOff = biasOff;
        this.activation = activation;
        this.slope = slope;
        this.z = z;
        this.zOff = zOff;
        this.ldz = ldz;
        return this;
    }

    /**
     * Whether this epilogue is applied by {@link #applyToBlock} over each finished block of C
     * rather than in the tile store's registers: true for the backward derivative and for the
     * forward activations built on a division or an exponential (tanh, logistic, softplus); the
     * piecewise-linear ones (identity, relu, leaky_relu) stay in registers. A flat loop over a block
     * that is still in L1 or L2 wastes no lanes on partial tiles and pays no per-row loop entry; see
     * {@link TileStoreF32} for what was measured.
     */
    boolean appliesToBlocks() {
        return kind == ACTIVATION_DERIVATIVE
                || kind == BIAS_ACTIVATION && !ActivationF32.isPiecewiseLinear(activation);
    }

    /**
     * The epilogue over a finished block of C: {@code rows x cols} from row {@code row0} and column
     * {@code col0} of C (at {@code at} in {@code c}, rows {@code ldc} apart), whose bias the tile
     * store has already added. One loop when the rows are contiguous (in C and in Z), else one
     * per row.
     */
    void applyToBlock(float[] c, int at, int ldc, int row0, int col0, int rows, int cols) {
        if (kind == BIAS_ACTIVATION) {
            if (cols == ldc) {
                ActivationF32.forward(activation, slope, c, at, rows * cols);
                return;
            }
            for (int i = 0; i < rows; i++) {
                ActivationF32.forward(activation, slope, c, at + i * ldc, cols);
            }
            return;
        }
        int zAt = zOff + row0 * ldz + col0;
        if (cols == ldc && cols == ldz) {
            ActivationF32.derivative(activation, slope, z, zAt, c, at, rows * cols);
            return;
        }
        for (int i = 0; i < rows; i++) {
            ActivationF32.derivative(activation, slope, z, zAt + i * ldz, c, at + i * ldc, cols);
        }
    }

    /** The scalar form over a whole m x n C: the fallback path and the k = 0 case. */
    void applyScalar(int m, int n, float[] c, int cOff, int ldc) {
        if (kind == NONE) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = applyScalar(c[row + j], i, j);
            }
        }
    }

    /** The scalar form at element (i, j) of C. */
    float applyScalar(float x, int i, int j) {
        if (kind == BIAS_ACTIVATION) {
            float v = bias == null ? x : x + bias[biasOff + j];
            return ActivationScalarF32.apply(activation, slope, v);
        }
        if (kind == ACTIVATION_DERIVATIVE) {
            return ActivationScalarF32.derivative(activation, slope, z[zOff + i * ldz + j], x);
        }
        return x;
    }
}
