/**
 * A product's shape as the tools here take it: {@code MxNxK}, optionally followed by {@code xTN},
 * {@code xNT} or {@code xTT} (A and B transposed as stored), with the leading dimensions of
 * tightly stored operands. Shared by the single-file programs of this folder (the JDK 22+ source
 * launcher compiles it alongside them).
 */
record ProductShape(int m, int n, int k, boolean transA, boolean transB) {
    static ProductShape parse(String text) {
        String[] p = text.split("x");
        boolean flags = p.length > 3;
        return new ProductShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                flags && p[3].charAt(0) == 'T', flags && p[3].charAt(1) == 'T');
    }

    int lda() {
        return transA ? m : k;
    }

    int ldb() {
        return transB ? k : n;
    }
}
