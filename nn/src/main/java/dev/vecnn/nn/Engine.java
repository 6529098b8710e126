package dev.vecnn.nn;

/**
 * What the estimators' training loops need from a network in one precision, with a
 * precision-neutral boundary: data, weights and results cross it as double (float to double and
 * back is exact, so a float32 fit loses nothing there). Implemented by the generated
 * {@code EngineF32} / {@code EngineF64}.
 */
interface Engine {
    /** Whether the network computes in float32. */
    boolean float32();

    /** {@code [n_features, hidden..., n_outputs]}. */
    int[] units();

    /** Copies weights in (coefs[i] fan_in x fan_out row-major, intercepts[i] fan_out). */
    void setWeights(double[][] coefs, double[][] intercepts);

    /** Copies of the weight matrices. */
    double[][] coefs();

    /** Copies of the bias vectors. */
    double[][] intercepts();

    /** The whole flat parameter vector (sklearn's {@code _pack} order) as double. */
    double[] packed();

    /** Sets the whole flat parameter vector. */
    void unpack(double[] packed);

    /** Whether every parameter is finite. */
    boolean finite();

    /**
     * Converts and keeps the training data for the coming passes and reserves the workspace for
     * batches up to {@code maxBatch} rows: {@code x} rows x n_features, {@code y} rows x
     * n_outputs, {@code sampleWeight} null or per row.
     */
    void bind(double[] x, double[] y, double[] sampleWeight, int rows, int maxBatch);

    /** Drops the bound data. */
    void unbind();

    /**
     * Loss and gradient of the batch of bound rows {@code order[from..to)} (rows {@code from..to}
     * when {@code order} is null).
     */
    double batch(int[] order, int from, int to, double alpha);

    /** Has the JIT compile this engine's kernels now (once per JVM; see {@code dev.vecnn.kernels.Warmup}). */
    void warmUp();

    /** Zeroes (allocating once) the optimizer state: velocities, Adam moments. */
    void resetOptimizer();

    /**
     * The optimizer state as double (exact for float): velocities, Adam's first and second
     * moments, each one value per parameter; null before the first stochastic fit.
     */
    double[][] optimizerState();

    /** Puts back what {@link #optimizerState()} returned (null: none). */
    void restoreOptimizerState(double[][] state);

    /** scikit-learn's SGD update with momentum {@code mu} (0 for plain SGD) on the last gradient. */
    void sgdStep(double learningRate, double mu, boolean nesterov);

    /** scikit-learn's Adam update number {@code t} on the last gradient. */
    void adamStep(double learningRate, double beta1, double beta2, double epsilon, long t);

    /**
     * For L-BFGS: sets the parameters to {@code w}, evaluates loss and gradient on all bound rows
     * and writes the gradient into {@code grad}.
     */
    double fullLossAndGradient(double[] w, double[] grad, double alpha);

    /** Output activations for {@code rows x n_features} inputs; safe from many threads. */
    double[] predict(double[] x, int rows);

    /** The same for validated user inputs, used in their own precision where it is this engine's. */
    double[] predict(Inputs x);

    /** {@link #predict(Inputs)} as one array per row (n_outputs values each). */
    double[][] predictRows(Inputs x);
}
