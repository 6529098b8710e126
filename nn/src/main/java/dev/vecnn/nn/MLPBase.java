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
 * reading. As with any Java serialization, read only streams you trust (or use an
 * {@code ObjectInputFilter}). Do not write an estimator while it is being fitted.
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

    /** The hyperparameters. */
    public MLPParams params() {
        return params;
    }

    void setParamsInternal(MLPParams p) {
        this.params = p;
    }

    /**
     * Starts the next fresh fit from these weights instead of drawing them (as assigning
     * {@code coefs_} / {@code intercepts_} before a warm-started fit in scikit-learn); shapes are
     * checked by that fit.
     */
    void startFrom(double[][] coefs, double[][] intercepts) {
        core.startFrom(coefs, intercepts);
    }

    /** {@code loss_}: the last epoch's mean training loss (lbfgs: the final loss). */
    public double loss() {
        return core.loss();
    }

    /** {@code best_loss_}: the lowest epoch loss (sgd/adam without early stopping, else NaN for None). */
    public double bestLoss() {
        return core.bestLoss();
    }

    /** {@code loss_curve_}: one mean training loss per epoch (sgd/adam). */
    public double[] lossCurve() {
        return core.lossCurve();
    }

    /** {@code validation_scores_}: one validation score per epoch (early stopping only). */
    public double[] validationScores() {
        return core.validationScores();
    }

    /** {@code best_validation_score_} (early stopping only). */
    public double bestValidationScore() {
        return core.bestValidationScore();
    }

    /** {@code t_}: training samples seen (sgd/adam; 0 for lbfgs). */
    public long t() {
        return core.model().t;
    }

    /**
     * {@code n_iter_}: epochs run by the last call (lbfgs: its iterations), so 1 after a
     * {@code partial_fit}, as in scikit-learn 1.3 and later; {@link #t()} counts on.
     */
    public int nIter() {
        return core.model().nIter;
    }

    /** {@code coefs_}: copies of the weight matrices, {@code coefs[i]} fan_in x fan_out row-major. */
    public double[][] coefs() {
        return core.model().engine.coefs();
    }

    /** {@code intercepts_}: copies of the bias vectors. */
    public double[][] intercepts() {
        return core.model().engine.intercepts();
    }

    /** {@code n_features_in_}. */
    public int nFeaturesIn() {
        return core.model().features;
    }

    /** {@code n_layers_}: input, hidden and output layers. */
    public int nLayers() {
        return core.model().engine.units().length;
    }

    /** {@code n_outputs_}: output units. */
    public int nOutputs() {
        return core.model().outputs;
    }

    /** {@code out_activation_}: 'softmax', 'logistic', 'identity' or 'exp'. */
    public String outActivation() {
        return core.model().outTransfer.sklearnName();
    }

    /** Whether the fitted network computes in float32 (it was fitted on float inputs). */
    public boolean float32() {
        return core.model().engine.float32();
    }

    /** The convergence warnings of the last fit (also logged as WARNING), empty if it converged. */
    public List<String> convergenceWarnings() {
        return List.copyOf(core.model().warnings);
    }

    // A stream holding an estimator's fields instead of its saved form is refused here: a
    // superclass's data is read before its subclasses', so this guards both estimators.
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an estimator is read through its saved form (SavedEstimator)");
    }
}
