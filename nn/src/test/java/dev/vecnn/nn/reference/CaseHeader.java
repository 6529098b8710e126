package dev.vecnn.nn.reference;

import java.util.Map;

/**
 * The fields every case file carries.
 *
 * @param id        the case id, e.g. {@code backprop-000}
 * @param kind      {@code backprop}, {@code trajectory}, {@code lbfgs} or {@code seeded}
 * @param task      multiclass, binary, multilabel, regression, multioutput or digits
 * @param estimator {@code MLPClassifier} or {@code MLPRegressor}
 * @param x         the inputs, one row per sample
 * @param y         labels (one column, 1-D), 0/1 indicator rows, or targets
 * @param meta      generator metadata, as parsed
 */
public record CaseHeader(String id, String kind, String task, String estimator, Matrix x, Matrix y,
                         Map<String, Object> meta) {

    static CaseHeader read(Fields f) {
        return new CaseHeader(f.string("id"), f.string("kind"), f.string("task"),
                f.string("estimator"), f.matrix("X"), f.matrix("y"), f.object("meta"));
    }

    /** Whether the estimator is {@code MLPClassifier}. */
    public boolean classifier() {
        return estimator.equals("MLPClassifier");
    }

    /**
     * The width of the output layer sklearn builds for this task: one unit for a binary
     * classifier or a single regression target, one per class for multiclass, one per column of
     * {@code y} for multilabel and multi-output regression.
     */
    public int outputUnits() {
        if (!classifier() || !y.oneDimensional()) {
            return y.cols();
        }
        int classes = (int) java.util.Arrays.stream(y.labels()).distinct().count();
        return classes == 2 ? 1 : classes;
    }
}
