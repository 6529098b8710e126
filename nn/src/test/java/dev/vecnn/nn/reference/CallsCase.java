package dev.vecnn.nn.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kind=calls}: a seeded estimator taken through several {@code fit} and
 * {@code partial_fit} calls on subsets of the rows (random cases only, see
 * {@code random-cases/README.md}). The results are those of the last call; when
 * {@code refusedAt} is not -1, scikit-learn refused that call (ValueError) without changing the
 * model, and it is the last one.
 *
 * @param header          common fields
 * @param params          the constructor arguments sklearn got, keyed by sklearn name
 * @param calls           the calls in order
 * @param refusedAt       index of the refused call, or -1
 * @param lossCurve       {@code loss_curve_}
 * @param nIter           {@code n_iter_}
 * @param t               {@code t_}
 * @param finalCoefs      weights after the calls
 * @param finalIntercepts biases after the calls
 * @param output          {@code predict_proba(X)} for classifiers, {@code predict(X)} for regressors
 * @param predict         {@code predict(X)}
 * @param score           {@code score(X, y)}
 * @param verboseLines    what scikit-learn printed over the calls with {@code verbose=True}
 *                        (empty when not recorded)
 */
public record CallsCase(CaseHeader header, Map<String, Object> params, List<Call> calls, int refusedAt,
                        double[] lossCurve, int nIter, long t, List<Matrix> finalCoefs,
                        List<double[]> finalIntercepts, Matrix output, Matrix predict, double score,
                        List<String> verboseLines)
        implements ReferenceCase {

    /**
     * One call: {@code partial} for {@code partial_fit} (a classifier's first one gets every
     * class of y, or the label columns when multilabel), else {@code fit}, on the given rows.
     */
    public record Call(boolean partial, int[] rows) {
    }

    static CallsCase read(Fields f) {
        List<?> raw = (List<?>) f.raw("calls");
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            @SuppressWarnings("unchecked")
            Fields c = new Fields((Map<String, Object>) raw.get(i), f.source() + " calls[" + i + "]");
            String method = c.string("method");
            if (!method.equals("fit") && !method.equals("partial_fit")) {
                throw new IllegalArgumentException(c.source() + ": unknown method '" + method + "'");
            }
            calls.add(new Call(method.equals("partial_fit"), c.intVector("rows")));
        }
        return new CallsCase(CaseHeader.read(f), f.object("params"), List.copyOf(calls),
                Math.toIntExact(f.integer("refused_at")), f.vector("loss_curve"),
                Math.toIntExact(f.integer("n_iter")), f.integer("t"), f.matrices("final_coefs"),
                f.vectors("final_intercepts"), f.matrix("output"), f.matrix("predict"), f.number("score"),
                f.optionalStrings("verbose_lines"));
    }

    /** A calls case draws its start from {@code random_state}: its final weights, for their shapes. */
    @Override
    public List<Matrix> startCoefs() {
        return finalCoefs;
    }

    @Override
    public List<double[]> startIntercepts() {
        return finalIntercepts;
    }
}
