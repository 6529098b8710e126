package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Gemm;
import org.junit.jupiter.api.Test;

/**
 * ElementwiseShareBenchmark outside JMH: the three set up (each vector kernel checked against its
 * twin), every operation times all three, and the reported figures follow from the totals. No
 * speed is asserted (that is the benchmark's job).
 */
class ElementwiseShareBenchmarkTest {
    @Test
    void everyOperationTimesTheThreeAndTheFiguresFollowFromTheTotals() {
        int threads = Gemm.threads();
        try {
            for (String kernel : ElementwiseBenchmark.KERNELS) {
                ElementwiseShareBenchmark bench = new ElementwiseShareBenchmark();
                bench.kernel = kernel;
                bench.size = 1 << 16;
                bench.setUp();
                ElementwiseShareBenchmark.Totals totals = new ElementwiseShareBenchmark.Totals();
                totals.bytesPerCall = ElementwiseBenchmark.bytesMoved(kernel, bench.size);
                totals.clear();
                for (int op = 0; op < 4; op++) {
                    bench.run(totals);
                }
                assertTrue(totals.vectorGBs() > 0 && totals.scalarGBs() > 0 && totals.rooflineGBs() > 0, kernel);
                assertEquals(totals.vectorGBs() / totals.rooflineGBs(), totals.vectorOverRoofline(),
                        1e-12 * totals.vectorOverRoofline(), kernel);
                assertEquals(totals.vectorGBs() / totals.scalarGBs(), totals.vectorOverScalar(),
                        1e-12 * totals.vectorOverScalar(), kernel);
                double paired = totals.pairedVectorOverRoofline();
                assertTrue(paired > 0, kernel);
                totals.share = 0.25;
                assertEquals(paired / 4, totals.pairedVectorOverRoofline(), 1e-12 * paired, kernel);
            }
        } finally {
            Gemm.setThreads(threads);
        }
    }

    @Test
    void bothBenchmarksListEveryKernel() throws NoSuchFieldException {
        for (Class<?> type : new Class<?>[] {ElementwiseBenchmark.class, ElementwiseShareBenchmark.class}) {
            String[] listed = type.getField("kernel").getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
            assertEquals(ElementwiseBenchmark.KERNELS, java.util.List.of(listed), type.getSimpleName());
        }
    }

    @Test
    void theRatesAreBytesOverTime() {
        ElementwiseShareBenchmark.Totals totals = new ElementwiseShareBenchmark.Totals();
        totals.bytesPerCall = 1000;
        totals.clear();
        // vector: 4 calls in 1000 ns (4 GB/s); scalar: 2 in 1000 (2); roofline: 5 in 1000 (5).
        totals.add(new long[] {4, 2, 5}, new long[] {1000, 1000, 1000});
        totals.add(new long[] {2, 1, 2}, new long[] {1000, 1000, 1000});
        assertEquals(6000.0 / 2000, totals.vectorGBs(), 1e-12);
        assertEquals(3000.0 / 2000, totals.scalarGBs(), 1e-12);
        assertEquals(7000.0 / 2000, totals.rooflineGBs(), 1e-12);
        assertEquals(6.0 / 7, totals.vectorOverRoofline(), 1e-12);
        assertEquals(2.0, totals.vectorOverScalar(), 1e-12);
        // The operations' own ratios: 4 / 5 and 2 / 2; their median is the mean of the two.
        assertEquals((0.8 + 1.0) / 2, totals.pairedVectorOverRoofline(), 1e-12);
    }
}
