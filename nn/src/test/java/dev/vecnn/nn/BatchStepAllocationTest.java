package dev.vecnn.nn;

import dev.vecnn.kernels.Gemm;
import dev.vecnn.kernels.Loss;
import dev.vecnn.kernels.Warmup;
import dev.vecnn.nn.layer.Transfer;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    @Test
    void miniBatchStepAllocatesNothing() {
        CompiledAllocation counter = CompiledAllocation.counterOrSkip();
        int previousThreads = Gemm.threads();
        Gemm.setThreads(1);
        try {
            measure(counter);
        } finally {
            Gemm.setThreads(previousThreads);
        }
    }

    private static void measure(CompiledAllocation counter) {
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
            // A window of 200 steps must allocate nothing (in one of the windows CompiledAllocation tries).
            long[] step = {t};
            long allocated = counter.least(() -> {
                for (int i = 0; i < 200; i++) {
                    step(engine, order, i % 3, ++step[0]);
                }
            });
            assertEquals(0, allocated, (float32 ? "float32 " : "float64 ") + activation + " steps allocated at least " + allocated
                    + " bytes in each of " + CompiledAllocation.windows() + " windows of 200 steps");
        }
    }

    private static void step(Engine engine, int[] order, int batchIndex, long t) {
        int from = batchIndex * 64;
        int to = Math.min(from + 64, order.length);
        engine.batch(order, from, to, 1e-4);
        engine.adamStep(1e-3, 0.9, 0.999, 1e-8, t);
    }
}
