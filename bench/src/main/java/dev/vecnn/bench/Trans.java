package dev.vecnn.bench;

/**
 * Which operands are transposed, the benchmark parameter {@code trans}: the first letter is A,
 * the second B; {@code T} means the operand is stored transposed (row-major storage throughout).
 * The MLP uses all three: forward {@code NN}, weight gradient {@code TN}, back-propagated delta
 * {@code NT}.
 */
enum Trans {
    NN(false, false),
    TN(true, false),
    NT(false, true);

    final boolean a;
    final boolean b;

    Trans(boolean a, boolean b) {
        this.a = a;
        this.b = b;
    }

    static Trans parse(String text) {
        try {
            return valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trans must be NN, TN or NT, got '" + text + "'", e);
        }
    }
}
