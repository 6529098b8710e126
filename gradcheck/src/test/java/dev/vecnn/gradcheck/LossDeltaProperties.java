package dev.vecnn.gradcheck;

import java.util.SplittableRandom;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import dev.vecnn.kernels.Losses;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each loss's output delta, divided by the weight sum S, is the gradient of the loss value with
 * respect to the pre-activation outputs z of its output activation: softmax log-loss and logistic
 * binary log-loss w.r.t. the logits, squared error w.r.t. the identity output, Poisson w.r.t. the
 * linear output of the exp (log link) activation. Checked by finite differences on ragged
 * {@code rows x cols}, with and without sample weights.
 *
 * <p>Value accuracy: as derived in {@link LossAccuracy}; logits in {@code [-2, 2]} keep every
 * probability far from clipping.
 */
class LossDeltaProperties {
    @Property
    void deltaIsTheGradientOfTheLoss(@ForAll OutputKind kind, @ForAll("rows") int rows,
                                     @ForAll @IntRange(min = 1, max = 17) int cols, @ForAll boolean weighted,
                                     @ForAll long seed) {
        int outs = kind == OutputKind.BINARY ? 1 : Math.max(cols, kind.minOutputs());
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = new double[rows * outs];
        for (int i = 0; i < z.length; i++) {
            z[i] = 4 * r.nextDouble() - 2;
        }
        double[] y = kind.targets(r, rows, outs, 1);
        double[] w = weighted ? new double[rows] : null;
        double s = rows;
        if (weighted) {
            s = 0;
            for (int i = 0; i < rows; i++) {
                w[i] = 0.1 + 1.9 * r.nextDouble();
                s += w[i];
            }
        }
        double weightSum = s;
        Differentiable loss = (x, grad) -> {
            double[] p = output(kind, x, rows, outs);
            double[] delta = new double[p.length];
            double value = Losses.loss(kind.loss(), p, y, w, rows, outs, delta);
            if (grad != null) {
                for (int i = 0; i < delta.length; i++) {
                    grad[i] = delta[i] / weightSum;
                }
            }
            return value;
        };
        double value = loss.evaluate(z, null);
        double accuracy = LossAccuracy.valueAccuracy(kind, output(kind, z, rows, outs), y, w, rows, outs, weightSum,
                value, 0);
        Assume.that(accuracy < 1e-4);
        CheckOptions options = CheckOptions.defaults().withValueAccuracy(Math.max(0x1p-53, accuracy))
                .withNames(i -> "z[" + i / outs + "," + i % outs + "]");
        Report report = GradientCheck.check(loss, z, options);
        assertTrue(report.passed(), () -> kind + " " + kind.loss() + " rows " + rows + " cols " + outs + " weighted "
                + weighted + " seed " + seed + ":\n" + report);
        Statistics.label("elements mod 4").collect(z.length % 4);
        Statistics.label("kind").collect(kind);
    }

    static double[] output(OutputKind kind, double[] z, int rows, int cols) {
        double[] p = z.clone();
        switch (kind) {
            case MULTICLASS -> Activations.softmax(p, 0, rows, cols);
            case BINARY, MULTILABEL -> Activations.forward(Activation.LOGISTIC, p, 0, p.length);
            case REGRESSION -> { }
            case POISSON -> {
                for (int i = 0; i < p.length; i++) {
                    p[i] = Math.exp(p[i]);
                }
            }
        }
        return p;
    }

    @Provide
    Arbitrary<Integer> rows() {
        return NetworkArbitraries.batchSizes();
    }
}
