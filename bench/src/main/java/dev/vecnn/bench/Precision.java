package dev.vecnn.bench;

import dev.vecnn.kernels.GemmTolerance;

/** The element type, the benchmark parameter {@code dtype}: {@code f32} or {@code f64}. */
enum Precision {
    F32("f32", GemmTolerance.FLOAT_UNIT_ROUNDOFF),
    F64("f64", GemmTolerance.DOUBLE_UNIT_ROUNDOFF);

    final String id;
    final double unitRoundoff;

    Precision(String id, double unitRoundoff) {
        this.id = id;
        this.unitRoundoff = unitRoundoff;
    }

    static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.id.equals(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("dtype must be f32 or f64, got '" + text + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
