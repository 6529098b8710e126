package dev.vecnn.gradcheck;

import dev.vecnn.kernels.Activation;
import dev.vecnn.nn.layer.NetworkF64;
import dev.vecnn.nn.layer.Transfer;

/**
 * The nn module's own network ({@link NetworkF64}, the layer the estimators train) as a
 * {@link Differentiable} of the flat parameters in gradcheck's {@link ParameterLayout}: each
 * evaluation copies the parameters in, runs {@code lossAndGradient} (forward and backward through
 * the kernels) and copies the gradient back out.
 */
final class NnNetworkObjective {
    private NnNetworkObjective() {
    }

    /** Whether nn offers the activation as a hidden one (scikit-learn's four). */
    static boolean supports(Activation activation) {
        return switch (activation) {
            case IDENTITY, LOGISTIC, TANH, RELU -> true;
            case LEAKY_RELU, SOFTPLUS -> false;
        };
    }

    static Differentiable of(NetworkCase c) {
        NetworkShape shape = c.shape();
        int layers = shape.layers();
        int[] units = new int[layers + 1];
        for (int l = 0; l <= layers; l++) {
            units[l] = shape.width(l);
        }
        NetworkF64 net = new NetworkF64(units, Transfer.of(dev.vecnn.nn.Activation.valueOf(c.activation().name())),
                output(c.kind()), c.kind().loss());
        ParameterLayout layout = c.layout();
        int rows = c.rows();
        net.reserve(rows);
        double[] x = c.inputs();
        double[] y = c.targets();
        double[] w = c.sampleWeights();
        return (params, grad) -> {
            double[] p = net.parameters();
            for (int l = 0; l < layers; l++) {
                System.arraycopy(params, layout.weights(l), p, net.weightOffset(l), units[l] * units[l + 1]);
                System.arraycopy(params, layout.bias(l), p, net.biasOffset(l), units[l + 1]);
            }
            double value = net.lossAndGradient(x, y, w, rows, c.alpha());
            if (grad != null) {
                double[] g = net.gradients();
                for (int l = 0; l < layers; l++) {
                    System.arraycopy(g, net.weightOffset(l), grad, layout.weights(l), units[l] * units[l + 1]);
                    System.arraycopy(g, net.biasOffset(l), grad, layout.bias(l), units[l + 1]);
                }
            }
            return value;
        };
    }

    private static Transfer output(OutputKind kind) {
        return switch (kind.outputActivation()) {
            case "softmax" -> Transfer.SOFTMAX;
            case "logistic" -> Transfer.LOGISTIC;
            case "identity" -> Transfer.IDENTITY;
            case "exp" -> Transfer.EXP;
            default -> throw new IllegalArgumentException("no nn transfer for " + kind);
        };
    }
}
