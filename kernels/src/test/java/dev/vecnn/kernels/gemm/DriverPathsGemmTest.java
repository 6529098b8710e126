package dev.vecnn.kernels.gemm;

import java.util.Random;
import java.util.function.Consumer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Driver paths that take a product another way must give it bit for bit as the way they replace,
 * for every kind of call, depths of one to four panels of either A layout (read in place or
 * copied, row-major or transposed), full and partial tiles, the wide last slivers, offsets,
 * leading dimensions larger than the rows, and 1 to 3 threads, in both precisions:
 * <ul>
 *   <li>{@link Path#ADD_IN_KERNEL}: a full tile of a later k panel (or of a first panel with alpha 1
 *       and beta 1) adds itself to C in the kernel's spill ({@code KernelF32.tileRowsAdd} and its
 *       kin): {@code C + acc}, the sum the tile store forms for alpha 1 and beta 1;</li>
 *   <li>{@link Path#HALF_TILES}: a last row tile of at most six rows (m mod 12 in 1..6 of a block)
 *       runs a 6-row kernel ({@code KernelF32.tileRowsHalf}, {@code tileColumnsHalf}) instead of
 *       the 12-row one over a copy padded with zero rows: each element the same chain of
 *       multiply-adds.</li>
 * </ul>
 * (The tail columns have a test of their own, {@link TailColumnsGemmTest}: they need n of a
 * particular form.)
 */
class DriverPathsGemmTest {
    /** A path and how to switch it in both drivers. */
    enum Path {
        ADD_IN_KERNEL(on -> {
            DriverF32.addInKernelEnabled = on;
            DriverF64.addInKernelEnabled = on;
        }),
        HALF_TILES(on -> {
            DriverF32.halfTilesEnabled = on;
            DriverF64.halfTilesEnabled = on;
        });

        final Consumer<Boolean> flag;

        Path(Consumer<Boolean> flag) {
            this.flag = flag;
        }
    }

    @Provide
    Arbitrary<Integer> rows() {
        // Whole tiles and blocks, and remainders of 1..6 rows (256, 100) and more (200) after them.
        return Arbitraries.oneOf(Arbitraries.of(1, 4, 6, 7, 11, 12, 13, 16, 18, 24, 25, 100, 144, 145, 150, 200, 256,
                        292),
                Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Integer> columns() {
        // Narrow products read A in place, wide ones copy it; around the vector and sliver widths.
        return Arbitraries.oneOf(Arbitraries.of(1, 10, 15, 16, 17, 31, 32, 33, 47, 48, 49, 50, 64, 65, 100, 256, 257),
                Arbitraries.integers().between(1, 600));
    }

    @Provide
    Arbitrary<Integer> depth() {
        // One panel, and two to four of a copied A (double 256 deep, float 512) or of one read in place.
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 3, 50, 256, 257, 512, 513, 784, 1025, 1100),
                Arbitraries.integers().between(1, 1300));
    }

    @Property(tries = 240)
    void eachPathHasTheBitsOfTheWayItReplaces(@ForAll Path path, @ForAll("rows") int m, @ForAll("columns") int n,
                                              @ForAll("depth") int k, @ForAll boolean transA,
                                              @ForAll boolean transB, @ForAll DriverCalls.Op op,
                                              @ForAll boolean useDouble,
                                              @ForAll @IntRange(min = 1, max = 3) int threads,
                                              @ForAll long seed) {
        DriverCalls.Product p = DriverCalls.Product.random(new Random(seed), useDouble, op, transA, transB, m, n,
                k);
        p.assertPathKeepsBits(path.flag, threads, path.name());
    }
}
