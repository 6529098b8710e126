package dev.vecnn.kernels;

import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Losses} may write the delta over p or over y. Uses no vector class, so it also runs in
 * the surefire execution {@code scalar-fallback}, on the scalar twins: they wrote delta before
 * reading p and y for the loss term until session 11, which only that execution shows.
 */
class LossesInPlaceTest {
    @Test
    void deltaMayBeComputedInPlaceOfPOrY() {
        Random r = new Random(3);
        int rows = 7;
        int cols = 19;
        for (Loss loss : Loss.values()) {
            double[] p = new double[rows * cols];
            double[] y = new double[rows * cols];
            double[] w = new double[rows];
            for (int i = 0; i < p.length; i++) {
                p[i] = 0.05 + 0.9 * r.nextDouble();
                y[i] = r.nextInt(2);
            }
            for (int i = 0; i < rows; i++) {
                w[i] = 0.5 + r.nextDouble();
            }
            double[] delta = new double[p.length];
            double value = Losses.loss(loss, p, y, w, rows, cols, delta);
            double[] inP = p.clone();
            assertEquals(value, Losses.loss(loss, inP, y, w, rows, cols, inP), loss + " double, delta = p");
            assertArrayEquals(delta, inP, loss + " double, delta written over p");
            double[] inY = y.clone();
            assertEquals(value, Losses.loss(loss, p, inY, w, rows, cols, inY), loss + " double, delta = y");
            assertArrayEquals(delta, inY, loss + " double, delta written over y");

            float[] pf = toFloat(p);
            float[] yf = toFloat(y);
            float[] wf = toFloat(w);
            float[] deltaF = new float[p.length];
            float valueF = Losses.loss(loss, pf, yf, wf, rows, cols, deltaF);
            float[] inPf = pf.clone();
            assertEquals(valueF, Losses.loss(loss, inPf, yf, wf, rows, cols, inPf), loss + " float, delta = p");
            assertArrayEquals(deltaF, inPf, loss + " float, delta written over p");
            float[] inYf = yf.clone();
            assertEquals(valueF, Losses.loss(loss, pf, inYf, wf, rows, cols, inYf), loss + " float, delta = y");
            assertArrayEquals(deltaF, inYf, loss + " float, delta written over y");
        }
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
