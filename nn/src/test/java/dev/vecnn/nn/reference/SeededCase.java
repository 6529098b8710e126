package dev.vecnn.nn.reference;

import java.util.List;
import java.util.Map;

/**
 * {@code kind=seeded}: {@code fit} where {@code params.random_state} drives the initial weights
 * and the per-epoch shuffles through numpy's {@code RandomState}.
 *
 * @param header          common fields
 * @param params          the constructor arguments sklearn got, keyed by sklearn name
 * @param initCoefs       the weights sklearn drew
 * @param initIntercepts  the biases sklearn drew
 * @param lossCurve       {@code loss_curve_}
 * @param nIter           {@code n_iter_}
 * @param t               {@code t_}
 * @param finalCoefs      weights after fit
 * @param finalIntercepts biases after fit
 * @param output          {@code predict_proba(X)} for classifiers, {@code predict(X)} for regressors
 * @param predict         {@code predict(X)}
 * @param score           {@code score(X, y)}
 * @param verboseLines    what scikit-learn printed with {@code verbose=True} (random cases; empty
 *                        when not recorded)
 */
public record SeededCase(CaseHeader header, Map<String, Object> params, List<Matrix> initCoefs,
                         List<double[]> initIntercepts, double[] lossCurve, int nIter, long t,
                         List<Matrix> finalCoefs, List<double[]> finalIntercepts, Matrix output,
                         Matrix predict, double score, List<String> verboseLines) implements ReferenceCase {

    static SeededCase read(Fields f) {
        return new SeededCase(CaseHeader.read(f), f.object("params"), f.matrices("init_coefs"),
                f.vectors("init_intercepts"), f.vector("loss_curve"),
                Math.toIntExact(f.integer("n_iter")), f.integer("t"), f.matrices("final_coefs"),
                f.vectors("final_intercepts"), f.matrix("output"), f.matrix("predict"),
                f.number("score"), f.optionalStrings("verbose_lines"));
    }

    /** {@code params.random_state}, the seed of the whole run. */
    public long randomState() {
        return ((Number) params.get("random_state")).longValue();
    }

    @Override
    public List<Matrix> startCoefs() {
        return initCoefs;
    }

    @Override
    public List<double[]> startIntercepts() {
        return initIntercepts;
    }
}
