package dev.vecnn.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.random.RandomState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the reference cases do not cover: the Poisson output and sample weights. Gradients are
 * checked against central differences, and integer weights against duplicated rows.
 */
class NetworkGradientTest {
    private static final int[] UNITS = {4, 5, 3};
    private static final int ROWS = 7;

    private static NetworkF64 network(Transfer hidden, Transfer out, Loss loss, long seed) {
        NetworkF64 net = new NetworkF64(UNITS, hidden, out, loss);
        double[] p = net.parameters();
        RandomState r = new RandomState(seed);
        r.fillUniform(-0.5, 0.5, p, 0, p.length);
        return net;
    }

    private static double[] targets(Loss loss, RandomState r) {
        double[] y = r.uniform(0, 1, ROWS * UNITS[2]);
        if (loss == Loss.BINARY_LOG_LOSS) {
            for (int i = 0; i < y.length; i++) {
                y[i] = y[i] > 0.5 ? 1 : 0;
            }
        }
        return y;
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource({"TANH, EXP, POISSON", "RELU, IDENTITY, SQUARED", "LOGISTIC, LOGISTIC, BINARY_LOG_LOSS"})
    void weightedGradientMatchesCentralDifferences(Transfer hidden, Transfer out, Loss loss) {
        NetworkF64 net = network(hidden, out, loss, 11);
        RandomState r = new RandomState(12);
        double[] x = r.uniform(-1, 1, ROWS * UNITS[0]);
        double[] y = targets(loss, r);
        double[] w = r.uniform(0.5, 2, ROWS);
        double alpha = 0.3;
        net.reserve(ROWS);
        net.lossAndGradient(x, y, w, ROWS, alpha);
        double[] g = net.gradients().clone();
        double[] p = net.parameters();
        double h = 1e-6;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double up = net.lossAndGradient(x, y, w, ROWS, alpha);
            p[i] = keep - h;
            double down = net.lossAndGradient(x, y, w, ROWS, alpha);
            p[i] = keep;
            double numeric = (up - down) / (2 * h);
            // Central differences err by O(h^2) plus rounding O(eps / h) ~ 1e-10.
            assertEquals(numeric, g[i], 1e-7 * (1 + Math.abs(numeric)), "parameter " + i);
        }
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource({"TANH, EXP, POISSON", "RELU, SOFTMAX, LOG_LOSS"})
    void integerWeightsEqualDuplicatedRows(Transfer hidden, Transfer out, Loss loss) {
        RandomState r = new RandomState(21);
        double[] x = r.uniform(-1, 1, ROWS * UNITS[0]);
        double[] y = r.uniform(0, 1, ROWS * UNITS[2]);
        if (loss == Loss.LOG_LOSS) {
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < UNITS[2]; j++) {
                    y[i * UNITS[2] + j] = j == i % UNITS[2] ? 1 : 0;
                }
            }
        }
        double[] w = new double[ROWS];
        int total = 0;
        for (int i = 0; i < ROWS; i++) {
            w[i] = 1 + i % 3;
            total += (int) w[i];
        }
        double[] xd = new double[total * UNITS[0]];
        double[] yd = new double[total * UNITS[2]];
        int row = 0;
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < (int) w[i]; c++, row++) {
                System.arraycopy(x, i * UNITS[0], xd, row * UNITS[0], UNITS[0]);
                System.arraycopy(y, i * UNITS[2], yd, row * UNITS[2], UNITS[2]);
            }
        }
        NetworkF64 weighted = network(hidden, out, loss, 5);
        NetworkF64 repeated = network(hidden, out, loss, 5);
        weighted.reserve(ROWS);
        repeated.reserve(total);
        double lw = weighted.lossAndGradient(x, y, w, ROWS, 0.1);
        double lr = repeated.lossAndGradient(xd, yd, null, total, 0.1);
        assertEquals(lr, lw, 1e-13 * (1 + Math.abs(lr)));
        double[] gw = weighted.gradients();
        double[] gr = repeated.gradients();
        for (int i = 0; i < gw.length; i++) {
            assertTrue(Math.abs(gw[i] - gr[i]) <= 1e-13 * (1 + Math.abs(gr[i])), "gradient " + i + ": " + gw[i]
                    + " vs " + gr[i]);
        }
    }
}
