package dev.vecnn.bench;

/** Float results widened to double, the one form {@link GemmCheck} reads. */
final class Widen {
    private Widen() {
    }

    static double[] floats(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
