package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Gemm;
import org.junit.jupiter.api.Test;

/**
 * GemmPairBenchmark outside JMH: both sides set up (each checks its product against the
 * reference), every operation times both, the reported figures follow from the totals, and a
 * malformed pair or shape is refused with the argument named. No speed is asserted (that is the
 * benchmark's job); OpenBLAS is not needed (EJML and vecnn at two thread counts are the pairs).
 */
class GemmPairBenchmarkTest {
    @Test
    void everyOperationTimesBothSidesAndTheFiguresFollowFromTheTotals() {
        int threads = Gemm.threads();
        try {
            for (String[] c : new String[][] {{"vecnn@1:ejml@1", "20x30x40", "f32"}, {"vecnn@2:vecnn@1", "67x48x33xTN", "f64"},
                    {"vecnn@1:naive@1", "17x31x5xNT", "f32"}}) {
                GemmPairBenchmark bench = new GemmPairBenchmark();
                bench.pair = c[0];
                bench.shape = c[1];
                bench.dtype = c[2];
                GemmPairBenchmark.Totals totals = new GemmPairBenchmark.Totals();
                bench.setUp();
                String[] dims = c[1].split("x");
                long flops = 2L * Integer.parseInt(dims[0]) * Integer.parseInt(dims[1]) * Integer.parseInt(dims[2]);
                assertEquals(flops, GemmPairBenchmark.flops(c[1]), c[1]);
                totals.flops = flops;
                totals.clear();
                for (int call = 0; call < 5; call++) {
                    bench.run(totals);
                }
                assertTrue(totals.firstGflops() > 0 && totals.secondGflops() > 0, c[0]);
                // speedup = second's time / first's = first's GFLOP/s / second's.
                assertEquals(totals.firstGflops() / totals.secondGflops(), totals.speedup(), 1e-9 * totals.speedup(), c[0]);
                assertTrue(totals.pairedSpeedup() > 0, c[0]);
                double paired = totals.pairedSpeedup();
                totals.share = 0.5;
                assertEquals(paired / 2, totals.pairedSpeedup(), 1e-12 * paired, c[0]);
                bench.tearDown();
            }
        } finally {
            Gemm.setThreads(threads);
        }
    }

    @Test
    void theMedianOfEachOperationsOwnRatioAndTheMeanRates() {
        GemmPairBenchmark.Totals totals = new GemmPairBenchmark.Totals();
        totals.clear();
        totals.flops = 1000;
        totals.add(100, 300, 1);
        totals.add(100, 110, 1);
        totals.add(200, 240, 2);
        assertEquals(1.2, totals.pairedSpeedup(), 1e-12);
        totals.add(100, 130, 1);
        assertEquals((1.2 + 1.3) / 2, totals.pairedSpeedup(), 1e-12);
        assertEquals(780.0 / 500, totals.speedup(), 1e-12);
        // Five products in 500 ns against 780 ns: 2mnk = 1000 flops each.
        assertEquals(5 * 1000 / 500.0, totals.firstGflops(), 1e-12);
        assertEquals(5 * 1000 / 780.0, totals.secondGflops(), 1e-12);
        totals.clear();
        assertEquals(0, totals.pairedSpeedup());
        assertEquals(0, totals.speedup());
    }

    @Test
    void malformedPairsAndShapesAreRefusedNamingTheArgument() {
        assertMessage("pair must be impl@threads:impl@threads", () -> GemmPairBenchmark.parsePair("vecnn@1"));
        assertMessage("impl@threads", () -> GemmPairBenchmark.parsePair("vecnn:openblas@1"));
        assertMessage("threads of 'vecnn@x'", () -> GemmPairBenchmark.parsePair("vecnn@x:ejml@1"));
        assertMessage("itself", () -> GemmPairBenchmark.parsePair("vecnn@1:vecnn@1"));
        assertMessage("ejml once only", () -> GemmPairBenchmark.parsePair("ejml@1:ejml@2"));
        assertMessage("one OpenBLAS kernel set", () -> GemmPairBenchmark.parsePair("openblas@1:openblas-cpu@1"));
        assertMessage("impl must be one of", () -> GemmPairBenchmark.parsePair("vecnn@1:mkl@1"));
        assertMessage("shape must be", () -> GemmPairBenchmark.problem("10x10", "f32"));
        assertMessage("trans must be NN, TN or NT", () -> GemmPairBenchmark.problem("10x10x10xTT", "f32"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
