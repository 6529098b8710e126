package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Gemm;
import org.junit.jupiter.api.Test;

/**
 * EpilogueShareBenchmark outside JMH: every step sets up (which checks the fused result against
 * the separate one), each call times all three ways, and the reported figures follow from the
 * totals. No speed is asserted (that is the benchmark's job).
 */
class EpilogueShareBenchmarkTest {
    @Test
    void everyStepTimesAllThreeWaysAndReportsTheirRatios() {
        int threads = Gemm.threads();
        try {
            for (String step : new String[] {"fwd-784-100-relu", "fwd-100-50-tanh", "fwd-100-50-logistic",
                    "fwd-50-10-softmax", "bwd-50-100-relu", "bwd-50-100-tanh"}) {
                EpilogueShareBenchmark bench = new EpilogueShareBenchmark();
                bench.step = step;
                bench.setUp();
                EpilogueShareBenchmark.Totals totals = new EpilogueShareBenchmark.Totals();
                totals.clear();
                float[] c = null;
                for (int call = 0; call < 3; call++) {
                    c = bench.run(totals);
                }
                assertEquals(200 * Integer.parseInt(step.split("-")[2]), c.length, step);
                assertTrue(totals.gemmMicros() > 0 && totals.fusedMicros() > 0 && totals.separateMicros() > 0, step);
                double percent = 100 * (totals.fusedMicros() / totals.gemmMicros() - 1);
                assertEquals(percent, totals.epiloguePercent(), 1e-9 * Math.abs(percent) + 1e-9, step);
                assertEquals(totals.separateMicros() / totals.fusedMicros(), totals.separateOverFused(), 1e-12, step);
                totals.share = 0.5;
                assertEquals(percent / 2, totals.epiloguePercent(), 1e-9 * Math.abs(percent) + 1e-9, step);
            }
        } finally {
            Gemm.setThreads(threads);
        }
    }
}
