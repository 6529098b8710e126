package dev.vecnn.nn.reference;

import java.util.List;
import java.util.Map;

/**
 * {@code kind=trajectory}: {@code fit} with {@code shuffle=False} from fixed weights.
 *
 * @param header          common fields
 * @param params          the constructor arguments sklearn got, keyed by sklearn name
 * @param coefs           initial weights
 * @param intercepts      initial biases
 * @param lossCurve       {@code loss_curve_}, one entry per epoch
 * @param nIter           {@code n_iter_}
 * @param t               {@code t_}, samples seen
 * @param finalCoefs      weights after fit
 * @param finalIntercepts biases after fit
 * @param output          {@code predict_proba(X)} for classifiers, {@code predict(X)} for regressors
 * @param predict         {@code predict(X)}
 * @param score           {@code score(X, y)}
 */
public record TrajectoryCase(CaseHeader header, Map<String, Object> params, List<Matrix> coefs,
                             List<double[]> intercepts, double[] lossCurve, int nIter, long t,
                             List<Matrix> finalCoefs, List<double[]> finalIntercepts,
                             Matrix output, Matrix predict, double score) implements ReferenceCase {

    static TrajectoryCase read(Fields f) {
        return new TrajectoryCase(CaseHeader.read(f), f.object("params"), f.matrices("coefs"),
                f.vectors("intercepts"), f.vector("loss_curve"), Math.toIntExact(f.integer("n_iter")),
                f.integer("t"), f.matrices("final_coefs"), f.vectors("final_intercepts"),
                f.matrix("output"), f.matrix("predict"), f.number("score"));
    }

    @Override
    public List<Matrix> startCoefs() {
        return coefs;
    }

    @Override
    public List<double[]> startIntercepts() {
        return intercepts;
    }
}
