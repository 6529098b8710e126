package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.Transfer;

import java.io.PrintStream;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Multi-layer perceptron classifier with scikit-learn's {@code MLPClassifier} contract and
 * numbers: multiclass (softmax output, labels of any comparable type), binary (one logistic
 * output) and multilabel (0/1 indicator rows, {@link #fitMultilabel},
 * {@link #partialFitMultilabel}); solvers sgd, adam and lbfgs; float64 or float32 computation
 * chosen by the type of {@code X}, as in scikit-learn.
 *
 * <p>Fitted attributes map to scikit-learn's names:
 * <table>
 * <caption>scikit-learn attribute and Java getter</caption>
 * <tr><td>classes_</td><td>{@link #classes()}</td></tr>
 * <tr><td>loss_</td><td>{@link #loss()}</td></tr>
 * <tr><td>best_loss_</td><td>{@link #bestLoss()}</td></tr>
 * <tr><td>loss_curve_</td><td>{@link #lossCurve()}</td></tr>
 * <tr><td>validation_scores_</td><td>{@link #validationScores()}</td></tr>
 * <tr><td>best_validation_score_</td><td>{@link #bestValidationScore()}</td></tr>
 * <tr><td>t_</td><td>{@link #t()}</td></tr>
 * <tr><td>coefs_</td><td>{@link #coefs()}</td></tr>
 * <tr><td>intercepts_</td><td>{@link #intercepts()}</td></tr>
 * <tr><td>n_features_in_</td><td>{@link #nFeaturesIn()}</td></tr>
 * <tr><td>n_iter_</td><td>{@link #nIter()}</td></tr>
 * <tr><td>n_layers_</td><td>{@link #nLayers()}</td></tr>
 * <tr><td>n_outputs_</td><td>{@link #nOutputs()}</td></tr>
 * <tr><td>out_activation_</td><td>{@link #outActivation()}</td></tr>
 * </table>
 * Attributes scikit-learn does not set for a solver (loss_curve_ for lbfgs,
 * validation_scores_ without early stopping) throw {@link IllegalStateException}, as Python
 * raises AttributeError. Invalid input throws {@link IllegalArgumentException} naming the problem
 * and leaves a fitted model unchanged; a fit whose weights become non-finite throws
 * {@link IllegalStateException} ("Solver produced non-finite parameter weights..."), as
 * scikit-learn raises ValueError, and leaves the estimator as it was before that call (a warm
 * start included); a {@code partialFit} keeps no copy to go back to (it would cost about as much
 * as the step): one that diverges leaves the non-finite weights, as scikit-learn does, and one
 * that meets a mini-batch whose sample weights are all zero throws there, after the batches
 * before it have trained.
 * Predictions may run from many threads.
 *
 * @param <L> the label type
 */
public final class MLPClassifier<L extends Comparable<? super L>> extends MLPBase<MLPClassifier<L>> {
    @Serial
    private static final long serialVersionUID = 1L;

    private transient volatile Labels<L> labels;
    private transient volatile int multilabelOutputs;

    /** A classifier with scikit-learn's default parameters. */
    public MLPClassifier() {
        this(MLPParams.defaults());
    }

    /**
     * A classifier with the given parameters.
     *
     * @param params the hyperparameters, not null
     */
    public MLPClassifier(MLPParams params) {
        super("MLPClassifier", params);
    }

    /**
     * The parameters by scikit-learn name ({@code get_params}).
     *
     * @return every parameter keyed by sklearn name, unmodifiable
     */
    public Map<String, Object> getParams() {
        return params().getParams();
    }

    /**
     * Replaces parameters by scikit-learn name ({@code set_params}), all validated first.
     *
     * @param values new values keyed by sklearn name
     * @return this classifier
     * @throws IllegalArgumentException for an unknown name or a value outside its constraint
     */
    public MLPClassifier<L> setParams(Map<String, ?> values) {
        setParamsInternal(params().withParams(values));
        return this;
    }

    /**
     * Fits on float64 inputs.
     *
     * @param x training samples, one row of features each, all finite
     * @param y one non-null label per row of {@code x}
     * @return this classifier
     */
    public MLPClassifier<L> fit(double[][] x, L[] y) {
        return fit(Inputs.of(x, "X"), y, null, false, null);
    }

    /**
     * Fits on float64 inputs with sample weights.
     *
     * @param x training samples, one row of features each, all finite
     * @param y one non-null label per row of {@code x}
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> fit(double[][] x, L[] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, false, null);
    }

    /**
     * Fits on float32 inputs (the network computes in float).
     *
     * @param x training samples as float rows, all finite
     * @param y one non-null label per row of {@code x}
     * @return this classifier
     */
    public MLPClassifier<L> fit(float[][] x, L[] y) {
        return fit(Inputs.of(x, "X"), y, null, false, null);
    }

    /**
     * Fits on float32 inputs with sample weights.
     *
     * @param x training samples as float rows, all finite
     * @param y one non-null label per row of {@code x}
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> fit(float[][] x, L[] y, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, false, null);
    }

    /**
     * One epoch over the data ({@code partial_fit}); {@code classes} (all labels that will ever
     * occur) is required on the first call and may be null later; given later, it must be the
     * fitted classes (as in scikit-learn).
     *
     * @param x training samples, one row of features each, all finite
     * @param y one non-null label per row of {@code x}, each among the classes
     * @param classes all labels that will ever occur, or null after the first call
     * @return this classifier
     */
    public MLPClassifier<L> partialFit(double[][] x, L[] y, L[] classes) {
        return fit(Inputs.of(x, "X"), y, null, true, classes);
    }

    /**
     * {@link #partialFit(double[][], Comparable[], Comparable[])} with sample weights.
     *
     * @param x training samples, one row of features each, all finite
     * @param y one non-null label per row of {@code x}, each among the classes
     * @param classes all labels that will ever occur, or null after the first call
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> partialFit(double[][] x, L[] y, L[] classes, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, true, classes);
    }

    /**
     * {@link #partialFit(double[][], Comparable[], Comparable[])} on float32 inputs.
     *
     * @param x training samples as float rows, all finite
     * @param y one non-null label per row of {@code x}, each among the classes
     * @param classes all labels that will ever occur, or null after the first call
     * @return this classifier
     */
    public MLPClassifier<L> partialFit(float[][] x, L[] y, L[] classes) {
        return fit(Inputs.of(x, "X"), y, null, true, classes);
    }

    /**
     * {@link #partialFit(float[][], Comparable[], Comparable[])} with sample weights.
     *
     * @param x training samples as float rows, all finite
     * @param y one non-null label per row of {@code x}, each among the classes
     * @param classes all labels that will ever occur, or null after the first call
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> partialFit(float[][] x, L[] y, L[] classes, double[] sampleWeight) {
        return fit(Inputs.of(x, "X"), y, sampleWeight, true, classes);
    }

    /**
     * Fits a multilabel model on a 0/1 indicator matrix (one column per label).
     *
     * @param x training samples, one row of features each, all finite
     * @param indicator one row of 0/1 values per sample, one column per label
     * @return this classifier
     */
    public MLPClassifier<L> fitMultilabel(double[][] x, int[][] indicator) {
        return fitIndicator(Inputs.of(x, "X"), indicator, null, false);
    }

    /**
     * Fits a multilabel model with sample weights.
     *
     * @param x training samples, one row of features each, all finite
     * @param indicator one row of 0/1 values per sample, one column per label
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> fitMultilabel(double[][] x, int[][] indicator, double[] sampleWeight) {
        return fitIndicator(Inputs.of(x, "X"), indicator, sampleWeight, false);
    }

    /**
     * Fits a multilabel model on float32 inputs.
     *
     * @param x training samples as float rows, all finite
     * @param indicator one row of 0/1 values per sample, one column per label
     * @return this classifier
     */
    public MLPClassifier<L> fitMultilabel(float[][] x, int[][] indicator) {
        return fitIndicator(Inputs.of(x, "X"), indicator, null, false);
    }

    /**
     * Fits a multilabel model on float32 inputs with sample weights.
     *
     * @param x training samples as float rows, all finite
     * @param indicator one row of 0/1 values per sample, one column per label
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> fitMultilabel(float[][] x, int[][] indicator, double[] sampleWeight) {
        return fitIndicator(Inputs.of(x, "X"), indicator, sampleWeight, false);
    }

    /**
     * One epoch over multilabel data ({@code partial_fit} with a 0/1 indicator matrix). The first
     * call fixes the number of labels (scikit-learn wants some {@code classes} there but takes
     * the labels from y's columns); later calls must have as many columns.
     *
     * @param x training samples, one row of features each, all finite
     * @param indicator one row of 0/1 values per sample, as many columns as the first call's
     * @return this classifier
     */
    public MLPClassifier<L> partialFitMultilabel(double[][] x, int[][] indicator) {
        return fitIndicator(Inputs.of(x, "X"), indicator, null, true);
    }

    /**
     * {@link #partialFitMultilabel(double[][], int[][])} with sample weights.
     *
     * @param x training samples, one row of features each, all finite
     * @param indicator one row of 0/1 values per sample, as many columns as the first call's
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> partialFitMultilabel(double[][] x, int[][] indicator, double[] sampleWeight) {
        return fitIndicator(Inputs.of(x, "X"), indicator, sampleWeight, true);
    }

    /**
     * {@link #partialFitMultilabel(double[][], int[][])} on float32 inputs.
     *
     * @param x training samples as float rows, all finite
     * @param indicator one row of 0/1 values per sample, as many columns as the first call's
     * @return this classifier
     */
    public MLPClassifier<L> partialFitMultilabel(float[][] x, int[][] indicator) {
        return fitIndicator(Inputs.of(x, "X"), indicator, null, true);
    }

    /**
     * {@link #partialFitMultilabel(float[][], int[][])} with sample weights.
     *
     * @param x training samples as float rows, all finite
     * @param indicator one row of 0/1 values per sample, as many columns as the first call's
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return this classifier
     */
    public MLPClassifier<L> partialFitMultilabel(float[][] x, int[][] indicator, double[] sampleWeight) {
        return fitIndicator(Inputs.of(x, "X"), indicator, sampleWeight, true);
    }

    private MLPClassifier<L> fit(Inputs in, L[] y, double[] sampleWeight, boolean incremental, L[] classes) {
        MLPParams p = params();
        Labels<L> observed = Labels.of(y, "y");
        in.sameRows(y.length, "y");
        double[] w = in.weights(sampleWeight);
        boolean first = core.firstPass(p, incremental);
        Labels<L> use;
        if (incremental && labels == null && multilabelOutputs == 0) {
            if (classes == null) {
                throw new IllegalArgumentException("classes must be passed on the first call to partial_fit.");
            }
            use = Labels.of(classes, "classes");
        } else if (!first || incremental) {
            use = labels;
            if (use == null || multilabelOutputs > 0) {
                throw new IllegalArgumentException("this model was fitted on multilabel targets");
            }
            if (incremental && classes != null && !Labels.of(classes, "classes").sameClasses(use)) {
                throw new IllegalArgumentException("`classes=" + Arrays.toString(classes) + "` is not the same as on"
                        + " last call to partial_fit, was: " + use.classes());
            }
        } else {
            use = observed;
        }
        // scikit-learn's _validate_input: with warm_start every later call, partial_fit included
        // (even its first, once classes_ is set from `classes`), needs y's classes to be exactly
        // the known ones; without it partial_fit needs them to be among the known ones
        if (use != observed && (p.warmStart() || !incremental) && !observed.sameClasses(use)) {
            throw new IllegalArgumentException("warm_start can only be used where `y` has the same classes as"
                    + " in the previous call to fit. Previously got " + use.classes() + ", `y` has "
                    + observed.classes());
        }
        if (incremental) {
            use.checkKnown(y);
        }
        Labels<L> enc = use;
        double[] weights = w;
        FitData.Scorer scorer = (output, rows) -> {
            int[] predicted = enc.decode(output, rows.length);
            boolean[] correct = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                correct[i] = predicted[i] == enc.index(y[rows[i]]);
            }
            return Scores.accuracy(correct, Scores.at(weights, rows));
        };
        FitData data = new FitData(in.x(), in.rows(), in.cols(), in.float32(), enc.encode(y), enc.outputs(), w,
                enc.stratify(y), scorer);
        Transfer out = enc.outputs() == 1 ? Transfer.LOGISTIC : Transfer.SOFTMAX;
        core.fit(p, data, incremental, out, out == Transfer.LOGISTIC ? Loss.BINARY_LOG_LOSS : Loss.LOG_LOSS);
        labels = enc;
        multilabelOutputs = 0;
        return this;
    }

    private MLPClassifier<L> fitIndicator(Inputs in, int[][] indicator, double[] sampleWeight, boolean incremental) {
        MLPParams p = params();
        in.sameRows(indicator, "y");
        double[] w = in.weights(sampleWeight);
        int k = indicator[0].length;
        if (k < 1) {
            throw new IllegalArgumentException("multilabel y needs at least one column");
        }
        double[] y = new double[indicator.length * k];
        for (int i = 0; i < indicator.length; i++) {
            if (indicator[i] == null || indicator[i].length != k) {
                throw new IllegalArgumentException("multilabel y is not rectangular at row " + i);
            }
            for (int j = 0; j < k; j++) {
                int v = indicator[i][j];
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("multilabel y must be a 0/1 indicator matrix, got " + v
                            + " at row " + i + ", column " + j);
                }
                y[i * k + j] = v;
            }
        }
        if (!core.firstPass(p, incremental) && multilabelOutputs != k) {
            if (multilabelOutputs == 0) {
                throw new IllegalArgumentException("this model was fitted on single-label targets");
            }
            throw new IllegalArgumentException((incremental ? "partial_fit" : "warm_start") + " can only be used"
                    + " where `y` has the same classes as in the previous call to fit: y has " + k
                    + " label columns, the model " + multilabelOutputs);
        }
        FitData.Scorer scorer = (output, rows) -> {
            boolean[] correct = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                boolean all = true;
                for (int j = 0; j < k; j++) {
                    all &= (output[i * k + j] > 0.5 ? 1 : 0) == indicator[rows[i]][j];
                }
                correct[i] = all;
            }
            return Scores.accuracy(correct, Scores.at(w, rows));
        };
        core.fit(p, new FitData(in.x(), in.rows(), in.cols(), in.float32(), y, k, w, null, scorer), incremental,
                Transfer.LOGISTIC, Loss.BINARY_LOG_LOSS);
        labels = null;
        multilabelOutputs = k;
        return this;
    }

    /**
     * The predicted labels ({@code predict}); for single-label models.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return a new list with one label per row
     * @throws IllegalStateException if the model was fitted on multilabel targets
     */
    public List<L> predict(double[][] x) {
        return predict(Inputs.forPrediction(x, "X"));
    }

    /**
     * The predicted labels for float32 inputs.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return a new list with one label per row
     * @throws IllegalStateException if the model was fitted on multilabel targets
     */
    public List<L> predict(float[][] x) {
        return predict(Inputs.forPrediction(x, "X"));
    }

    private List<L> predict(Inputs in) {
        Labels<L> enc = singleLabel();
        double[] out = core.outputs(in);
        int[] idx = enc.decode(out, in.rows());
        List<L> result = new ArrayList<>(idx.length);
        for (int i : idx) {
            result.add(enc.classes().get(i));
        }
        return result;
    }

    /**
     * The predicted 0/1 indicator rows of a multilabel model.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new 0/1 rows, one column per label (probability above 0.5)
     * @throws IllegalStateException if the model was not fitted with {@code fitMultilabel}
     */
    public int[][] predictMultilabel(double[][] x) {
        return predictMultilabel(Inputs.forPrediction(x, "X"));
    }

    /**
     * {@link #predictMultilabel(double[][])} for float32 inputs.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new 0/1 rows, one column per label (probability above 0.5)
     * @throws IllegalStateException if the model was not fitted with {@code fitMultilabel}
     */
    public int[][] predictMultilabel(float[][] x) {
        return predictMultilabel(Inputs.forPrediction(x, "X"));
    }

    private int[][] predictMultilabel(Inputs in) {
        if (multilabelOutputs == 0) {
            throw new IllegalStateException("predictMultilabel needs a model fitted with fitMultilabel");
        }
        double[] out = core.outputs(in);
        int k = multilabelOutputs;
        int[][] result = new int[in.rows()][k];
        for (int i = 0; i < in.rows(); i++) {
            for (int j = 0; j < k; j++) {
                result[i][j] = out[i * k + j] > 0.5 ? 1 : 0;
            }
        }
        return result;
    }

    /**
     * Class probabilities ({@code predict_proba}), one column per class in {@link #classes()}
     * order: {@code [1 - p, p]} for binary, the softmax for multiclass, the per-label
     * probabilities for multilabel.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new rows of probabilities: two columns for binary, else one per class or label
     */
    public double[][] predictProba(double[][] x) {
        return proba(Inputs.forPrediction(x, "X"));
    }

    /**
     * {@link #predictProba(double[][])} for float32 inputs.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new rows of probabilities: two columns for binary, else one per class or label
     */
    public double[][] predictProba(float[][] x) {
        return proba(Inputs.forPrediction(x, "X"));
    }

    /**
     * The natural log of {@link #predictProba(double[][])} ({@code predict_log_proba}).
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new rows of natural-log probabilities, shaped as {@code predictProba}'s
     */
    public double[][] predictLogProba(double[][] x) {
        return logOf(predictProba(x));
    }

    /**
     * {@link #predictLogProba(double[][])} for float32 inputs.
     *
     * @param x samples with {@code nFeaturesIn()} finite values per row
     * @return new rows of natural-log probabilities, shaped as {@code predictProba}'s
     */
    public double[][] predictLogProba(float[][] x) {
        return logOf(predictProba(x));
    }

    private static double[][] logOf(double[][] p) {
        for (double[] row : p) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.log(row[j]);
            }
        }
        return p;
    }

    private double[][] proba(Inputs in) {
        boolean binary = multilabelOutputs == 0 && core.model().outputs == 1;
        if (!binary) {
            // The network's outputs are the probabilities: its rows are the result.
            return core.outputRows(in);
        }
        double[] out = core.outputs(in);
        double[][] result = new double[in.rows()][];
        for (int i = 0; i < in.rows(); i++) {
            result[i] = new double[] {1 - out[i], out[i]};
        }
        return result;
    }

    /**
     * Mean accuracy ({@code score}).
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true label of each row
     * @return the fraction of rows predicted right, in {@code [0, 1]}
     */
    public double score(double[][] x, L[] y) {
        return score(x, y, null);
    }

    /**
     * Weighted mean accuracy ({@code score} with {@code sample_weight}).
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true label of each row
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return the weighted fraction of rows predicted right, in {@code [0, 1]}
     */
    public double score(double[][] x, L[] y, double[] sampleWeight) {
        return score(Inputs.of(x, "X"), y, sampleWeight);
    }

    /**
     * Mean accuracy for float32 inputs.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true label of each row
     * @return the fraction of rows predicted right, in {@code [0, 1]}
     */
    public double score(float[][] x, L[] y) {
        return score(Inputs.of(x, "X"), y, null);
    }

    /**
     * Weighted mean accuracy for float32 inputs.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param y the true label of each row
     * @param sampleWeight {@code sample_weight}: a finite weight {@code >= 0} per row, positive sum; or null
     * @return the weighted fraction of rows predicted right, in {@code [0, 1]}
     */
    public double score(float[][] x, L[] y, double[] sampleWeight) {
        return score(Inputs.of(x, "X"), y, sampleWeight);
    }

    private double score(Inputs in, L[] y, double[] sampleWeight) {
        in.sameRows(y, "y");
        double[] w = in.weights(sampleWeight);
        List<L> predicted = predict(in);
        boolean[] correct = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null) {
                throw new IllegalArgumentException("y contains null at " + i);
            }
            correct[i] = Labels.same(predicted.get(i), y[i]);
        }
        return Scores.accuracy(correct, w);
    }

    /**
     * Subset accuracy of a multilabel model: rows whose every label is right.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param indicator the true 0/1 rows, one column per label
     * @return the fraction of rows with every label right, in {@code [0, 1]}
     */
    public double scoreMultilabel(double[][] x, int[][] indicator) {
        return scoreMultilabel(Inputs.of(x, "X"), indicator);
    }

    /**
     * {@link #scoreMultilabel(double[][], int[][])} for float32 inputs.
     *
     * @param x test samples with {@code nFeaturesIn()} finite values per row
     * @param indicator the true 0/1 rows, one column per label
     * @return the fraction of rows with every label right, in {@code [0, 1]}
     */
    public double scoreMultilabel(float[][] x, int[][] indicator) {
        return scoreMultilabel(Inputs.of(x, "X"), indicator);
    }

    private double scoreMultilabel(Inputs in, int[][] indicator) {
        in.sameRows(indicator, "y");
        int[][] predicted = predictMultilabel(in);
        boolean[] correct = new boolean[indicator.length];
        for (int i = 0; i < indicator.length; i++) {
            correct[i] = java.util.Arrays.equals(predicted[i], indicator[i]);
        }
        return Scores.accuracy(correct, null);
    }

    /**
     * {@code classes_}: the sorted labels of a single-label model.
     *
     * @return an unmodifiable list of the distinct labels, ascending
     * @throws IllegalStateException if the model was fitted on multilabel targets
     */
    public List<L> classes() {
        return singleLabel().classes();
    }

    private Labels<L> singleLabel() {
        core.model();
        Labels<L> enc = labels;
        if (enc == null) {
            throw new IllegalStateException("a multilabel model has no label list: its classes are the indicator"
                    + " columns 0.." + (multilabelOutputs - 1));
        }
        return enc;
    }

    /**
     * Sends verbose lines to {@code stream} instead of System.out.
     *
     * @param stream where verbose lines go, not null
     * @return this classifier
     */
    public MLPClassifier<L> verboseOutput(PrintStream stream) {
        core.verboseOutput(stream);
        return this;
    }

    /** Puts back what {@link #writeReplace()} saved (see {@code SavedEstimator}). */
    @SuppressWarnings("unchecked")
    void restore(Model model, List<?> classes, int multilabel) {
        labels = classes == null ? null : Labels.restore((List<L>) classes);
        multilabelOutputs = multilabel;
        core.restore(model);
        // the parameter is what the network computes (a stream written before session 28 may
        // hold a network fitted with another activation than a later setParams named)
        core.hiddenActivation(params().activation());
    }

    /**
     * Writes the parameters and, once fitted, the model and its labels as plain data.
     *
     * @return the {@code SavedEstimator} written in place of this classifier
     */
    @Serial
    private Object writeReplace() {
        Labels<L> l = labels;
        return new SavedEstimator(SavedEstimator.CLASSIFIER, new java.util.TreeMap<>(getParams()), core.saved(),
                l == null ? null : l.classes(), multilabelOutputs);
    }
}
