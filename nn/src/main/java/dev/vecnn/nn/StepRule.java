package dev.vecnn.nn;

import java.io.PrintStream;

/**
 * The scalar side of scikit-learn's {@code SGDOptimizer} / {@code AdamOptimizer}: the current
 * step size, its schedule ({@code iteration_ends}), the stopping decision
 * ({@code trigger_stopping}) and Adam's step count. The array updates themselves run in the
 * engine's precision through {@code dev.vecnn.kernels.Updates}.
 */
final class StepRule {
    private final MLPParams params;
    private double learningRate;
    private long adamSteps;

    StepRule(MLPParams params) {
        this(params, params.learningRateInit(), 0);
    }

    /** A rule in the state {@link #params()}, {@link #learningRate()}, {@link #adamSteps()} describe. */
    StepRule(MLPParams params, double learningRate, long adamSteps) {
        this.params = params;
        this.learningRate = learningRate;
        this.adamSteps = adamSteps;
    }

    /** The parameters this rule was made with (scikit-learn's optimizer keeps its own). */
    MLPParams params() {
        return params;
    }

    /** The current step size. */
    double learningRate() {
        return learningRate;
    }

    /** Adam's updates so far. */
    long adamSteps() {
        return adamSteps;
    }

    /** Applies one update to the engine's parameters from its last gradient. */
    void update(Engine engine) {
        if (params.solver() == Solver.SGD) {
            engine.sgdStep(learningRate, params.momentum(), params.nesterovsMomentum());
        } else {
            adamSteps++;
            engine.adamStep(learningRate, params.beta1(), params.beta2(), params.epsilon(), adamSteps);
        }
    }

    /** After each epoch with {@code t} samples seen: the invscaling decay. */
    void iterationEnds(long t) {
        if (params.solver() == Solver.SGD && params.learningRate() == LearningRateSchedule.INVSCALING) {
            learningRate = params.learningRateInit() / Math.pow(t + 1, params.powerT());
        }
    }

    /** Whether to stop after {@code msg}; the adaptive schedule divides the step by 5 instead. */
    boolean triggerStopping(String msg, boolean verbose, PrintStream out) {
        if (params.solver() != Solver.SGD || params.learningRate() != LearningRateSchedule.ADAPTIVE) {
            if (verbose) {
                out.println(msg + " Stopping.");
            }
            return true;
        }
        if (learningRate <= 1e-6) {
            if (verbose) {
                out.println(msg + " Learning rate too small. Stopping.");
            }
            return true;
        }
        learningRate /= 5.0;
        if (verbose) {
            out.println(msg + " Setting learning rate to " + Format.fixed6(learningRate));
        }
        return false;
    }
}
