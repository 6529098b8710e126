package dev.vecnn.kernels.elementwise;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code max |x[i]|} as an integer maximum of the values' bits with the sign bit cleared, for
 * {@link ReductionF32#maxAbs} and its double twin (written here for both precisions because the
 * integer width differs, which the float-to-double generator cannot rename).
 *
 * <p>Why bits: with the sign cleared, a float's bits order as its magnitude does (+0 lowest,
 * infinity above every finite value, NaNs above infinity), so one integer max per vector gives
 * the exact result, a NaN whenever there is one. {@code FloatVector.max} follows
 * {@code Math.max} (NaN and signed zeros) with a longer instruction sequence: the MNIST
 * weights' 78,400 floats took 11.1 us hot in cache, 8 cycles a vector; this takes 2.5 us (double:
 * 22.2 against 6.2-6.6 us, session 13). The maximum of a NaN's bits is a NaN, not necessarily
 * the canonical one. The float and double halves are written out here, not generated from one
 * another: the generator renames float to double but not the integer vector's width.
 */
final class MaxAbsBits {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, FS.vectorShape());
    private static final int FL = FS.length();
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = VectorSpecies.of(long.class, DS.vectorShape());
    private static final int DL = DS.length();

    private MaxAbsBits() {
    }

    static float maxAbs(float[] x, int off, int len) {
        IntVector m0 = IntVector.zero(IS);
        IntVector m1 = m0;
        IntVector m2 = m0;
        IntVector m3 = m0;
        int i = 0;
        // Four independent maxima: the loop runs at the loads' pace, not one max's latency.
        for (; i <= len - 4 * FL; i += 4 * FL) {
            m0 = m0.max(FloatVector.fromArray(FS, x, off + i).reinterpretAsInts()
                    .lanewise(VectorOperators.AND, 0x7fffffff));
            m1 = m1.max(FloatVector.fromArray(FS, x, off + i + FL).reinterpretAsInts()
                    .lanewise(VectorOperators.AND, 0x7fffffff));
            m2 = m2.max(FloatVector.fromArray(FS, x, off + i + 2 * FL).reinterpretAsInts()
                    .lanewise(VectorOperators.AND, 0x7fffffff));
            m3 = m3.max(FloatVector.fromArray(FS, x, off + i + 3 * FL).reinterpretAsInts()
                    .lanewise(VectorOperators.AND, 0x7fffffff));
        }
        for (; i <= len - FL; i += FL) {
            m0 = m0.max(FloatVector.fromArray(FS, x, off + i).reinterpretAsInts()
                    .lanewise(VectorOperators.AND, 0x7fffffff));
        }
        int m = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < len; i++) {
            m = Math.max(m, Float.floatToRawIntBits(x[off + i]) & 0x7fffffff);
        }
        return Float.intBitsToFloat(m);
    }

    static double maxAbs(double[] x, int off, int len) {
        LongVector m0 = LongVector.zero(LS);
        LongVector m1 = m0;
        LongVector m2 = m0;
        LongVector m3 = m0;
        int i = 0;
        for (; i <= len - 4 * DL; i += 4 * DL) {
            m0 = m0.max(DoubleVector.fromArray(DS, x, off + i).reinterpretAsLongs()
                    .lanewise(VectorOperators.AND, 0x7fffffffffffffffL));
            m1 = m1.max(DoubleVector.fromArray(DS, x, off + i + DL).reinterpretAsLongs()
                    .lanewise(VectorOperators.AND, 0x7fffffffffffffffL));
            m2 = m2.max(DoubleVector.fromArray(DS, x, off + i + 2 * DL).reinterpretAsLongs()
                    .lanewise(VectorOperators.AND, 0x7fffffffffffffffL));
            m3 = m3.max(DoubleVector.fromArray(DS, x, off + i + 3 * DL).reinterpretAsLongs()
                    .lanewise(VectorOperators.AND, 0x7fffffffffffffffL));
        }
        for (; i <= len - DL; i += DL) {
            m0 = m0.max(DoubleVector.fromArray(DS, x, off + i).reinterpretAsLongs()
                    .lanewise(VectorOperators.AND, 0x7fffffffffffffffL));
        }
        long m = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < len; i++) {
            m = Math.max(m, Double.doubleToRawLongBits(x[off + i]) & 0x7fffffffffffffffL);
        }
        return Double.longBitsToDouble(m);
    }
}
