package dev.vecnn.nn.reference;

import java.util.List;

/**
 * {@code kind=backprop}: one forward and backward pass at fixed weights, no training.
 *
 * @param header           common fields
 * @param activation       hidden activation
 * @param alpha            L2 strength
 * @param hiddenLayerSizes hidden layer widths
 * @param outActivation    softmax, logistic or identity
 * @param coefs            weights, {@code coefs[i]} is fan_in x fan_out
 * @param intercepts       biases, one vector per layer
 * @param loss             loss including the L2 term
 * @param coefGrads        gradient of the loss for each weight matrix
 * @param interceptGrads   gradient of the loss for each bias vector
 * @param output           last-layer activations, n x n_outputs
 */
public record BackpropCase(CaseHeader header, String activation, double alpha,
                           int[] hiddenLayerSizes, String outActivation, List<Matrix> coefs,
                           List<double[]> intercepts, double loss, List<Matrix> coefGrads,
                           List<double[]> interceptGrads, Matrix output) implements ReferenceCase {

    static BackpropCase read(Fields f) {
        return new BackpropCase(CaseHeader.read(f), f.string("activation"), f.number("alpha"),
                f.intVector("hidden_layer_sizes"), f.string("out_activation"),
                f.matrices("coefs"), f.vectors("intercepts"), f.number("loss"),
                f.matrices("coef_grads"), f.vectors("intercept_grads"), f.matrix("output"));
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
