package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.Transfer;
import dev.vecnn.nn.random.RandomState;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted (or being fitted) network and scikit-learn's fitted attributes, with the two training
 * loops: {@code _fit_stochastic} (sgd, adam) and {@code _fit_lbfgs}. The estimators validate
 * everything before they call in here.
 */
final class Model {
    /** The package's logger, so that users configure or silence one name, as for dev.vecnn.kernels. */
    private static final System.Logger LOG = System.getLogger("dev.vecnn.nn");

    /**
     * Fits whose work reaches this many multiply-adds warm the kernels up first. Cold, the JIT
     * runs the Vector API code interpreted for seconds while promoting the kernels one by one; the
     * warm-up promotes them all on tiny operands in 3-4 seconds (docs/architecture.md), which
     * pays off from about this much work (tenths of a second of compiled time) and is wasted on
     * small fits.
     */
    private static final double WARM_UP_MIN_MULTIPLY_ADDS = 1e10;
    /** The fewest validation rows early stopping accepts (scikit-learn 1.7). */
    private static final int MIN_VALIDATION_ROWS = 2;

    final Engine engine;
    final int features;
    final int outputs;
    final Transfer hiddenTransfer;
    final Transfer outTransfer;
    final Loss lossFunction;
    final Solver firstSolver;
    List<Double> lossCurve;
    List<Double> validationScores;
    double bestLoss = Double.NaN;
    double bestValidationScore = Double.NaN;
    double loss = Double.NaN;
    long t;
    int nIter;
    int noImprovementCount;
    StepRule stepRule;
    /**
     * What an early-stopped fit restores at its end: the weights of its best validation score, or,
     * while no fit has restored anything yet, the initial weights (scikit-learn 1.7's
     * {@code _initialize} copies them into {@code _best_coefs}, so a first fit whose every score
     * is NaN or -inf returns them). Null once restored: scikit-learn then holds the restored arrays
     * as {@code coefs_} itself, and a later fit whose scores never improve keeps its last weights.
     */
    private double[] bestParams;
    final List<String> warnings = new ArrayList<>();

    private Model(Engine engine, Transfer hiddenTransfer, Transfer outTransfer, Loss lossFunction, Solver solver) {
        int[] units = engine.units();
        this.engine = engine;
        this.features = units[0];
        this.outputs = units[units.length - 1];
        this.hiddenTransfer = hiddenTransfer;
        this.outTransfer = outTransfer;
        this.lossFunction = lossFunction;
        this.firstSolver = solver;
    }

    private static Engine engine(int[] units, boolean float32, Transfer hidden, Transfer out, Loss loss) {
        return float32 ? new EngineF32(units, hidden, out, loss) : new EngineF64(units, hidden, out, loss);
    }

    /**
     * A new network for {@code units} in the given precision with weights drawn from
     * {@code random} (scikit-learn's {@code _initialize}).
     */
    static Model initialize(MLPParams params, int[] units, boolean float32, Transfer out, Loss loss,
                            RandomState random) {
        Transfer hidden = Transfer.of(params.activation());
        Engine engine = engine(units, float32, hidden, out, loss);
        InitialWeights w = InitialWeights.draw(random, units, params.activation());
        double[][] coefs = new double[w.layers()][];
        double[][] intercepts = new double[w.layers()][];
        for (int i = 0; i < w.layers(); i++) {
            coefs[i] = w.coef(i);
            intercepts[i] = w.intercept(i);
        }
        engine.setWeights(coefs, intercepts);
        Model m = new Model(engine, hidden, out, loss, params.solver());
        m.resetAttributes(params);
        m.bestParams = engine.packed();
        return m;
    }

    /** Everything a later call continues from, for a saved estimator (see {@link SavedModel}). */
    SavedModel save() {
        SavedModel.Step step = stepRule == null ? null : new SavedModel.Step(
                new java.util.TreeMap<>(stepRule.params().getParams()), stepRule.learningRate(), stepRule.adamSteps());
        return new SavedModel(engine.units(), engine.float32(), hiddenTransfer, outTransfer, lossFunction,
                firstSolver, engine.packed(), engine.optimizerState(), step, lossCurve, validationScores, bestLoss,
                bestValidationScore, loss, t, nIter, noImprovementCount, bestParams, warnings);
    }

    /** The model {@link #save()} described. */
    static Model restore(SavedModel s) {
        Engine engine = engine(s.units(), s.float32(), s.hidden(), s.out(), s.loss());
        engine.unpack(s.parameters());
        engine.restoreOptimizerState(s.optimizerState());
        Model m = new Model(engine, s.hidden(), s.out(), s.loss(), s.firstSolver());
        if (s.step() != null) {
            m.stepRule = new StepRule(MLPParams.defaults().withParams(s.step().params()), s.step().learningRate(),
                    s.step().adamSteps());
        }
        m.lossCurve = s.lossCurve() == null ? null : new ArrayList<>(s.lossCurve());
        m.validationScores = s.validationScores() == null ? null : new ArrayList<>(s.validationScores());
        m.bestLoss = s.bestLoss();
        m.bestValidationScore = s.bestValidationScore();
        m.loss = s.lossValue();
        m.t = s.t();
        m.nIter = s.nIter();
        m.noImprovementCount = s.noImprovementCount();
        m.bestParams = s.bestParams() == null ? null : s.bestParams().clone();
        m.warnings.addAll(s.warnings());
        return m;
    }

    /**
     * This model with every hidden layer computing {@code hidden} instead, weights, optimizer state
     * and attributes unchanged: scikit-learn reads {@code activation} on every forward pass, so a
     * changed parameter applies to a fitted network at once.
     */
    Model withHidden(Transfer hidden) {
        return rebuilt(engine.float32(), hidden);
    }

    /**
     * This model computing in float64 (float values widen exactly): scikit-learn's lbfgs hands
     * float32 parameters to scipy, which minimizes over float64 copies, so its network computes and
     * ends in float64 whatever the input's precision.
     */
    Model inFloat64() {
        return rebuilt(false, hiddenTransfer);
    }

    private Model rebuilt(boolean float32, Transfer hidden) {
        SavedModel s = save();
        return restore(new SavedModel(s.units(), float32, hidden, s.out(), s.loss(), s.firstSolver(),
                s.parameters(), s.optimizerState(), s.step(), s.lossCurve(), s.validationScores(), s.bestLoss(),
                s.bestValidationScore(), s.lossValue(), s.t(), s.nIter(), s.noImprovementCount(), s.bestParams(),
                s.warnings()));
    }

    private void resetAttributes(MLPParams params) {
        nIter = 0;
        t = 0;
        if (params.solver() != Solver.LBFGS) {
            lossCurve = new ArrayList<>();
            noImprovementCount = 0;
            if (params.earlyStopping()) {
                validationScores = new ArrayList<>();
                bestValidationScore = Double.NEGATIVE_INFINITY;
                bestLoss = Double.NaN;
            } else {
                bestLoss = Double.POSITIVE_INFINITY;
                validationScores = null;
                bestValidationScore = Double.NaN;
            }
        }
    }

    /** Replaces the weights (a warm start from given weights). */
    void setWeights(double[][] coefs, double[][] intercepts) {
        engine.setWeights(coefs, intercepts);
        bestParams = engine.packed();
    }

    /**
     * Trains on {@code data}: one epoch when {@code incremental} (partial_fit), else up to
     * max_iter epochs or until a stopping rule fires.
     */
    void fit(MLPParams params, FitData data, boolean incremental, RandomState random, PrintStream out) {
        // The one refusal that needs the random stream comes before anything of a continued
        // model changes.
        boolean earlyStopping = params.solver() != Solver.LBFGS && params.earlyStopping() && !incremental;
        ValidationSplit split = earlyStopping ? validationSplit(params, data, random) : null;
        warnings.clear();
        if (estimatedMultiplyAdds(params, data, incremental) >= WARM_UP_MIN_MULTIPLY_ADDS) {
            engine.warmUp();
        }
        if (params.solver() == Solver.LBFGS) {
            fitLbfgs(params, data, out);
        } else {
            if (lossCurve == null) {
                resetAttributes(params);
            }
            fitStochastic(params, data, incremental, split, random, out);
        }
        if (!engine.finite()) {
            throw new IllegalStateException("Solver produced non-finite parameter weights. The input data may"
                    + " contain large values and need to be preprocessed.");
        }
    }

    /**
     * Roughly the multiply-adds of this fit if it runs to max_iter: forward and two backward
     * products per sample and parameter, per epoch (L-BFGS: per iteration).
     */
    private double estimatedMultiplyAdds(MLPParams params, FitData data, boolean incremental) {
        int[] units = engine.units();
        double parameters = 0;
        for (int i = 0; i + 1 < units.length; i++) {
            parameters += (double) units[i] * units[i + 1];
        }
        return 3 * parameters * data.rows() * (incremental ? 1 : params.maxIter());
    }

    /** The early-stopping split (scikit-learn's {@code train_test_split}), refused when too small. */
    private static ValidationSplit validationSplit(MLPParams params, FitData data, RandomState random) {
        ValidationSplit split = ValidationSplit.draw(random, data.rows(), params.validationFraction(),
                data.stratify());
        if (split.test().length < MIN_VALIDATION_ROWS) {
            // scikit-learn 1.7's check (1.2 trained on and failed at the end for a regressor,
            // whose R^2 of one row is NaN)
            throw new IllegalArgumentException("The validation set is too small. Increase 'validation_fraction'"
                    + " or the size of your dataset: validation_fraction=" + params.validationFraction() + " of "
                    + data.rows() + " samples sets aside " + split.test().length + ", at least "
                    + MIN_VALIDATION_ROWS + " are needed.");
        }
        return split;
    }

    /** sgd and adam; {@code split} is the early-stopping split, null without early stopping. */
    private void fitStochastic(MLPParams params, FitData data, boolean incremental, ValidationSplit split,
                               RandomState random, PrintStream out) {
        if (!incremental || stepRule == null) {
            stepRule = new StepRule(params);
            engine.resetOptimizer();
        }
        boolean earlyStopping = split != null;
        FitData train = data;
        double[] valX = null;
        int[] valRows = null;
        if (earlyStopping) {
            train = data.select(split.train());
            valRows = split.test();
            valX = data.inputs(valRows);
            if (validationScores == null) {
                validationScores = new ArrayList<>();
                bestValidationScore = Double.NEGATIVE_INFINITY;
            }
        }
        // scikit-learn 1.3+ counts n_iter_ per call, partial_fit included (1 after it), from here
        // on (a refused split leaves it); 1.2 kept counting over warm starts and partial fits
        nIter = 0;
        int n = train.rows();
        int batchSize = params.effectiveBatchSize(n);
        if (params.batchSize().isPresent() && params.batchSize().getAsInt() > n) {
            // scikit-learn's UserWarning (not a convergence warning, so logged only)
            LOG.log(System.Logger.Level.WARNING, "UserWarning: Got `batch_size` less than 1 or larger than sample"
                    + " size. It is going to be clipped");
        }
        engine.bind(train.x(), train.y(), train.weight(), n, batchSize);
        boolean verbose = params.verbose() > 0;
        int[] sampleIdx = null;
        if (params.shuffle()) {
            sampleIdx = new int[n];
            for (int i = 0; i < n; i++) {
                sampleIdx[i] = i;
            }
        }
        int[] shuffled = params.shuffle() ? new int[n] : null;
        try {
            for (int it = 0; it < params.maxIter(); it++) {
                if (sampleIdx != null) {
                    int[] p = random.permutation(n);
                    for (int i = 0; i < n; i++) {
                        shuffled[i] = sampleIdx[p[i]];
                    }
                    System.arraycopy(shuffled, 0, sampleIdx, 0, n);
                }
                double accumulated = 0;
                for (int from = 0; from < n; from += batchSize) {
                    int to = Math.min(n, from + batchSize);
                    double batchLoss = engine.batch(sampleIdx, from, to, params.alpha());
                    // by rows, not by the batch's sample weight (scikit-learn 1.7: each batch's
                    // weighted mean loss counts with its row count)
                    accumulated += batchLoss * (to - from);
                    stepRule.update(engine);
                }
                nIter++;
                loss = accumulated / n;
                t += n;
                lossCurve.add(loss);
                if (verbose) {
                    out.println("Iteration " + nIter + ", loss = " + Format.fixed8(loss));
                }
                updateNoImprovementCount(params, earlyStopping, valX, valRows, data, verbose, out);
                stepRule.iterationEnds(t);
                if (noImprovementCount > params.nIterNoChange()) {
                    String what = earlyStopping ? "Validation score" : "Training loss";
                    String msg = what + " did not improve more than tol=" + Format.fixed6(params.tol()) + " for "
                            + (long) params.nIterNoChange() + " consecutive epochs.";
                    if (stepRule.triggerStopping(msg, verbose, out)) {
                        break;
                    }
                    noImprovementCount = 0;
                }
                if (incremental) {
                    break;
                }
                if (nIter == params.maxIter()) {
                    warn("Stochastic Optimizer: Maximum iterations (" + params.maxIter()
                            + ") reached and the optimization hasn't converged yet.");
                }
            }
        } finally {
            engine.unbind();
        }
        if (earlyStopping && bestParams != null) {
            engine.unpack(bestParams);
            bestParams = null;
        }
    }

    private void updateNoImprovementCount(MLPParams params, boolean earlyStopping, double[] valX, int[] valRows,
                                          FitData data, boolean verbose, PrintStream out) {
        if (earlyStopping) {
            double score = data.scorer().score(engine.predict(valX, valRows.length), valRows);
            validationScores.add(score);
            if (verbose) {
                out.println("Validation score: " + Format.fixed6(score));
            }
            if (score < bestValidationScore + params.tol()) {
                noImprovementCount++;
            } else {
                noImprovementCount = 0;
            }
            if (score > bestValidationScore) {
                bestValidationScore = score;
                bestParams = engine.packed();
            }
        } else {
            double last = lossCurve.get(lossCurve.size() - 1);
            if (last > bestLoss - params.tol()) {
                noImprovementCount++;
            } else {
                noImprovementCount = 0;
            }
            if (last < bestLoss) {
                bestLoss = last;
            }
        }
    }

    private void fitLbfgs(MLPParams params, FitData data, PrintStream out) {
        engine.bind(data.x(), data.y(), data.weight(), data.rows(), data.rows());
        try {
            Lbfgs.Result r = Lbfgs.minimize(w -> {
                double[] g = new double[w.length];
                double f = engine.fullLossAndGradient(w, g, params.alpha());
                return new Lbfgs.Evaluation(f, g);
            }, engine.packed(), params.maxIter(), params.maxFun(), params.tol(),
                    params.verbose() > 0 ? new ScipyLbfgsTrace(out) : Lbfgs.SILENT);
            engine.unpack(r.x());
            loss = r.f();
            nIter = Math.min(r.iterations(), params.maxIter());
            if (!r.status().converged()) {
                // scikit-learn's _check_optimize_result, word for word
                warn("lbfgs failed to converge (status=" + r.status().code() + "):\n" + r.status().message()
                        + ".\n\nIncrease the number of iterations (max_iter) or scale the data as shown in:\n"
                        + "    https://scikit-learn.org/stable/modules/preprocessing.html");
            }
        } finally {
            engine.unbind();
        }
    }

    private void warn(String message) {
        warnings.add(message);
        LOG.log(System.Logger.Level.WARNING, "ConvergenceWarning: " + message);
    }
}
