package dev.vecnn.gradcheck;

/**
 * Whether a network case can be checked by finite differences in float64, and with which value
 * accuracy: {@link NetworkCase#checkOptions(double[], double)} (which says why cases are left
 * out) on the outputs and value of the reference network.
 */
final class Checkable {
    private Checkable() {
    }

    /** The options to check {@code c} with, or null if the case is clipped or too saturated. */
    static CheckOptions options(NetworkCase c) {
        ReferenceMlp net = new ReferenceMlp(c, Precision.F64);
        double[] params = c.parameters();
        double[] p = net.activations(params)[c.shape().layers()];
        return c.checkOptions(p, net.evaluate(params, null)).orElse(null);
    }
}
