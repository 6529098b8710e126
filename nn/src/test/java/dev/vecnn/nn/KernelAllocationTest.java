package dev.vecnn.nn;

import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.Activations;
import dev.vecnn.kernels.FusedGemm;
import dev.vecnn.kernels.Gemm;
import dev.vecnn.kernels.Loss;
import dev.vecnn.kernels.Losses;
import dev.vecnn.kernels.VectorSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kernel with vector math (fused forward and backward GEMMs for each activation, plain
 * products with a four-vector sliver and a transposed B, the plain
 * activation passes, each loss, softmax) allocates nothing once compiled, with all of them hot in
 * one JVM and both precisions: the case where C2 has the most to inline. A call C2 refuses to
 * inline boxes the vectors it passes (see the kernels' CompileRoots); before the transcendental loops were
 * compiled on their own, the binary log loss and Poisson loops boxed in every JVM (7.7 KB per
 * 64 x 5 double call) and a fused logistic epilogue compiled after a tanh one in some.
 */
class KernelAllocationTest {
    private static final int ROUNDS = 12_000;
    private static final int CALLS = 50;

    @Test
    void compiledKernelsAllocateNothing() {
        assumeTrue(VectorSupport.enabled(), "the scalar fallback has no vectors to box");
        CompiledAllocation counter = CompiledAllocation.counterOrSkip();
        int previousThreads = Gemm.threads();
        Gemm.setThreads(1);
        try {
            Map<String, Runnable> kernels = kernels();
            for (int i = 0; i < ROUNDS; i++) {
                for (Runnable kernel : kernels.values()) {
                    kernel.run();
                }
            }
            List<String> allocating = new ArrayList<>();
            for (var kernel : kernels.entrySet()) {
                Runnable calls = kernel.getValue();
                long bytes = counter.least(() -> {
                    for (int i = 0; i < CALLS; i++) {
                        calls.run();
                    }
                }) / CALLS;
                if (bytes != 0) {
                    allocating.add(kernel.getKey() + ": " + bytes + " bytes per call");
                }
            }
            assertEquals(List.of(), allocating, "kernels that allocate once compiled");
        } finally {
            Gemm.setThreads(previousThreads);
        }
    }

    /** Sizes that end rows and arrays in partial vectors (19 and 5 columns), as a layer's do. */
    private static Map<String, Runnable> kernels() {
        int m = 64;
        int n = 19;
        int k = 37;
        int classes = 5;
        Random r = new Random(11);
        double[] a = uniform(r, m * k);
        double[] w = uniform(r, k * n);
        double[] bias = uniform(r, n);
        double[] z = uniform(r, m * n);
        double[] c = new double[m * n];
        float[] af = toFloat(a);
        float[] wf = toFloat(w);
        float[] biasF = toFloat(bias);
        float[] zf = toFloat(z);
        float[] cf = new float[m * n];
        double[] p = new double[m * classes];
        double[] y = new double[m * classes];
        double[] delta = new double[m * classes];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.05 + 0.9 * r.nextDouble();
            y[i] = r.nextInt(2);
        }
        float[] pf = toFloat(p);
        float[] yf = toFloat(y);
        float[] deltaF = new float[m * classes];
        Map<String, Runnable> kernels = new LinkedHashMap<>();
        for (Activation act : Activation.values()) {
            kernels.put("double fused forward " + act, () -> FusedGemm.dgemmBiasActivation(false, false, m, n, k,
                    a, 0, k, w, 0, n, bias, 0, act, 0, c, 0, n));
            kernels.put("float fused forward " + act, () -> FusedGemm.sgemmBiasActivation(false, false, m, n, k,
                    af, 0, k, wf, 0, n, biasF, 0, act, 0, cf, 0, n));
            kernels.put("double fused backward " + act, () -> FusedGemm.dgemmActivationDerivative(false, false,
                    m, n, k, a, 0, k, w, 0, n, act, 0, z, 0, n, c, 0, n));
            kernels.put("float fused backward " + act, () -> FusedGemm.sgemmActivationDerivative(false, false,
                    m, n, k, af, 0, k, wf, 0, n, act, 0, zf, 0, n, cf, 0, n));
            kernels.put("double forward " + act, () -> Activations.forward(act, c, 0, c.length));
            kernels.put("float forward " + act, () -> Activations.forward(act, cf, 0, cf.length));
            kernels.put("double derivative " + act, () -> Activations.derivative(act, 0, z, c, 0, c.length));
            kernels.put("float derivative " + act, () -> Activations.derivative(act, 0, zf, cf, 0, cf.length));
        }
        // A last sliver of four vectors (51 float and 27 double columns with AVX-512's 16 and 8
        // lanes) and a transposed B (its slivers packed by gathers).
        int wideF = 51;
        int wideD = 27;
        float[] bWideF = toFloat(uniform(r, k * wideF));
        double[] bWideD = uniform(r, k * wideD);
        float[] cWideF = new float[m * wideF];
        double[] cWideD = new double[m * wideD];
        kernels.put("float product, four-vector sliver", () -> Gemm.sgemm(false, false, m, wideF, k, 1f, af, 0, k,
                bWideF, 0, wideF, 0f, cWideF, 0, wideF));
        kernels.put("double product, four-vector sliver", () -> Gemm.dgemm(false, false, m, wideD, k, 1, a, 0, k,
                bWideD, 0, wideD, 0, cWideD, 0, wideD));
        kernels.put("float product, transposed B", () -> Gemm.sgemm(false, true, m, wideF, k, 1f, af, 0, k,
                bWideF, 0, k, 0f, cWideF, 0, wideF));
        kernels.put("double product, transposed B", () -> Gemm.dgemm(false, true, m, wideD, k, 1, a, 0, k,
                bWideD, 0, k, 0, cWideD, 0, wideD));
        // Two k panels (600 deep): the second panel's full tiles add themselves to C in the
        // kernels' own spill (the Add kernels), for an A read in place (40 columns) and a copied
        // one (300 columns).
        int deep = 600;
        for (int cols : new int[] {40, 300}) {
            double[] aDeep = uniform(r, 24 * deep);
            double[] bDeep = uniform(r, deep * cols);
            float[] aDeepF = toFloat(aDeep);
            float[] bDeepF = toFloat(bDeep);
            double[] cDeep = new double[24 * cols];
            float[] cDeepF = new float[24 * cols];
            kernels.put("double product over two k panels, " + cols + " columns", () -> Gemm.dgemm(false, false,
                    24, cols, deep, 1, aDeep, 0, deep, bDeep, 0, cols, 0, cDeep, 0, cols));
            kernels.put("float product over two k panels, " + cols + " columns", () -> Gemm.sgemm(false, false,
                    24, cols, deep, 1f, aDeepF, 0, deep, bDeepF, 0, cols, 0f, cDeepF, 0, cols));
        }
        // One lane in the array below exp's normal range: logistic's and softplus' exponential takes
        // its rare branch for one vector per call, a branch C2 finds cold (it called exp there,
        // not inlined, and boxed until session 10).
        double[] oneTiny = uniform(r, m * n);
        oneTiny[m * n / 2] = -1000;
        float[] oneTinyF = toFloat(oneTiny);
        for (Activation act : new Activation[] {Activation.LOGISTIC, Activation.SOFTPLUS}) {
            kernels.put("double forward " + act + ", one lane below -708", () -> {
                System.arraycopy(oneTiny, 0, c, 0, c.length);
                Activations.forward(act, c, 0, c.length);
            });
            kernels.put("float forward " + act + ", one lane below -87", () -> {
                System.arraycopy(oneTinyF, 0, cf, 0, cf.length);
                Activations.forward(act, cf, 0, cf.length);
            });
        }
        for (Loss loss : Loss.values()) {
            kernels.put("double loss " + loss, () -> Losses.loss(loss, p, y, null, m, classes, delta));
            kernels.put("float loss " + loss, () -> Losses.loss(loss, pf, yf, null, m, classes, deltaF));
        }
        kernels.put("double softmax", () -> {
            System.arraycopy(z, 0, c, 0, c.length);
            Activations.softmax(c, 0, m, n);
        });
        kernels.put("float softmax", () -> {
            System.arraycopy(zf, 0, cf, 0, cf.length);
            Activations.softmax(cf, 0, m, n);
        });
        return kernels;
    }

    private static double[] uniform(Random r, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
