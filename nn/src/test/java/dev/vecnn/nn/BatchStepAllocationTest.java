package dev.vecnn.nn;

import dev.vecnn.kernels.Gemm;
import dev.vecnn.kernels.Loss;
import dev.vecnn.kernels.Warmup;
import dev.vecnn.nn.layer.Transfer;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A mini-batch step (gather, forward, loss, backward, Adam update) allocates nothing once the
 * engine is bound: the workspaces are allocated per fit. Measured with the JVM's per-thread
 * allocation counter after the kernels are compiled (interpreted Vector API code boxes every
 * vector, so the count is only meaningful for compiled code). On one thread: handing a share of
 * a large product or update to another thread allocates its task (about a hundred bytes).
 *
 * <p>Sizes that end rows and arrays in partial vectors on purpose: until session 3 a masked store
 * whose vector crossed the end of C took the JDK's per-lane checking path, which boxes, and about
 * one run in three allocated 60 KB per step.
 */
class BatchStepAllocationTest {
    private static final int WINDOWS = 5;

    @Test
    void miniBatchStepAllocatesNothing() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        var counter = (com.sun.management.ThreadMXBean) threads;
        int previousThreads = Gemm.threads();
        Gemm.setThreads(1);
        try {
            measure(counter);
        } finally {
            Gemm.setThreads(previousThreads);
        }
    }

    private static void measure(com.sun.management.ThreadMXBean counter) {
        int features = 37;
        int hidden = 19;
        int outputs = 5;
        int rows = 230;
        int batch = 64;
        Random r = new Random(5);
        double[] x = new double[rows * features];
        double[] y = new double[rows * outputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        for (int i = 0; i < rows; i++) {
            y[i * outputs + r.nextInt(outputs)] = 1;
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = rows - 1 - i;
        }
        // relu, and the transcendental activations whose loops finish a range's last partial vector
        // through a per-thread scratch copy.
        Transfer[] activations = {Transfer.RELU, Transfer.TANH, Transfer.LOGISTIC};
        boolean[] precisions = {false, true, false};
        for (int c = 0; c < activations.length; c++) {
            boolean float32 = precisions[c];
            Transfer activation = activations[c];
            int[] units = {features, hidden, outputs};
            Engine engine = float32 ? new EngineF32(units, activation, Transfer.SOFTMAX, Loss.LOG_LOSS)
                    : new EngineF64(units, activation, Transfer.SOFTMAX, Loss.LOG_LOSS);
            if (float32) {
                Warmup.forFloat();
            } else {
                Warmup.forDouble();
            }
            engine.bind(x, y, null, rows, batch);
            engine.resetOptimizer();
            long t = 0;
            // Enough steps for C2 to compile the step itself, not only the kernels.
            for (int i = 0; i < 20_000; i++) {
                step(engine, order, i % 3, ++t);
            }
            // A window of 200 steps must allocate nothing. Up to WINDOWS windows are tried: in the
            // full suite, other tests' calls can get a kernel deoptimized, and until C2 has compiled
            // it again (in the background, on a busy machine) its interpreted vectors are boxed
            // (seen once in five suite runs: UpdateF32.adam's loads allocating). Boxing in compiled
            // code would allocate in every window and still fail.
            long allocated = -1;
            for (int window = 0; window < WINDOWS && allocated != 0; window++) {
                if (window > 0) {
                    pauseForCompiler();
                }
                long before = counter.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 200; i++) {
                    step(engine, order, i % 3, ++t);
                }
                allocated = counter.getCurrentThreadAllocatedBytes() - before;
            }
            assertEquals(0, allocated, (float32 ? "float32 " : "float64 ") + activation + " steps allocated " + allocated
                    + " bytes in each of " + WINDOWS + " windows of 200 steps");
        }
    }

    private static void pauseForCompiler() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void step(Engine engine, int[] order, int batchIndex, long t) {
        int from = batchIndex * 64;
        int to = Math.min(from + 64, order.length);
        engine.batch(order, from, to, 1e-4);
        engine.adamStep(1e-3, 0.9, 0.999, 1e-8, t);
    }
}
