package dev.vecnn.bench;

/**
 * The size of one product: C is {@code m x n} and the inner dimension is {@code k}, written
 * {@code MxNxK} as in the benchmark parameter {@code shape} ({@code 200x100x784}).
 */
record GemmShape(int m, int n, int k) {
    GemmShape {
        if (m < 1 || n < 1 || k < 1) {
            throw new IllegalArgumentException("shape dimensions must be >= 1, got " + m + "x" + n + "x" + k);
        }
    }

    /** Parses {@code MxNxK}, e.g. {@code 200x100x784}. */
    static GemmShape parse(String text) {
        String[] parts = text.trim().split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("shape must be MxNxK (e.g. 200x100x784), got '" + text + "'");
        }
        try {
            return new GemmShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shape must be MxNxK (e.g. 200x100x784), got '" + text + "'", e);
        }
    }

    /** Floating-point operations of one product: a multiply and an add per term. */
    double flops() {
        return 2.0 * m * n * k;
    }

    /** Multiply-adds of one product, the cost that decides which sizes are worth a slow peer. */
    long multiplyAdds() {
        return (long) m * n * k;
    }

    @Override
    public String toString() {
        return m + "x" + n + "x" + k;
    }
}
