import dev.vecnn.kernels.Activation;
import dev.vecnn.kernels.FusedGemm;
import dev.vecnn.kernels.Gemm;
import java.util.Arrays;
import java.util.Random;

/**
 * The fused forward epilogue's share in double: the 784-100-50-10 network's second layer at batch
 * 200 (200x100 times 100x50) as a plain {@code dgemm} and as {@code FusedGemm.dgemmBiasActivation},
 * called in turn 3000 times per round in one JVM (one thread, after {@code Warmup.forDouble()}),
 * three rounds per activation. Prints both best-of times, the best-of ratio and the median over
 * calls of each fused call's time over the plain call just before it. The float counterparts are
 * {@code EpilogueBuildsAB} and the JMH {@code EpilogueShareBenchmark}. Not needed to build or test
 * vecnn.
 *
 * <pre>
 *   mvn -q package -DskipTests -pl kernels
 *   java --add-modules jdk.incubator.vector -cp kernels/target/classes docs/tools/DoubleEpilogueShare.java [MxNxK] tanh logistic relu
 * </pre>
 */
public class DoubleEpilogueShare {
    public static void main(String[] args) {
        Gemm.setThreads(1);
        dev.vecnn.kernels.Warmup.forDouble();
        // An optional first argument MxNxK picks another shape (C is M x N, inner K).
        int first = args.length > 0 && args[0].contains("x") ? 1 : 0;
        String[] shape = (first == 1 ? args[0] : "200x50x100").split("x");
        int m = Integer.parseInt(shape[0]), n = Integer.parseInt(shape[1]), k = Integer.parseInt(shape[2]);
        Random r = new Random(42);
        double[] a = new double[m * k], w = new double[k * n], bias = new double[n], c = new double[m * n];
        for (int i = 0; i < a.length; i++) a[i] = r.nextDouble() * 2 - 1;
        for (int i = 0; i < w.length; i++) w[i] = (r.nextDouble() * 2 - 1) * 0.2;
        for (int i = 0; i < n; i++) bias[i] = r.nextDouble() - 0.5;
        for (String name : java.util.Arrays.copyOfRange(args, first, args.length)) {
            Activation act = Activation.fromName(name);
            for (int round = 0; round < 3; round++) {
                int calls = 3000;
                double[] ratio = new double[calls];
                long bestPlain = Long.MAX_VALUE, bestFused = Long.MAX_VALUE;
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    Gemm.dgemm(false, false, m, n, k, 1, a, 0, k, w, 0, n, 0, c, 0, n);
                    long t1 = System.nanoTime();
                    FusedGemm.dgemmBiasActivation(false, false, m, n, k, a, 0, k, w, 0, n, bias, 0, act, 0, c, 0, n);
                    long t2 = System.nanoTime();
                    ratio[i] = (double) (t2 - t1) / (t1 - t0);
                    bestPlain = Math.min(bestPlain, t1 - t0);
                    bestFused = Math.min(bestFused, t2 - t1);
                }
                Arrays.sort(ratio);
                System.out.printf("double " + m + "x" + n + "x" + k + " %s round %d: plain %.2f us, fused %.2f us, best-of +%.1f%%, paired median +%.1f%%%n",
                        name, round, bestPlain / 1e3, bestFused / 1e3, 100.0 * bestFused / bestPlain - 100, 100 * (ratio[calls / 2] - 1));
            }
        }
    }
}
