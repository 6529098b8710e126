package dev.vecnn.bench;

import jdk.incubator.vector.VectorShape;

/** The preferred vector size; in its own class so the runner loads it only when the module is present. */
final class VectorWidth {
    private VectorWidth() {
    }

    static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }
}
