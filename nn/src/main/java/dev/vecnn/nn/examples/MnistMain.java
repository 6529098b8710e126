package dev.vecnn.nn.examples;

import dev.vecnn.kernels.Warmup;
import dev.vecnn.nn.Activation;
import dev.vecnn.nn.MLPClassifier;
import dev.vecnn.nn.MLPParams;
import dev.vecnn.nn.Solver;
import dev.vecnn.nn.data.Dataset;
import dev.vecnn.nn.data.Datasets;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Trains {@link MLPClassifier} on the bundled 10,000 MNIST digits (rows 0-7999 train, 8000-9999
 * test, pixels already scaled to [0, 1]) in two configurations, printing scikit-learn's verbose
 * lines and one summary line per run:
 * <ol>
 * <li>sgd, identity activation, max_iter=10, alpha=1e-5, hidden (100, 50), random_state=1;
 * <li>scikit-learn's defaults (adam, relu, (100,), up to 200 epochs), random_state=1.
 * </ol>
 * The kernels are warmed up first (timed on a line of its own). seconds/epoch is the fit's time
 * over its epochs; a second line gives the median epoch (timed between the verbose lines), which
 * leaves out the first epochs' share of the JIT compiling the training loop and the odd epoch
 * slowed by other work on the machine, and the first and slowest epochs. {@code bench/sklearn_mnist.py} runs the same two with scikit-learn. Pass {@code float32} as an
 * argument to train on float inputs instead of double ({@code float64}, the default, may be named
 * too); any other argument is refused before anything runs. After the second run it times
 * {@code predictProba} on the 2000 test rows.
 */
public final class MnistMain {
    private MnistMain() {
    }

    /** The arguments the job accepts, one at most: the precision to train in. */
    static final List<String> PRECISIONS = List.of("float64", "float32");

    /** Runs both configurations; exits with status 2 on an argument it does not know. */
    public static void main(String[] args) {
        boolean float32;
        try {
            float32 = float32(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MnistMain: " + e.getMessage());
            System.exit(2);
            return;
        }
        Dataset all = Datasets.mnist10k();
        Dataset train = all.rows(0, Datasets.MNIST_TRAIN_ROWS);
        Dataset test = all.rows(Datasets.MNIST_TRAIN_ROWS, all.nSamples());
        MLPParams sgd = MLPParams.builder().solver(Solver.SGD).activation(Activation.IDENTITY).maxIter(10)
                .alpha(1e-5).hiddenLayerSizes(100, 50).randomState(1).verbose(true).build();
        MLPParams defaults = MLPParams.builder().randomState(1).verbose(true).build();
        // Fits this large warm the kernels up themselves; doing it here keeps the one-time JIT cost
        // out of seconds/epoch and shows it on its own line.
        long warmStart = System.nanoTime();
        if (float32) {
            Warmup.forFloatUntilCompiled();
        } else {
            Warmup.forDoubleUntilCompiled();
        }
        System.out.println(String.format(Locale.ROOT, "kernel warm-up (JIT, once per JVM): %.2f s",
                (System.nanoTime() - warmStart) / 1e9));
        System.out.println("== sgd, identity, hidden (100, 50), max_iter=10, alpha=1e-5"
                + (float32 ? ", float32" : ", float64"));
        run(sgd, train, test, float32);
        System.out.println("== defaults: adam, relu, hidden (100,), max_iter=200" + (float32 ? ", float32" : ", float64"));
        MLPClassifier<Integer> fitted = run(defaults, train, test, float32);
        timePredictProba(fitted, test, float32);
    }

    /**
     * Whether {@code args} ask for float32. Anything but nothing, {@code float64} or
     * {@code float32} is refused: a misspelt precision used to train in float64 under the
     * impression of float32.
     */
    static boolean float32(String... args) {
        String accepted = "accepted: " + String.join(" or ", PRECISIONS) + " (none: float64)";
        if (args.length > 1) {
            throw new IllegalArgumentException("one argument at most, got " + args.length + ": '"
                    + String.join(" ", args) + "'; " + accepted);
        }
        if (args.length == 1 && !PRECISIONS.contains(args[0])) {
            throw new IllegalArgumentException("unknown argument '" + args[0] + "'; " + accepted);
        }
        return args.length == 1 && args[0].equals("float32");
    }

    private static void predictProba(MLPClassifier<Integer> clf, double[][] x, float[][] xf, int rows) {
        double[][] p = xf != null ? clf.predictProba(xf) : clf.predictProba(x);
        if (p.length != rows) {
            throw new IllegalStateException("predictProba returned " + p.length + " rows");
        }
    }

    /**
     * predictProba on the test rows: the median of 21 calls after at least 2 s of unmeasured ones.
     * Twenty unmeasured calls were not always enough: in about one JVM in two the JIT compiler was
     * still busy with the fit's code, and the output conversion ran uncompiled (4 ms instead of 2.4
     * in float32).
     */
    private static void timePredictProba(MLPClassifier<Integer> clf, Dataset test, boolean float32) {
        double[][] x = test.xRows();
        float[][] xf = float32 ? test.xRowsFloat() : null;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warmEnd; i++) {
            predictProba(clf, x, xf, test.nSamples());
        }
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            predictProba(clf, x, xf, test.nSamples());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.println(String.format(Locale.ROOT, "predict_proba on %d rows: %.2f ms (median of %d)",
                test.nSamples(), ms[ms.length / 2], ms.length));
    }

    private static MLPClassifier<Integer> run(MLPParams params, Dataset train, Dataset test, boolean float32) {
        MLPClassifier<Integer> clf = new MLPClassifier<>(params);
        Integer[] yTrain = train.boxedLabels();
        EpochClock clock = new EpochClock(System.out);
        clf.verboseOutput(new PrintStream(clock, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        if (float32) {
            clf.fit(train.xRowsFloat(), yTrain);
        } else {
            clf.fit(train.xRows(), yTrain);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = float32 ? clf.score(test.xRowsFloat(), test.boxedLabels())
                : clf.score(test.xRows(), test.boxedLabels());
        System.out.println(String.format(Locale.ROOT, "test accuracy: %.4f  epochs: %d  seconds/epoch: %.3f",
                accuracy, clf.nIter(), seconds / clf.nIter()));
        double[] epochs = clock.epochSeconds();
        if (epochs.length > 0) {
            System.out.println(String.format(Locale.ROOT, "epoch seconds: median %.4f  first %.4f  slowest %.4f",
                    EpochClock.median(epochs), epochs[0], java.util.Arrays.stream(epochs).max().getAsDouble()));
        }
        return clf;
    }
}
