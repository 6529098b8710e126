package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.Transfer;

import java.io.PrintStream;
import java.io.Serial;
import java.util.Map;

/**
 * Multi-layer perceptron regressor with scikit-learn's {@code MLPRegressor} contract and numbers:
 * single or multi-output targets, squared error (identity output) or Poisson loss (exp output),
 * solvers sgd, adam and lbfgs, float64 or float32 computation chosen by the type of {@code X}.
 * Fitted attributes map to scikit-learn's names as listed in {@link MLPClassifier} (without
 * {@code classes_}). {@code score} is R^2 averaged over outputs, NaN on fewer than two rows as
 * in scikit-learn; a fit whose validation predictions become non-finite throws
 * {@link IllegalStateException} (scikit-learn's {@code r2_score} raises ValueError there).
 * Invalid input throws {@link IllegalArgumentException} naming the problem and leaves a fitted
 * model unchanged; a failed training run leaves it as {@link MLPClassifier} says. Predictions may
 * run from many threads.
 */
public final class MLPRegressor extends MLPBase<MLPRegressor> {
    @Serial
    private static final long serialVersionUID = 1L;

    private transient volatile RegressorLoss loss;

    /** A regressor with scikit-learn's default parameters. */
    public MLPRegressor() {
        this(MLPRegressorParams.defaults());
    }

    /**
     * A regressor with the given parameters.
     *
     * @param params the hyperparameters, not null
     */
    public MLPRegressor(MLPRegressorParams params) {
        super("MLPRegressor", common(params));
        this.loss = params.loss();
    }

    /**
     * A regressor with the given parameters and scikit-learn's default loss, squared error; the
     * parameters shared with {@link MLPClassifier}, so one {@link MLPParams#builder()} serves both.
     *
     * @param params the hyperparameters, not null
     */
    public MLPRegressor(MLPParams params) {
        this(MLPRegressorParams.defaults().withCommon(params));
    }

    private static MLPParams common(MLPRegressorParams params) {
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        return params.common();
    }

    /**
     * The parameters, including {@code loss}.
     *
     * @return a new record of the current parameters
     */
    public MLPRegressorParams regressorParams() {
        return new MLPRegressorParams(params(), loss);
    }

    /**
     * The parameters by scikit-learn name ({@code get_params}).
     *
     * @return every parameter keyed by sklearn name, unmodifiable
     */
    public Map<String, Object> getParams() {
        return regressorParams().getParams();
    }

    /**
     * Replaces parameters by scikit-learn name ({@code set_params}), all validated first.
     *
     * @param values new values keyed by sklearn name, including {@code loss}
     * @return this regressor
     * @throws IllegalArgumentException for an unknown name or a value outside its constraint
     */
    public MLPRegressor setParams(Map<String, ?> values) {
        MLPRegressorParams p = regressorParams().withParams(values);
        setParamsInternal(p.common());
        loss = p.loss();
        return this;
    }

    /**
     * Fits one target per row.
     *
     * @param x training samples, one row of features each, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor fit(double[][] x, double[] y) {
        return fit(Inputs.of(x, "X"), column(y), null, false);
    }

    /**
     * Fits one target per row with sample weights.
     *
     * @param x training samples, one row of features each, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), column(y), sampleWeight, false);
    }

    /**
     * Fits several targets per row (multi-output).
     *
     * @param x training samples, one row of features each, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor fit(double[][] x, double[][] y) {
        return fit(Inputs.of(x, "X"), y, null, false);
    }

    /**
     * Fits several targets per row with sample weights.
     *
     * @param x training samples, one row of features each, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor fit(double[][] x, double[][] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, false);
    }

    /**
     * Fits one target per row on float32 inputs (the network computes in float).
     *
     * @param x training samples as float rows, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor fit(float[][] x, double[] y) {
        return fit(Inputs.of(x, "X"), column(y), null, false);
    }

    /**
     * Fits several targets per row on float32 inputs.
     *
     * @param x training samples as float rows, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor fit(float[][] x, double[][] y) {
        return fit(Inputs.of(x, "X"), y, null, false);
    }

    /**
     * One epoch over the data ({@code partial_fit}).
     *
     * @param x training samples, one row of features each, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor partialFit(double[][] x, double[] y) {
        return fit(Inputs.of(x, "X"), column(y), null, true);
    }

    /**
     * One epoch over the data with sample weights ({@code partial_fit}).
     *
     * @param x training samples, one row of features each, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor partialFit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), column(y), sampleWeight, true);
    }

    /**
     * One epoch over float32 inputs ({@code partial_fit}).
     *
     * @param x training samples as float rows, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor partialFit(float[][] x, double[] y) {
        return fit(Inputs.of(x, "X"), column(y), null, true);
    }

    /**
     * One epoch over multi-output data ({@code partial_fit}).
     *
     * @param x training samples, one row of features each, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor partialFit(double[][] x, double[][] y) {
        return fit(Inputs.of(x, "X"), y, null, true);
    }

    /**
     * One epoch over float32 inputs with sample weights ({@code partial_fit}).
     *
     * @param x training samples as float rows, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor partialFit(float[][] x, double[] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), column(y), sampleWeight, true);
    }

    /**
     * One epoch over float32 multi-output data ({@code partial_fit}).
     *
     * @param x training samples as float rows, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @return this regressor
     */
    public MLPRegressor partialFit(float[][] x, double[][] y) {
        return fit(Inputs.of(x, "X"), y, null, true);
    }

    /**
     * One epoch over multi-output data with sample weights ({@code partial_fit}).
     *
     * @param x training samples, one row of features each, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor partialFit(double[][] x, double[][] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, true);
    }

    /**
     * One epoch over float32 multi-output data with sample weights ({@code partial_fit}).
     *
     * @param x training samples as float rows, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor partialFit(float[][] x, double[][] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, true);
    }

    /**
     * Fits a single-output model on float32 inputs with sample weights.
     *
     * @param x training samples as float rows, all finite
     * @param y one finite target per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor fit(float[][] x, double[] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), column(y), sampleWeight, false);
    }

    /**
     * Fits a multi-output model on float32 inputs with sample weights.
     *
     * @param x training samples as float rows, all finite
     * @param y one equal-length row of finite targets per row of {@code x} ({@code >= 0} for Poisson)
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this regressor
     */
    public MLPRegressor fit(float[][] x, double[][] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, false);
    }

    private static double[][] column(double[] y) {
        if (y == null) {
            throw new IllegalArgumentException("y must not be null");
        }
        double[][] out = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            out[i] = new double[] {y[i]};
        }
        return out;
    }

    private MLPRegressor fit(Inputs in, double[][] y, double[] sampleWeight, boolean incremental) {
        MLPParams p = params();
        RegressorLoss l = loss;
        in.sameRows(y, "y");
        double[] w = in.weights(sampleWeight);
        if (y[0] == null) {
            throw new IllegalArgumentException("y is not rectangular at row 0");
        }
        int k = y[0].length;
        if (k < 1) {
            throw new IllegalArgumentException("y needs at least one target column");
        }
        double[] flat = new double[y.length * k];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null || y[i].length != k) {
                throw new IllegalArgumentException("y is not rectangular at row " + i);
            }
            for (int j = 0; j < k; j++) {
                double v = y[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Input y contains " + (Double.isNaN(v) ? "NaN" : "infinity")
                            + " at row " + i);
                }
                if (l == RegressorLoss.POISSON && v < 0) {
                    throw new IllegalArgumentException("Some value(s) of y are negative which is not allowed for"
                            + " Poisson regression.");
                }
                // as given: a float32 network rounds the targets when it binds them, and the
                // validation score (scikit-learn's r2_score on y_val) reads them unrounded
                flat[i * k + j] = v;
            }
        }
        FitData.Scorer scorer = (output, rows) -> {
            for (double v : output) {
                if (!Double.isFinite(v)) {
                    // scikit-learn's r2_score refuses such predictions ("Input contains NaN"), so a
                    // diverging fit fails there even when the best weights so far were finite
                    throw new IllegalStateException("Solver produced non-finite validation predictions. The input"
                            + " data may contain large values and need to be preprocessed.");
                }
            }
            double[] target = new double[rows.length * k];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(flat, rows[i] * k, target, i * k, k);
            }
            return Scores.r2(target, output, rows.length, k, Scores.at(w, rows));
        };
        Transfer out = l == RegressorLoss.POISSON ? Transfer.EXP : Transfer.IDENTITY;
        core.fit(p, new FitData(in.x(), in.rows(), in.cols(), in.float32(), flat, k, w, null, scorer), incremental,
                out, l == RegressorLoss.POISSON ? Loss.POISSON : Loss.SQUARED);
        return this;
    }

    /**
     * Predictions of a single-output model ({@code predict}).
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return a new array, one prediction per row
     * @throws IllegalStateException if the model has several outputs
     */
    public double[] predict(double[][] x) {
        return single(core.outputs(Inputs.forPrediction(x, "X")));
    }

    /**
     * Predictions of a single-output model for float32 inputs.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return a new array, one prediction per row
     * @throws IllegalStateException if the model has several outputs
     */
    public double[] predict(float[][] x) {
        return single(core.outputs(Inputs.forPrediction(x, "X")));
    }

    private double[] single(double[] out) {
        if (core.model().outputs != 1) {
            throw new IllegalStateException("the model has " + core.model().outputs
                    + " outputs: use predictOutputs");
        }
        return out;
    }

    /**
     * Predictions as rows x n_outputs (any model).
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new rows of {@code nOutputs()} predictions, one per sample
     */
    public double[][] predictOutputs(double[][] x) {
        return predictOutputs(Inputs.forPrediction(x, "X"));
    }

    /**
     * {@link #predictOutputs(double[][])} for float32 inputs.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new rows of {@code nOutputs()} predictions, one per sample
     */
    public double[][] predictOutputs(float[][] x) {
        return predictOutputs(Inputs.forPrediction(x, "X"));
    }

    private double[][] predictOutputs(Inputs in) {
        double[] out = core.outputs(in);
        int k = core.model().outputs;
        double[][] result = new double[in.rows()][];
        for (int i = 0; i < in.rows(); i++) {
            result[i] = java.util.Arrays.copyOfRange(out, i * k, (i + 1) * k);
        }
        return result;
    }

    /**
     * R^2 of a single-output model ({@code score}).
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true target of each row, finite
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(double[][] x, double[] y) {
        return score(x, column(y), null);
    }

    /**
     * Weighted R^2 of a single-output model.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true target of each row, finite
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(double[][] x, double[] y, double[] sampleWeight) {
        return score(x, column(y), sampleWeight);
    }

    /**
     * R^2 averaged uniformly over outputs ({@code score}).
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true targets, one row of {@code nOutputs()} finite values per sample
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(double[][] x, double[][] y) {
        return score(Inputs.of(x, "X"), y, null);
    }

    /**
     * R^2 averaged uniformly over outputs, optionally weighted ({@code score}).
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true targets, one row of {@code nOutputs()} finite values per sample
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(double[][] x, double[][] y, double[] sampleWeight) {
        return score(Inputs.of(x, "X"), y, sampleWeight);
    }

    /**
     * R^2 of a single-output model for float32 inputs.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true target of each row, finite
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(float[][] x, double[] y) {
        return score(Inputs.of(x, "X"), column(y), null);
    }

    /**
     * Weighted R^2 of a single-output model for float32 inputs.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true target of each row, finite
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(float[][] x, double[] y, double[] sampleWeight) {
        return score(Inputs.of(x, "X"), column(y), sampleWeight);
    }

    /**
     * R^2 averaged over outputs for float32 inputs.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true targets, one row of {@code nOutputs()} finite values per sample
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(float[][] x, double[][] y) {
        return score(Inputs.of(x, "X"), y, null);
    }

    /**
     * R^2 averaged over outputs, optionally weighted, for float32 inputs.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true targets, one row of {@code nOutputs()} finite values per sample
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return the coefficient of determination, at most 1; NaN for fewer than two rows
     */
    public double score(float[][] x, double[][] y, double[] sampleWeight) {
        return score(Inputs.of(x, "X"), y, sampleWeight);
    }

    private double score(Inputs in, double[][] y, double[] sampleWeight) {
        in.sameRows(y, "y");
        double[] w = in.weights(sampleWeight);
        double[] out = core.outputs(in);
        int k = core.model().outputs;
        double[] flat = new double[y.length * k];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null || y[i].length != k) {
                throw new IllegalArgumentException("y has " + (y[i] == null ? "no row" : y[i].length + " outputs")
                        + " at row " + i + ", the model " + k);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(y[i][j])) {
                    // scikit-learn's r2_score: "Input contains NaN" (or infinity)
                    throw new IllegalArgumentException("Input y contains " + (Double.isNaN(y[i][j]) ? "NaN" : "infinity")
                            + " at row " + i);
                }
            }
            System.arraycopy(y[i], 0, flat, i * k, k);
        }
        return Scores.r2(flat, out, y.length, k, w);
    }

    /**
     * Sends verbose lines to {@code stream} instead of System.out.
     *
     * @param stream where verbose lines go, not null
     * @return this regressor
     */
    public MLPRegressor verboseOutput(PrintStream stream) {
        core.verboseOutput(stream);
        return this;
    }

    /** Puts back what {@link #writeReplace()} saved (see {@code SavedEstimator}). */
    void restore(Model model) {
        core.restore(model);
        core.hiddenActivation(params().activation()); // as MLPClassifier.restore
    }

    /**
     * Writes the parameters and, once fitted, the model as plain data.
     *
     * @return the {@code SavedEstimator} written in place of this regressor
     */
    @Serial
    private Object writeReplace() {
        return new SavedEstimator(SavedEstimator.REGRESSOR, new java.util.TreeMap<>(getParams()), core.saved(),
                null, 0);
    }
}
