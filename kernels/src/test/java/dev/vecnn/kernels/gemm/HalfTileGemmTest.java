package dev.vecnn.kernels.gemm;

import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A last row tile of at most half the rows (m mod 12 in 1..6 of a block) takes a 6-row kernel
 * ({@code KernelF32.tileRowsHalf}, {@code tileColumnsHalf}) instead of the 12-row one over a copy
 * padded with zero rows. Each element is the same chain of multiply-adds in the same order, so the
 * result must be bit for bit the 12-row kernel's: every kind of call, A read in place and copied
 * (row-major and transposed), one to three k panels, the one-vector and wide last slivers beside
 * it, and 1 to 3 threads, in both precisions.
 */
class HalfTileGemmTest {
    @Provide
    Arbitrary<Integer> rows() {
        // A remainder of 1..6 rows after whole tiles, and of whole blocks of 144 rows.
        return Arbitraries.oneOf(Arbitraries.of(1, 4, 6, 7, 13, 16, 18, 100, 145, 150, 256, 292),
                Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Integer> columns() {
        // Narrow products read A in place, wide ones copy it; around the vector and sliver widths.
        return Arbitraries.oneOf(Arbitraries.of(1, 10, 16, 17, 32, 33, 48, 50, 64, 65, 100, 256, 257),
                Arbitraries.integers().between(1, 600));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 3, 50, 256, 257, 512, 513, 784),
                Arbitraries.integers().between(1, 1100));
    }

    @Property(tries = 120)
    void halfTilesHaveTheBitsOfTheFullKernel(@ForAll("rows") int m, @ForAll("columns") int n,
                                             @ForAll("depth") int k, @ForAll boolean transA,
                                             @ForAll boolean transB, @ForAll DriverCalls.Op op,
                                             @ForAll boolean useDouble,
                                             @ForAll @IntRange(min = 1, max = 3) int threads,
                                             @ForAll long seed) {
        DriverCalls.Product p = DriverCalls.Product.random(new Random(seed), useDouble, op, transA, transB, m, n,
                k);
        p.assertPathKeepsBits(HalfTileGemmTest::halfTiles, threads, "");
    }

    /** Sets the path's flag in both drivers. */
    private static void halfTiles(boolean on) {
        DriverF32.halfTilesEnabled = on;
        DriverF64.halfTilesEnabled = on;
    }
}
