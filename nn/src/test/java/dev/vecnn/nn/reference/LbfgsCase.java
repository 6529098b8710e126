package dev.vecnn.nn.reference;

import java.util.List;
import java.util.Map;

/**
 * {@code kind=lbfgs}: {@code fit} with {@code solver='lbfgs'} (scipy L-BFGS-B) from fixed
 * weights; compared by where it ends, not step by step.
 *
 * @param header     common fields
 * @param params     the constructor arguments sklearn got, keyed by sklearn name
 * @param coefs      initial weights
 * @param intercepts initial biases
 * @param finalLoss  {@code loss_} after fit
 * @param nIter      {@code n_iter_}
 * @param score      {@code score(X, y)}
 */
public record LbfgsCase(CaseHeader header, Map<String, Object> params, List<Matrix> coefs,
                        List<double[]> intercepts, double finalLoss, int nIter, double score)
        implements ReferenceCase {

    static LbfgsCase read(Fields f) {
        return new LbfgsCase(CaseHeader.read(f), f.object("params"), f.matrices("coefs"),
                f.vectors("intercepts"), f.number("final_loss"),
                Math.toIntExact(f.integer("n_iter")), f.number("score"));
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
