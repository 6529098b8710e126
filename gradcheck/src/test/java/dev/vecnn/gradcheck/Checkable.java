package dev.vecnn.gradcheck;

/**
 * Whether a network case can be checked by finite differences in float64, and with which value
 * accuracy: the forward pass's {@code 2^-44} (the checker's default) plus the loss's own accuracy
 * from {@link LossAccuracy}. Two kinds of case are left out, because there the check says nothing:
 * a logged probability that is clipped (the delta is then not the derivative of the value, by the
 * kernels' and scikit-learn's convention), and an output so saturated that the value's accuracy is
 * worse than {@link #MAX_VALUE_ACCURACY}: the estimate's resolution {@code 3 eps F / h} with
 * {@code h ~ eps^(1/5)} would then be above {@code 1e-7 F}, which at a threshold of 1e-6 would
 * accept any gradient of size below about {@code 0.1 F}.
 */
final class Checkable {
    /** The worst relative accuracy of the loss value at which a float64 check is still informative. */
    static final double MAX_VALUE_ACCURACY = 1e-10;

    private Checkable() {
    }

    /** The options to check {@code c} with, or null if the case is clipped or too saturated. */
    static CheckOptions options(NetworkCase c) {
        ReferenceMlp net = new ReferenceMlp(c, Precision.F64);
        double[] params = c.parameters();
        double[] p = net.activations(params)[c.shape().layers()];
        double[] y = c.targets();
        if (LossAccuracy.clipped(c.kind(), p, y)) {
            return null;
        }
        double accuracy = LossAccuracy.valueAccuracy(c.kind(), p, y, c.sampleWeights(), c.rows(), c.shape().outputs(),
                net.weightSum(), net.evaluate(params, null), CheckOptions.DEFAULT_VALUE_ACCURACY);
        if (!(accuracy <= MAX_VALUE_ACCURACY)) {
            return null;
        }
        return CheckOptions.defaults().withValueAccuracy(accuracy).withNames(c.layout()::name);
    }
}
