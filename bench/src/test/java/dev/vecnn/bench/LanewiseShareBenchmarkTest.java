package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * LanewiseShareBenchmark outside JMH: every function set up (each result checked against
 * StrictMath), every operation times the three, and the reported figures follow from the totals.
 * No speed is asserted (that is the benchmark's job).
 */
class LanewiseShareBenchmarkTest {
    @Test
    void everyOperationTimesTheThreeAndTheFiguresFollowFromTheTotals() {
        for (String function : LanewiseShareBenchmark.FUNCTIONS) {
            LanewiseShareBenchmark bench = new LanewiseShareBenchmark();
            bench.function = function;
            bench.length = 256;
            bench.setUp();
            LanewiseShareBenchmark.Totals totals = new LanewiseShareBenchmark.Totals();
            totals.valuesPerCall = bench.length;
            totals.clear();
            for (int op = 0; op < 4; op++) {
                bench.run(totals);
            }
            assertTrue(totals.vectorNsPerValue() > 0 && totals.lanewiseNsPerValue() > 0
                    && totals.scalarNsPerValue() > 0, function);
            assertEquals(totals.lanewiseNsPerValue() / totals.vectorNsPerValue(), totals.lanewiseOverVector(),
                    1e-12 * totals.lanewiseOverVector(), function);
            assertEquals(totals.scalarNsPerValue() / totals.vectorNsPerValue(), totals.scalarOverVector(),
                    1e-12 * totals.scalarOverVector(), function);
            assertTrue(totals.pairedLanewiseOverVector() > 0, function);
        }
    }

    @Test
    void theFiguresAreTimePerValue() {
        LanewiseShareBenchmark.Totals totals = new LanewiseShareBenchmark.Totals();
        totals.valuesPerCall = 100;
        totals.clear();
        // vector: 4 calls in 800 ns (2 ns per value); lanewise: 2 in 1000 (5); scalar: 1 in 2000 (20).
        totals.add(new long[] {4, 2, 1}, new long[] {800, 1000, 2000});
        // vector: 2 calls in 800 ns (4 ns per value); lanewise: 2 in 800 (4); scalar: 1 in 2000 (20).
        totals.add(new long[] {2, 2, 1}, new long[] {800, 800, 2000});
        assertEquals(1600.0 / 600, totals.vectorNsPerValue(), 1e-12);
        assertEquals(1800.0 / 400, totals.lanewiseNsPerValue(), 1e-12);
        assertEquals(4000.0 / 200, totals.scalarNsPerValue(), 1e-12);
        assertEquals((1800.0 / 400) / (1600.0 / 600), totals.lanewiseOverVector(), 1e-12);
        // The operations' own ratios: 5 / 2 and 4 / 4; their median is the mean of the two.
        assertEquals((2.5 + 1.0) / 2, totals.pairedLanewiseOverVector(), 1e-12);
        totals.share = 0.5;
        assertEquals((2.5 + 1.0) / 4, totals.pairedLanewiseOverVector(), 1e-12);
    }

    @Test
    void anUnknownFunctionOrALengthThatIsNoMultipleOfTheVectorFailsTheSetup() {
        LanewiseShareBenchmark bench = new LanewiseShareBenchmark();
        bench.function = "sinh";
        bench.length = 256;
        assertThrows(IllegalArgumentException.class, bench::setUp);
        bench.function = "exp";
        bench.length = 100;
        assertThrows(IllegalArgumentException.class, bench::setUp);
    }
}
