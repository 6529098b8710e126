package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.Transfer;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A {@link Model} as plain data, the part of a saved estimator that a later {@code fit} or
 * {@code partialFit} continues from (scikit-learn pickles its optimizer too): the layer sizes and
 * precision, the flat parameters in {@code _pack} order, the optimizer's arrays and step state,
 * and every fitted attribute. Arrays are held as double (exact for a float32 model). The
 * canonical constructor checks that the parts fit together, so a damaged or hand-made stream is
 * refused when it is read ({@code InvalidObjectException}) instead of failing on first use.
 *
 * @param units              {@code [n_features, hidden..., n_outputs]}
 * @param parameters         the flat parameter vector
 * @param optimizerState     null, or velocities and Adam's two moments, one value per parameter each
 * @param step               null before a stochastic fit, else the step rule's state
 * @param lossCurve          {@code loss_curve_}, null for lbfgs
 * @param validationScores   {@code validation_scores_}, null without early stopping
 * @param lossValue          {@code loss_}
 * @param bestParams         what early stopping would restore, or null (see {@code Model})
 * @param warnings           the convergence warnings of the last fit
 */
record SavedModel(int[] units, boolean float32, Transfer hidden, Transfer out, Loss loss, Solver firstSolver,
                  double[] parameters, double[][] optimizerState, Step step, List<Double> lossCurve,
                  List<Double> validationScores, double bestLoss, double bestValidationScore, double lossValue,
                  long t, int nIter, int noImprovementCount, double[] bestParams, List<String> warnings)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The step rule: the parameters its optimizer was made with, its step size, Adam's count. */
    record Step(TreeMap<String, Object> params, double learningRate, long adamSteps) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Step {
            require(params != null, "the step rule's parameters are missing");
            require(adamSteps >= 0, "Adam's step count is negative: " + adamSteps);
            // every schedule keeps the step size positive and finite (adaptive stops dividing at 1e-6)
            require(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY,
                    "the learning rate must be finite and > 0, got " + learningRate);
            params = new TreeMap<>(params);
        }
    }

    SavedModel {
        require(units != null && units.length >= 2, "units must name the inputs and the outputs, got "
                + Arrays.toString(units));
        long count = 0;
        for (int i = 0; i < units.length; i++) {
            require(units[i] >= 1, "units must be positive, got " + Arrays.toString(units));
            if (i + 1 < units.length) {
                count += (long) units[i] * units[i + 1] + units[i + 1];
            }
        }
        long values = count;
        require(count <= Integer.MAX_VALUE, "units " + Arrays.toString(units) + " need more parameters than an"
                + " array holds");
        require(hidden != null && out != null && loss != null && firstSolver != null,
                "the activations, loss and solver must be named");
        require(parameters != null && parameters.length == count, "parameters must hold " + count + " values"
                + " for units " + Arrays.toString(units) + ", got " + (parameters == null ? "none" : parameters.length));
        require(optimizerState == null || optimizerState.length == 3
                && Arrays.stream(optimizerState).allMatch(a -> a != null && a.length == values),
                "the optimizer state must be three arrays of " + count + " values");
        require((step == null) == (optimizerState == null), "a stochastic fit's step rule and optimizer"
                + " arrays come together");
        require(bestParams == null || bestParams.length == count, "the best parameters must hold " + count
                + " values");
        require(allOf(lossCurve, Double.class) && allOf(validationScores, Double.class) && warnings != null
                && allOf(warnings, String.class),
                "the loss curve and validation scores must hold numbers and the warnings text, without nulls");
        require(t >= 0 && nIter >= 0 && noImprovementCount >= 0, "t_, n_iter_ and the no-improvement count"
                + " must not be negative");
        units = units.clone();
        parameters = parameters.clone();
        optimizerState = optimizerState == null ? null
                : new double[][] {optimizerState[0].clone(), optimizerState[1].clone(), optimizerState[2].clone()};
        lossCurve = lossCurve == null ? null : List.copyOf(lossCurve);
        validationScores = validationScores == null ? null : List.copyOf(validationScores);
        bestParams = bestParams == null ? null : bestParams.clone();
        warnings = List.copyOf(warnings);
    }

    /** Whether every element is a {@code type} (none null); a missing list passes. */
    private static boolean allOf(List<?> list, Class<?> type) {
        return list == null || list.stream().allMatch(type::isInstance);
    }

    static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("saved model: " + problem);
        }
    }
}
