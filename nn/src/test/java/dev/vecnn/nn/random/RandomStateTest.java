package dev.vecnn.nn.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.nn.reference.RandomStateVector;
import dev.vecnn.nn.reference.ReferenceCases;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** numpy's legacy RandomState reproduced bit for bit, checked against numpy 1.24's own output. */
class RandomStateTest {

    static Stream<RandomStateVector> vectors() {
        List<RandomStateVector> all = ReferenceCases.randomStateVectors();
        assertTrue(all.size() >= 5, "expected the five seeds of numpy-random-state.json");
        return all.stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("vectors")
    void firstRawOutputsMatchNumpy(RandomStateVector v) {
        RandomState rs = new RandomState(v.seed());
        long[] got = new long[v.firstUint32().length];
        for (int i = 0; i < got.length; i++) {
            got[i] = rs.nextUint32();
        }
        assertArrayEquals(v.firstUint32(), got);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("vectors")
    void uniformThenShufflesMatchNumpyBitForBit(RandomStateVector v) {
        RandomState rs = new RandomState(v.seed());
        double[] u = rs.uniform(-0.5, 2.0, v.uniform().length);
        for (int i = 0; i < u.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v.uniform()[i]), Double.doubleToRawLongBits(u[i]),
                    "uniform[" + i + "]: numpy " + v.uniform()[i] + ", ours " + u[i]);
        }
        int[] a13 = arange(13);
        rs.shuffle(a13);
        assertArrayEquals(v.shuffle13(), a13);
        int[] a1000 = arange(1000);
        rs.shuffle(a1000);
        assertArrayEquals(v.shuffle1000Head(), Arrays.copyOf(a1000, v.shuffle1000Head().length));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("vectors")
    void permutationIsArangeShuffled(RandomStateVector v) {
        RandomState rs = new RandomState(v.seed());
        rs.uniform(-0.5, 2.0, v.uniform().length);
        assertArrayEquals(v.shuffle13(), rs.permutation(13));
        int[] source = arange(1000);
        int[] p = rs.permutation(source);
        assertArrayEquals(arange(1000), source, "permutation(x) must not touch x");
        assertArrayEquals(v.shuffle1000Head(), Arrays.copyOf(p, v.shuffle1000Head().length));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("vectors")
    void fillUniformIsTheSameStreamAsUniform(RandomStateVector v) {
        double[] out = new double[9];
        new RandomState(v.seed()).fillUniform(-0.5, 2.0, out, 1, 7);
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[8]);
        assertArrayEquals(v.uniform(), Arrays.copyOfRange(out, 1, 8));
    }

    @Property(tries = 200)
    void shuffleIsAPermutation(@ForAll @IntRange(min = 0, max = 300) int n,
                               @ForAll @LongRange(min = 0, max = RandomState.MAX_SEED) long seed) {
        int[] p = new RandomState(seed).permutation(n);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        assertArrayEquals(arange(n), sorted);
    }

    @Property(tries = 200)
    void randomIntervalStaysInRangeAndZeroConsumesNothing(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int max,
            @ForAll @LongRange(min = 0, max = RandomState.MAX_SEED) long seed) {
        RandomState a = new RandomState(seed);
        int r = a.randomInterval(max);
        assertTrue(r >= 0 && r <= max, r + " outside [0, " + max + "]");
        RandomState b = new RandomState(seed);
        RandomState c = new RandomState(seed);
        assertEquals(0, b.randomInterval(0));
        assertEquals(c.nextUint32(), b.nextUint32());
    }

    @Property(tries = 100)
    void doublesAreInTheHalfOpenUnitInterval(
            @ForAll @LongRange(min = 0, max = RandomState.MAX_SEED) long seed) {
        RandomState rs = new RandomState(seed);
        for (int i = 0; i < 100; i++) {
            double d = rs.nextDouble();
            assertTrue(d >= 0.0 && d < 1.0, "draw " + d);
        }
    }

    @Property(tries = 50)
    void choiceWithoutReplacementIsThePermutationHead(
            @ForAll @IntRange(min = 0, max = 50) int population,
            @ForAll @IntRange(min = 0, max = 50) int size,
            @ForAll @LongRange(min = 0, max = RandomState.MAX_SEED) long seed) {
        if (size > population) {
            assertThrows(IllegalArgumentException.class,
                    () -> new RandomState(seed).choiceWithoutReplacement(population, size));
            return;
        }
        int[] expected = Arrays.copyOf(new RandomState(seed).permutation(population), size);
        assertArrayEquals(expected, new RandomState(seed).choiceWithoutReplacement(population, size));
    }

    @org.junit.jupiter.api.Test
    void seedsOutsideNumpysRangeAreRejected() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> new RandomState(-1));
        assertTrue(low.getMessage().contains("2**32 - 1"), low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomState(RandomState.MAX_SEED + 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomState(0).randomInterval(-1));
        assertThrows(IllegalArgumentException.class, () -> new RandomState(0).permutation(-1));
    }

    static int[] arange(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
