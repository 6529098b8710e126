package dev.vecnn.kernels;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * The SIMD GEMM against its scalar twin on random shapes that favour the awkward sizes: 0, 1,
 * primes, and sizes around the vector length, the register tile (MR, NR) and the panel depth KC.
 */
class GemmPropertiesTest {
    /** Float lanes of this machine's preferred vectors; double has half as many (also covered). */
    private static final int L = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
    private static final int MR = 12;
    private static final int NR = 2 * L;
    private static final int KC = 512;

    @Provide
    Arbitrary<Integer> dim() {
        Arbitrary<Integer> awkward = Arbitraries.of(0, 1, 2, 3, 7, 13, 31, 97, 127, 257, 263,
                L - 1, L, L + 1, 2 * L + 1, 4 * L - 1, 4 * L + 1, L / 2 - 1, L / 2 + 1,
                MR - 1, MR, MR + 1, NR - 1, NR + 1, KC - 1, KC + 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, awkward),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 300)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 40)));
    }

    @Provide
    Arbitrary<Double> scalar() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, 1.0, -1.0, 0.5),
                Arbitraries.doubles().between(-2, 2));
    }

    @Property(tries = 300)
    void sgemmMatchesReference(@ForAll("dim") int m, @ForAll("dim") int n, @ForAll("dim") int k,
                               @ForAll boolean transA, @ForAll boolean transB,
                               @ForAll("scalar") double alpha, @ForAll("scalar") double beta,
                               @ForAll @IntRange(max = 5) int offset, @ForAll @IntRange(max = 7) int padding) {
        GemmCase c = GemmCase.random(transA, transB, m, n, k, alpha, beta, offset, padding, 31L * m + 7L * n + k);
        collect(c);
        c.assertClose(c.runFloat(true), c.runFloat(false), true);
    }

    @Property(tries = 300)
    void dgemmMatchesReference(@ForAll("dim") int m, @ForAll("dim") int n, @ForAll("dim") int k,
                               @ForAll boolean transA, @ForAll boolean transB,
                               @ForAll("scalar") double alpha, @ForAll("scalar") double beta,
                               @ForAll @IntRange(max = 5) int offset, @ForAll @IntRange(max = 7) int padding) {
        GemmCase c = GemmCase.random(transA, transB, m, n, k, alpha, beta, offset, padding, 17L * m + 5L * n + k);
        collect(c);
        c.assertClose(c.runDouble(true), c.runDouble(false), false);
    }

    /** Shows in the report that ragged edges and multi-panel depths were really exercised. */
    private static void collect(GemmCase c) {
        Statistics.label("m % MR").collect(c.m() == 0 ? "m=0" : c.m() % MR == 0 ? "full" : "ragged");
        Statistics.label("n % NR").collect(c.n() == 0 ? "n=0" : c.n() % NR == 0 ? "full" : "ragged");
        Statistics.label("k panels").collect(c.k() == 0 ? "k=0" : c.k() > KC ? "several" : "one");
        Statistics.label("trans").collect((c.transA() ? "T" : "N") + (c.transB() ? "T" : "N"));
    }
}
