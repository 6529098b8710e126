package dev.vecnn.bench;

import java.util.SplittableRandom;

/**
 * One benchmark input: op(A) is {@code m x k}, op(B) is {@code k x n}, both row-major and stored
 * transposed where {@link Trans} says so, filled with seeded uniform values in [-1, 1].
 *
 * <p>The values are kept as doubles even for {@code f32}, where they are exactly representable
 * floats: the check computes the magnitude {@code |A| |B|} in double from the very same values.
 */
final class GemmProblem {
    private static final long SEED_A = 0x5EED_A;
    private static final long SEED_B = 0x5EED_B;

    final GemmShape shape;
    final Trans trans;
    final Precision precision;
    /** Leading dimensions of the stored A and B; C is dense, {@code ldc = n}. */
    final int lda;
    final int ldb;
    private final double[] a;
    private final double[] b;

    private GemmProblem(GemmShape shape, Trans trans, Precision precision) {
        this.shape = shape;
        this.trans = trans;
        this.precision = precision;
        int m = shape.m();
        int n = shape.n();
        int k = shape.k();
        lda = trans.a ? m : k;
        ldb = trans.b ? k : n;
        a = uniform(m * k, SEED_A, precision);
        b = uniform(k * n, SEED_B, precision);
    }

    /** Rows of the stored A: op(A) is m x k, so A stored transposed has k rows. Its columns are {@link #lda}. */
    int aRows() {
        return trans.a ? shape.k() : shape.m();
    }

    /** Rows of the stored B: op(B) is k x n, so B stored transposed has n rows. Its columns are {@link #ldb}. */
    int bRows() {
        return trans.b ? shape.n() : shape.k();
    }

    static GemmProblem random(GemmShape shape, Trans trans, Precision precision) {
        return new GemmProblem(shape, trans, precision);
    }

    /** The stored A as doubles; callers must not modify it. */
    double[] a() {
        return a;
    }

    /** The stored B as doubles; callers must not modify it. */
    double[] b() {
        return b;
    }

    /** A fresh float copy of the stored A (exact for {@code f32} problems). */
    float[] aFloats() {
        return toFloats(a);
    }

    /** A fresh float copy of the stored B (exact for {@code f32} problems). */
    float[] bFloats() {
        return toFloats(b);
    }

    @Override
    public String toString() {
        return shape + " " + trans + " " + precision;
    }

    private static double[] uniform(int length, long seed, Precision precision) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            double v = random.nextDouble(-1, 1);
            values[i] = precision == Precision.F32 ? (float) v : v;
        }
        return values;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
