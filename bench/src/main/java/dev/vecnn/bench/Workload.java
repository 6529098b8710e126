package dev.vecnn.bench;

/** A shape with its transposes: a row of the table before precision and threads are chosen. */
record Workload(GemmShape shape, Trans trans) {
    @Override
    public String toString() {
        return shape + " " + trans;
    }
}
