package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.Transfer;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The serialized form of {@link MLPClassifier} and {@link MLPRegressor} (the serialization proxy
 * pattern): the estimator's parameters by scikit-learn name, its model if fitted, and a
 * classifier's classes (which must be serializable themselves) or multilabel width. Reading it
 * back builds the estimator through its public constructor and {@code setParams}, so every
 * value is validated again; what does not fit together is refused with
 * {@link InvalidObjectException} naming the problem.
 *
 * @param owner             {@code "MLPClassifier"} or {@code "MLPRegressor"}
 * @param params            {@code get_params()}
 * @param model             null when not fitted
 * @param classes           a single-label classifier's {@code classes_}, else null
 * @param multilabelOutputs a multilabel classifier's label columns, else 0
 */
record SavedEstimator(String owner, TreeMap<String, Object> params, SavedModel model, List<?> classes,
                      int multilabelOutputs) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String CLASSIFIER = "MLPClassifier";
    static final String REGRESSOR = "MLPRegressor";

    SavedEstimator {
        SavedModel.require(CLASSIFIER.equals(owner) || REGRESSOR.equals(owner), "unknown estimator " + owner);
        SavedModel.require(params != null, "the parameters are missing");
        SavedModel.require(multilabelOutputs >= 0, "a negative number of label columns");
        boolean classifier = CLASSIFIER.equals(owner);
        SavedModel.require(classifier || classes == null && multilabelOutputs == 0,
                "a regressor has no classes");
        SavedModel.require(classes == null || multilabelOutputs == 0, "a model is single-label or multilabel,"
                + " not both");
        SavedModel.require(!classifier || (model == null) == (classes == null && multilabelOutputs == 0),
                "a fitted classifier needs its classes (and an unfitted one has none)");
        if (model != null) {
            boolean pairs = classifier
                    ? model.out() == Transfer.LOGISTIC && model.loss() == Loss.BINARY_LOG_LOSS
                    || model.out() == Transfer.SOFTMAX && model.loss() == Loss.LOG_LOSS
                    : model.out() == Transfer.IDENTITY && model.loss() == Loss.SQUARED
                    || model.out() == Transfer.EXP && model.loss() == Loss.POISSON;
            SavedModel.require(pairs, "a " + owner + " does not have a " + model.out() + " output with "
                    + model.loss() + " loss");
            SavedModel.require(model.hidden() != Transfer.SOFTMAX && model.hidden() != Transfer.EXP,
                    "no hidden layer is " + model.hidden());
            int outputs = model.units()[model.units().length - 1];
            int expected = classes != null ? (classes.size() <= 2 ? 1 : classes.size())
                    : classifier ? multilabelOutputs : outputs;
            SavedModel.require(outputs == expected, "the network has " + outputs + " outputs where the targets"
                    + " need " + expected);
            // softmax over more than two classes, one logistic unit for two, logistic per label
            Transfer task = !classifier ? model.out()
                    : classes != null && classes.size() > 2 ? Transfer.SOFTMAX : Transfer.LOGISTIC;
            SavedModel.require(model.out() == task, "a classifier with " + (classes != null ? classes.size()
                    + " classes" : multilabelOutputs + " labels") + " has a " + task + " output, not "
                    + model.out());
        }
        params = new TreeMap<>(params);
        classes = classes == null ? null : new ArrayList<>(classes);
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
        try {
            Model m = model == null ? null : Model.restore(model);
            if (REGRESSOR.equals(owner)) {
                MLPRegressor r = new MLPRegressor(MLPRegressorParams.defaults().withParams(params));
                r.restore(m);
                return r;
            }
            MLPClassifier<?> c = new MLPClassifier<>(MLPParams.defaults().withParams(params));
            c.restore(m, classes, multilabelOutputs);
            return c;
        } catch (IllegalArgumentException | ClassCastException e) {
            InvalidObjectException refused = new InvalidObjectException("saved " + owner + ": " + e.getMessage());
            refused.initCause(e);
            throw refused;
        }
    }
}
