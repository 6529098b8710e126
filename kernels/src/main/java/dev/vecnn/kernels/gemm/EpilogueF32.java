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
    /**
     * {@code C = alpha AB + beta Z}: the product's beta term read from Z instead of C (the weight
     * gradient {@code (X^T D + alpha W) / n} with Z = W, without copying W into C first).
     */
    static final int ADDEND = 3;

    int kind;
    float[] bias;
    // The bias row repeated over biasPeriod values (0: none), for the flat block pass; see prepare.
    private float[] biasPattern = new float[0];
    private int biasPeriod;
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
     * Whether the bias is added by {@link #applyToBlock} rather than by the tile store: for the
     * activations applied there. The tiles then have nothing left to do, so full tiles go from
     * the micro-kernel's registers straight into C (as in a plain product) instead of through
     * the tile buffer, which cost about 1.2 us of a 15 us float 200x100x50 product.
     */
    boolean biasInBlocks() {
        return kind == BIAS_ACTIVATION && bias != null && !ActivationF32.isPiecewiseLinear(activation);
    }

    /** Whether finished tiles need {@link TileStoreF32}: a bias or an activation applied in registers. */
    boolean needsTileStore() {
        return kind == BIAS_ACTIVATION && ActivationF32.isPiecewiseLinear(activation)
                && (bias != null || activation != Activation.IDENTITY);
    }

    /**
     * Before a product with {@code n} columns, by the calling thread: when the block pass adds
     * the bias and the repeat of the bias row over a whole number of vectors, lcm(n, L) values, is
     * at most {@code GemmTuning.BIAS_PATTERN_MAX}, it is built here so that blocks spanning whole
     * rows of C take one flat pass. The workers of the call only read it.
     */
    void prepare(int n) {
        biasPeriod = 0;
        if (!biasInBlocks()) {
            return;
        }
        int lanes = KernelF32.L;
        long period = (long) n / gcd(n, lanes) * lanes;
        if (period > GemmTuning.BIAS_PATTERN_MAX) {
            return;
        }
        if (biasPattern.length < period) {
            biasPattern = new float[GemmTuning.BIAS_PATTERN_MAX];
        }
        for (int at = 0; at < period; at += n) {
            System.arraycopy(bias, biasOff, biasPattern, at, n);
        }
        biasPeriod = (int) period;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
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
            if (biasInBlocks()) {
                if (cols == ldc && biasPeriod != 0) {
                    // Whole rows of C back to back, from column 0: one pass, bias from the pattern.
                    ActivationF32.forwardBiased(activation, c, at, rows * cols, biasPattern, biasPeriod);
                    return;
                }
                for (int i = 0; i < rows; i++) {
                    addBias(c, at + i * ldc, cols, biasOff + col0);
                    ActivationF32.forward(activation, slope, c, at + i * ldc, cols);
                }
                return;
            }
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

    /** {@code c[at + j] += bias[from + j]} for j in [0, cols): the rounding the tile store's add has. */
    private void addBias(float[] c, int at, int cols, int from) {
        for (int j = 0; j < cols; j++) {
            c[at + j] += bias[from + j];
        }
    }

    /** Whether the first k panel's beta term reads Z (see {@link #ADDEND}) rather than C. */
    boolean readsAddend() {
        return kind == ADDEND;
    }

    /** The scalar form over a whole m x n C: the fallback path and the k = 0 case. */
    void applyScalar(int m, int n, float[] c, int cOff, int ldc) {
        if (kind == NONE || kind == ADDEND) {
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
