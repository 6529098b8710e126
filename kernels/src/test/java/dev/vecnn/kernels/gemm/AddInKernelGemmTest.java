package dev.vecnn.kernels.gemm;

import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A full tile of a later k panel (or of a first panel with alpha 1 and beta 1) adds itself to C
 * in the kernel's spill ({@code KernelF32.tileRowsAdd} and its kin): {@code C + acc}, the sum the
 * tile store forms for alpha 1 and beta 1. So the result must be bit for bit the one with that
 * addition left to the tile store: for every kind of call, depths of one to four panels of either
 * A layout (read in place or copied), full and partial tiles, the wide last slivers, offsets,
 * leading dimensions larger than the rows, and 1 to 3 threads, in both precisions.
 */
class AddInKernelGemmTest {
    @Provide
    Arbitrary<Integer> rows() {
        return Arbitraries.oneOf(Arbitraries.of(1, 6, 11, 12, 13, 24, 25, 144, 145, 200),
                Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Integer> columns() {
        // Narrow products read A in place, wide ones copy it; around the vector and sliver widths.
        return Arbitraries.oneOf(Arbitraries.of(1, 10, 15, 16, 17, 31, 32, 33, 47, 48, 49, 50, 64, 65, 100, 257),
                Arbitraries.integers().between(1, 600));
    }

    @Provide
    Arbitrary<Integer> depth() {
        // One panel, and two to four of a copied A (double 256 deep, float 512) or of one read in place.
        return Arbitraries.oneOf(Arbitraries.of(1, 256, 257, 512, 513, 784, 1025, 1100),
                Arbitraries.integers().between(1, 1300));
    }

    @Property(tries = 120)
    void addingInTheKernelHasTheBitsOfTheTileStore(@ForAll("rows") int m, @ForAll("columns") int n,
                                                   @ForAll("depth") int k, @ForAll boolean transA,
                                                   @ForAll boolean transB, @ForAll DriverCalls.Op op,
                                                   @ForAll boolean useDouble,
                                                   @ForAll @IntRange(min = 1, max = 3) int threads,
                                                   @ForAll long seed) {
        DriverCalls.Product p = DriverCalls.Product.random(new Random(seed), useDouble, op, transA, transB, m, n,
                k);
        p.assertPathKeepsBits(AddInKernelGemmTest::addInKernel, threads, "");
    }

    /** Sets the path's flag in both drivers. */
    private static void addInKernel(boolean on) {
        DriverF32.addInKernelEnabled = on;
        DriverF64.addInKernelEnabled = on;
    }
}
