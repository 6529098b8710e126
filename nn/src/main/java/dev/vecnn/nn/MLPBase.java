package dev.vecnn.nn;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The fitted attributes and parameter handling {@link MLPClassifier} and {@link MLPRegressor}
 * share; see those classes for the mapping to scikit-learn's names. Getters throw
 * {@link IllegalStateException} before the first fit.
 *
 * <p>Estimators are {@link Serializable}, as scikit-learn's pickle: an {@code ObjectOutputStream}
 * writes the parameters, and once fitted the weights, every fitted attribute and the optimizer's
 * state, so a model read back predicts the same bits and a later {@code partialFit} or warm-started
 * {@code fit} continues exactly as the original would (a classifier's labels must be serializable
 * too). The stream holds plain data only ({@code SavedEstimator}); reading it validates it
 * again and refuses what does not fit together. Verbose output goes to {@code System.out} after
 * reading. As with any Java serialization, read only streams you trust, or set an
 * {@code ObjectInputFilter}: {@code dev.vecnn.**;java.util.*;java.lang.*;!*} reads every estimator
 * whose labels are numbers or strings (add the label class otherwise); the stream also names the
 * estimator classes, {@code java.util} collections and {@code java.lang.Object}. Do not write an
 * estimator while it is being fitted.
 *
 * <p>Threads: fitting and prediction run on the kernels' worker threads, as many as
 * {@link dev.vecnn.kernels.Gemm#setThreads(int)} or the environment variable {@code VECNN_THREADS}
 * say (default: every processor), with the same bits for any count; scikit-learn's MLP has no
 * {@code n_jobs} parameter, and neither has this one. Predictions may run from many threads at
 * once. While a fit that starts over runs, predictions see the previous model (the new one is
 * published when the fit ends); a warm-started {@code fit} or a {@code partialFit} trains the
 * published network in place, so predictions made meanwhile see weights part way through the
 * call. Warnings are kept in
 * {@link #convergenceWarnings()} and logged to the {@code System.Logger} named {@code dev.vecnn.nn}.
 *
 * @param <S> the estimator type, returned by fluent methods
 */
public abstract sealed class MLPBase<S extends MLPBase<S>> implements Serializable
        permits MLPClassifier, MLPRegressor {
    @Serial
    private static final long serialVersionUID = 1L;

    // Written and read through SavedEstimator, never as fields.
    final transient Core core;
    private transient volatile MLPParams params;

    MLPBase(String owner, MLPParams params) {
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        this.core = new Core(owner);
        this.params = params;
    }

    /**
     * The hyperparameters.
     *
     * @return the current parameters, without a regressor's {@code loss}
     */
    public MLPParams params() {
        return params;
    }

    void setParamsInternal(MLPParams p) {
        this.params = p;
        core.hiddenActivation(p.activation());
    }

    /**
     * Makes the next fit that draws its weights (the first {@code fit} or {@code partialFit}, and
     * every {@code fit} without warm start) start from these instead, as scikit-learn users assign
     * {@code coefs_} and {@code intercepts_} to compare two implementations from one
     * initialization. {@code coefs[i]} is layer i's {@code fan_in x fan_out} weight matrix
     * flattened row-major (the layout {@link #coefs()} returns), {@code intercepts[i]} its
     * {@code fan_out} biases. The arrays are copied. That fit checks their sizes against the
     * network it builds (the features of X, {@code hiddenLayerSizes}, the outputs) before it
     * trains, and refuses a mismatch with {@link IllegalArgumentException}, the estimator
     * unchanged. Pending weights are not saved by serialization.
     *
     * @param coefs      one flattened weight matrix per layer, every value finite
     * @param intercepts one bias vector per layer, every value finite
     * @return this estimator
     * @throws IllegalArgumentException if an array or row is null, the two differ in their number
     *                                  of layers, or a value is not finite
     */
    @SuppressWarnings("unchecked")
    public S startFrom(double[][] coefs, double[][] intercepts) {
        core.startFrom(coefs, intercepts);
        return (S) this;
    }

    /**
     * {@code loss_}: the last epoch's mean training loss (lbfgs: the final loss).
     *
     * @return the training loss of the last fit
     */
    public double loss() {
        return core.loss();
    }

    /**
     * {@code best_loss_}: the lowest epoch loss of sgd/adam.
     *
     * @return the lowest epoch loss, or NaN (None) with early stopping
     * @throws IllegalStateException if fitted by lbfgs
     */
    public double bestLoss() {
        return core.bestLoss();
    }

    /**
     * {@code loss_curve_}: one mean training loss per epoch (sgd/adam).
     *
     * @return a new array of the epoch losses, oldest first
     * @throws IllegalStateException if fitted by lbfgs
     */
    public double[] lossCurve() {
        return core.lossCurve();
    }

    /**
     * {@code validation_scores_}: one validation score per epoch (early stopping only).
     *
     * @return a new array of the epoch scores (accuracy or R^2), oldest first
     * @throws IllegalStateException if fitted without early stopping
     */
    public double[] validationScores() {
        return core.validationScores();
    }

    /**
     * {@code best_validation_score_} (early stopping only).
     *
     * @return the highest validation score
     * @throws IllegalStateException if fitted without early stopping
     */
    public double bestValidationScore() {
        return core.bestValidationScore();
    }

    /**
     * {@code t_}: training samples seen (sgd/adam; 0 for lbfgs).
     *
     * @return the training rows processed, summed over epochs
     */
    public long t() {
        return core.model().t;
    }

    /**
     * {@code n_iter_}: epochs run by the last call (lbfgs: its iterations), so 1 after a
     * {@code partial_fit}, as in scikit-learn 1.3 and later; {@link #t()} counts on.
     *
     * @return the epochs or lbfgs iterations of the last call
     */
    public int nIter() {
        return core.model().nIter;
    }

    /**
     * {@code coefs_}: copies of the weight matrices, {@code coefs[i]} fan_in x fan_out row-major.
     *
     * @return {@code nLayers() - 1} new flat arrays, input layer first
     */
    public double[][] coefs() {
        return core.model().engine.coefs();
    }

    /**
     * {@code intercepts_}: copies of the bias vectors.
     *
     * @return {@code nLayers() - 1} new arrays, {@code intercepts[i]} of length fan_out
     */
    public double[][] intercepts() {
        return core.model().engine.intercepts();
    }

    /**
     * {@code n_features_in_}.
     *
     * @return the number of input columns the model was fitted on
     */
    public int nFeaturesIn() {
        return core.model().features;
    }

    /**
     * {@code n_layers_}: input, hidden and output layers.
     *
     * @return the number of hidden layers plus 2
     */
    public int nLayers() {
        return core.model().engine.units().length;
    }

    /**
     * {@code n_outputs_}: output units.
     *
     * @return the width of the output layer (1 for a binary classifier)
     */
    public int nOutputs() {
        return core.model().outputs;
    }

    /**
     * {@code out_activation_}: 'softmax', 'logistic', 'identity' or 'exp'.
     *
     * @return scikit-learn's name of the output layer's function
     */
    public String outActivation() {
        return core.model().outTransfer.sklearnName();
    }

    /**
     * Whether the fitted network computes in float32: it was first fitted on float inputs by sgd
     * or adam. An lbfgs fit computes in float64 and leaves the network in float64, whatever the
     * input's precision, as scikit-learn's does (scipy minimizes over float64 copies of the
     * parameters and hands float64 arrays back as {@code coefs_}).
     *
     * @return true for float32, false for float64
     */
    public boolean float32() {
        return core.model().engine.float32();
    }

    /**
     * The convergence warnings of the last fit (also logged as WARNING), empty if it converged.
     *
     * @return an unmodifiable list of the warning messages
     */
    public List<String> convergenceWarnings() {
        return List.copyOf(core.model().warnings);
    }

    /**
     * Refuses a stream holding an estimator's fields instead of its saved form: a superclass's
     * data is read before its subclasses', so this guards both estimators.
     *
     * @param in the stream being read
     * @throws InvalidObjectException always; estimators are read through {@code SavedEstimator}
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an estimator is read through its saved form (SavedEstimator)");
    }
}
