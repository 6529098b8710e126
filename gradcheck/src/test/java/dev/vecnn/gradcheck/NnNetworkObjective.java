package dev.vecnn.gradcheck;

import dev.vecnn.kernels.Activation;
import dev.vecnn.nn.layer.NetworkF32;
import dev.vecnn.nn.layer.NetworkF64;
import dev.vecnn.nn.layer.Transfer;

/**
 * The nn module's own network ({@link NetworkF64}, the layer the estimators train, or its float
 * twin {@link NetworkF32}) as a {@link Differentiable} of the flat parameters in gradcheck's
 * {@link ParameterLayout}: each evaluation copies the parameters in (rounded to float for the
 * float network), runs {@code lossAndGradient} (forward and backward through the kernels) and
 * copies the gradient back out.
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
        int[] units = units(c.shape());
        int layers = units.length - 1;
        NetworkF64 net = new NetworkF64(units, hidden(c), output(c.kind()), c.kind().loss());
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

    /** The float32 network on the same case: inputs, targets and weights rounded to float once. */
    static Differentiable float32(NetworkCase c) {
        int[] units = units(c.shape());
        int layers = units.length - 1;
        NetworkF32 net = new NetworkF32(units, hidden(c), output(c.kind()), c.kind().loss());
        ParameterLayout layout = c.layout();
        int rows = c.rows();
        net.reserve(rows);
        float[] x = narrow(c.inputs());
        float[] y = narrow(c.targets());
        float[] w = c.sampleWeights() == null ? null : narrow(c.sampleWeights());
        return (params, grad) -> {
            float[] p = net.parameters();
            for (int l = 0; l < layers; l++) {
                copy(params, layout.weights(l), p, net.weightOffset(l), units[l] * units[l + 1]);
                copy(params, layout.bias(l), p, net.biasOffset(l), units[l + 1]);
            }
            double value = net.lossAndGradient(x, y, w, rows, c.alpha());
            if (grad != null) {
                float[] g = net.gradients();
                for (int l = 0; l < layers; l++) {
                    for (int j = 0; j < units[l] * units[l + 1]; j++) {
                        grad[layout.weights(l) + j] = g[net.weightOffset(l) + j];
                    }
                    for (int j = 0; j < units[l + 1]; j++) {
                        grad[layout.bias(l) + j] = g[net.biasOffset(l) + j];
                    }
                }
            }
            return value;
        };
    }

    private static int[] units(NetworkShape shape) {
        int[] units = new int[shape.layers() + 1];
        for (int l = 0; l < units.length; l++) {
            units[l] = shape.width(l);
        }
        return units;
    }

    private static Transfer hidden(NetworkCase c) {
        return Transfer.of(dev.vecnn.nn.Activation.valueOf(c.activation().name()));
    }

    private static void copy(double[] from, int at, float[] to, int to0, int length) {
        for (int j = 0; j < length; j++) {
            to[to0 + j] = (float) from[at + j];
        }
    }

    private static float[] narrow(double[] a) {
        float[] out = new float[a.length];
        copy(a, 0, out, 0, a.length);
        return out;
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
