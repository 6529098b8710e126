package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.Transfer;
import dev.vecnn.nn.random.RandomState;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;

/**
 * What {@link MLPClassifier} and {@link MLPRegressor} share: scikit-learn's {@code _fit} (first
 * pass or warm start, the random stream, the layer sizes) and the fitted-attribute getters. The
 * model is published only after a fit succeeds on a fresh network; warm starts and
 * {@code partialFit} continue the published network, as scikit-learn does; a warm start puts it
 * back as it was when it fails.
 */
final class Core {
    private final String owner;
    private volatile Model model;
    private double[][] pendingCoefs;
    private double[][] pendingIntercepts;
    private PrintStream out = System.out;

    Core(String owner) {
        this.owner = owner;
    }

    /** Where verbose lines go (System.out by default). */
    void verboseOutput(PrintStream stream) {
        if (stream == null) {
            throw new IllegalArgumentException("stream must not be null");
        }
        this.out = stream;
    }

    /** Makes the next first-pass fit start from these weights instead of drawing them. */
    void startFrom(double[][] coefs, double[][] intercepts) {
        checkLayers("coefs", coefs);
        checkLayers("intercepts", intercepts);
        if (coefs.length != intercepts.length) {
            throw new IllegalArgumentException("coefs has " + coefs.length + " layers, intercepts " + intercepts.length);
        }
        pendingCoefs = deepCopy(coefs);
        pendingIntercepts = deepCopy(intercepts);
    }

    /** Makes a fitted network compute {@code activation} in its hidden layers (see {@link Model#withHidden}). */
    void hiddenActivation(Activation activation) {
        Model m = model;
        Transfer hidden = Transfer.of(activation);
        if (m != null && m.hiddenTransfer != hidden) {
            model = m.withHidden(hidden);
        }
    }

    boolean fitted() {
        return model != null;
    }

    /** The model as plain data for a saved estimator, or null before the first fit. */
    SavedModel saved() {
        Model m = model;
        return m == null ? null : m.save();
    }

    /** Publishes a model read back from a saved estimator (null: not fitted). */
    void restore(Model m) {
        model = m;
    }

    Model model() {
        Model m = model;
        if (m == null) {
            throw new IllegalStateException("This " + owner + " instance is not fitted yet. Call 'fit' with"
                    + " appropriate arguments before using this estimator.");
        }
        return m;
    }

    /** Whether this fit starts over (scikit-learn's {@code first_pass}). */
    boolean firstPass(MLPParams params, boolean incremental) {
        return model == null || (!params.warmStart() && !incremental);
    }

    /**
     * Fits: checks the data against a continued model, then trains and publishes. Everything a
     * caller can get wrong has been checked before this runs, so a failure here (non-finite
     * weights) is a training failure.
     */
    void fit(MLPParams params, FitData data, boolean incremental, Transfer out, Loss loss) {
        if (params.solver() == Solver.LBFGS && incremental) {
            throw new IllegalArgumentException("partial_fit is only available for stochastic optimizers."
                    + " lbfgs is not stochastic.");
        }
        if (incremental && params.earlyStopping()) {
            throw new IllegalArgumentException("partial_fit does not support early_stopping=True");
        }
        if (params.earlyStopping() && !incremental && params.solver() != Solver.LBFGS
                && !(params.validationFraction() > 0)) {
            throw new IllegalArgumentException("validation_fraction must be in (0, 1) when early_stopping=True,"
                    + " got " + params.validationFraction());
        }
        boolean first = firstPass(params, incremental);
        int[] units = units(params, data);
        if (!first) {
            Model m = model;
            if (data.features() != m.features) {
                throw new IllegalArgumentException("X has " + data.features() + " features, but " + owner
                        + " is expecting " + m.features + " features as input.");
            }
            if (data.outputs() != m.outputs) {
                throw new IllegalArgumentException("y has " + data.outputs() + " outputs, but " + owner
                        + " was fitted with " + m.outputs);
            }
        }
        long seed = params.randomState().orElseGet(() -> new SecureRandom().nextLong() & RandomState.MAX_SEED);
        RandomState random = new RandomState(seed);
        if (first) {
            if (pendingCoefs != null) {
                checkShapes(units);
            }
            Model m = Model.initialize(params, units, data.float32(), out, loss, random);
            if (pendingCoefs != null) {
                m.setWeights(pendingCoefs, pendingIntercepts);
            }
            if (params.solver() == Solver.LBFGS && m.engine.float32()) {
                m = m.inFloat64(); // drawn (and given weights rounded) in float32, as scikit-learn's
            }
            m.fit(params, data, incremental, random, this.out);
            // Only a fit that succeeded has used the given weights: a failed one leaves them for
            // the next fit, as it leaves the estimator.
            pendingCoefs = null;
            pendingIntercepts = null;
            model = m;
        } else if (incremental) {
            // partialFit trains the published network in place and keeps no copy: a copy of the
            // parameters and the optimizer's moments costs about what a step on a small batch
            // costs (MNIST 784-100-10, 200 rows: 2.5 against 1.5 ms per call). Its arguments are
            // refused before anything changes; a mini-batch whose sample weights are all zero is
            // refused when it is reached (the batches before it have trained), and a call whose
            // weights overflow throws and leaves them non-finite, as scikit-learn's does (lbfgs
            // was refused above).
            model.fit(params, data, true, random, this.out);
        } else {
            // A warm-started fit trains the published network in place; one that fails (weights
            // that overflowed) puts back the model it started from, so the estimator is left as
            // it was. One copy per fit of up to max_iter epochs.
            SavedModel before = model.save();
            try {
                if (params.solver() == Solver.LBFGS && model.engine.float32()) {
                    model = model.inFloat64();
                }
                model.fit(params, data, incremental, random, this.out);
            } catch (RuntimeException e) {
                model = Model.restore(before);
                throw e;
            }
        }
    }

    private static int[] units(MLPParams params, FitData data) {
        int[] hidden = params.hiddenLayerSizes();
        int[] units = new int[hidden.length + 2];
        units[0] = data.features();
        System.arraycopy(hidden, 0, units, 1, hidden.length);
        units[units.length - 1] = data.outputs();
        return units;
    }

    /** The network outputs for validated inputs. */
    double[] outputs(Inputs x) {
        Model m = model();
        x.features(m.features, owner);
        return m.engine.predict(x);
    }

    /** {@link #outputs(Inputs)} as one array per row. */
    double[][] outputRows(Inputs x) {
        Model m = model();
        x.features(m.features, owner);
        return m.engine.predictRows(x);
    }

    double loss() {
        return model().loss;
    }

    double bestLoss() {
        Model m = model();
        stochastic(m, "best_loss_");
        return m.bestLoss;
    }

    double[] lossCurve() {
        Model m = model();
        stochastic(m, "loss_curve_");
        return toArray(m.lossCurve);
    }

    double[] validationScores() {
        Model m = model();
        if (m.validationScores == null) {
            throw new IllegalStateException("validation_scores_ is only set when early_stopping=True");
        }
        return toArray(m.validationScores);
    }

    double bestValidationScore() {
        Model m = model();
        if (m.validationScores == null) {
            throw new IllegalStateException("best_validation_score_ is only set when early_stopping=True");
        }
        return m.bestValidationScore;
    }

    private void stochastic(Model m, String attribute) {
        if (m.lossCurve == null) {
            throw new IllegalStateException(attribute + " is only set by the sgd and adam solvers");
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void checkLayers(String name, double[][] layers) {
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one layer, got "
                    + (layers == null ? "null" : "none"));
        }
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            for (int j = 0; j < layers[i].length; j++) {
                if (!Double.isFinite(layers[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is " + layers[i][j]);
                }
            }
        }
    }

    /** The weights given to startFrom against the network this fit builds, {@code units} wide. */
    private void checkShapes(int[] units) {
        int layers = units.length - 1;
        if (pendingCoefs.length != layers) {
            throw new IllegalArgumentException("startFrom gave " + pendingCoefs.length + " layers, the network has "
                    + layers + " (units " + java.util.Arrays.toString(units) + ")");
        }
        for (int i = 0; i < layers; i++) {
            if (pendingCoefs[i].length != units[i] * units[i + 1] || pendingIntercepts[i].length != units[i + 1]) {
                throw new IllegalArgumentException("startFrom gave layer " + i + " " + pendingCoefs[i].length
                        + " weights and " + pendingIntercepts[i].length + " biases, the network needs "
                        + units[i] * units[i + 1] + " (" + units[i] + " x " + units[i + 1] + ") and " + units[i + 1]);
            }
        }
    }

    static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
