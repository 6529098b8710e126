package dev.vecnn.gradcheck.example;

import dev.vecnn.gradcheck.Differentiable;
import dev.vecnn.gradcheck.GradientCheck;
import dev.vecnn.gradcheck.Report;
import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import dev.vecnn.kernels.Gemm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of {@code docs/gradcheck.md}: checking your own layer in a few lines, using only
 * the public API. The layer is {@code Y = tanh(X W)} (X is 4 x 3, W is 3 x 2) and the loss
 * {@code sum(Y * G)} for a fixed upstream gradient G, so dL/dW = X^T (G * (1 - Y^2)).
 */
class DenseLayerCheckExample {
    static final int ROWS = 4;
    static final int IN = 3;
    static final int OUT = 2;
    static final double[] X = {0.5, -1, 0.25, 1.5, 0.1, -0.3, -0.7, 0.8, 2, 0, 0.4, -1.2};
    static final double[] G = {1, -0.5, 0.3, 0.2, -1, 0.7, 0.1, 0.9};

    /** The layer's loss as a function of W, with its backward pass as the analytic gradient. */
    static final Differentiable LAYER = (w, grad) -> {
        double[] y = new double[ROWS * OUT];
        Gemm.dgemm(ROWS, OUT, IN, X, w, y);                              // forward: Y = tanh(X W)
        Activations.forward(Activation.TANH, y, 0, y.length);
        double loss = 0;
        for (int i = 0; i < y.length; i++) {
            loss += y[i] * G[i];
        }
        if (grad != null) {                                              // backward
            double[] delta = G.clone();
            Activations.derivative(Activation.TANH, 0, y, delta, 0, delta.length);
            Gemm.dgemm(true, false, IN, OUT, ROWS, 1, X, 0, IN, delta, 0, OUT, 0, grad, 0, OUT);
        }
        return loss;
    };

    @Test
    void denseLayerGradientIsRight() {
        double[] w = {0.2, -0.4, 0.7, 0.1, -0.3, 0.5};
        Report report = GradientCheck.check(LAYER, w);
        assertTrue(report.passed(), report::toString);
    }
}
