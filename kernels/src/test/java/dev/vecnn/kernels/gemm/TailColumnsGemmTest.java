package dev.vecnn.kernels.gemm;

import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The last n mod L columns of a product whose A is in the Columns layout go to a tail kernel
 * instead of a sliver: {@link TailColumnsF32} for a transposed A read in place (over whole blocks
 * of rows), {@link TailKernelF32} for a copied A (tile by tile). Each element is still one chain
 * of fused multiply-adds in ascending k, so the result must be bit for bit the one with the tail
 * kernels switched off: for plain products with any alpha and beta, the fused forward and
 * backward epilogues, the weight gradient's scaled addend, several k panels, partial row tiles,
 * offsets and leading dimensions larger than the rows, and 1 to 3 threads, in both precisions.
 */
class TailColumnsGemmTest {
    @Provide
    Arbitrary<Integer> rows() {
        // Around the 12-row tile, pairs of tiles, and the 144-row block.
        return Arbitraries.oneOf(Arbitraries.of(1, 11, 12, 13, 23, 24, 25, 36, 100, 143, 144, 145, 784),
                Arbitraries.integers().between(1, 400));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 200, 513, 1100), Arbitraries.integers().between(1, 600));
    }

    @Property(tries = 150)
    void tailColumnsHaveTheBitsOfTheSlivers(@ForAll("rows") int m, @ForAll("depth") int k,
                                            @ForAll @IntRange(min = 0, max = 20) int vectors,
                                            @ForAll @IntRange(min = 1, max = 4) int tail,
                                            @ForAll boolean transA, @ForAll boolean transB, @ForAll DriverCalls.Op op,
                                            @ForAll boolean useDouble, @ForAll @IntRange(min = 1, max = 3) int threads,
                                            @ForAll long seed) {
        int lanes = useDouble ? KernelF64.L : KernelF32.L;
        int maxTail = useDouble ? TailKernelF64.MAX_WIDTH : TailKernelF32.MAX_WIDTH;
        // n = whole vectors plus a remainder of 1 .. L / 4 (not one vector: that keeps the sliver);
        // wide ones (A packed) also without transA.
        int n = (vectors == 1 ? 2 : vectors) * lanes + 1 + (tail - 1) % maxTail;
        if (!transA && n <= 8 * 2 * lanes) {
            n += 9 * 2 * lanes;
        }
        int main = n - n % lanes;
        assertTrue((useDouble ? TailKernelF64.width(n) : TailKernelF32.width(n)) > 0, "n = " + n + " has a tail");
        DriverCalls.Product p = DriverCalls.Product.random(new Random(seed), useDouble, op, transA, transB, m, n,
                k);
        p.assertPathKeepsBits(TailColumnsGemmTest::tail, threads, "tail from column " + main);
    }

    /** Sets the path's flag in both drivers. */
    private static void tail(boolean on) {
        DriverF32.tailEnabled = on;
        DriverF64.tailEnabled = on;
    }
}
