package dev.vecnn.bench;

import dev.vecnn.kernels.Gemm;
import dev.vecnn.nn.MLPClassifier;
import dev.vecnn.nn.MLPParams;
import dev.vecnn.nn.data.Dataset;
import dev.vecnn.nn.data.Datasets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The estimator end to end on the bundled MNIST-10k (rows 0-7999 train, 8000-9999 test), with
 * scikit-learn's default configuration (adam, relu, hidden (100,), batch 200, random_state 1):
 * {@code epoch} is the time of {@code fit} with max_iter = 10 divided by 10 (each epoch: shuffle,
 * 40 mini-batches of forward, backward and Adam; the fit's one-time input checks and conversions
 * are spread over the ten, as in the main job's seconds/epoch), {@code predictProba} the class
 * probabilities of the 2000 test rows from a model trained for ten epochs. {@code dtype} is the input type (float32 rows fit a float32 model, as in
 * scikit-learn) and {@code threads} the GEMM thread count. {@code bench/sklearn_mnist.py} prints
 * scikit-learn's figures for the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MlpBenchmark {
    @Param({"float64", "float32"})
    public String dtype;
    @Param({"1", "2"})
    public int threads;

    private MLPClassifier<Integer> model;
    private double[][] trainRows;
    private float[][] trainFloats;
    private double[][] testRows;
    private float[][] testFloats;
    private Integer[] trainLabels;

    /** Ten epochs never trigger the default stopping rule (ten epochs without improvement). */
    private static final int EPOCHS = 10;
    // Held so the setting survives: every 10-epoch fit would log a ConvergenceWarning.
    private static final java.util.logging.Logger NN_LOG = java.util.logging.Logger.getLogger("dev.vecnn.nn");

    @Setup
    public void setUp() {
        // The GEMM benchmarks spell the precisions f32 and f64; both spellings mean the same here.
        dtype = switch (dtype) {
            case "f32" -> "float32";
            case "f64" -> "float64";
            default -> ParamValues.oneOf("dtype", dtype, List.of("float64", "float32", "f64", "f32"));
        };
        NN_LOG.setLevel(java.util.logging.Level.SEVERE);
        Gemm.setThreads(threads);
        Dataset all = Datasets.mnist10k();
        Dataset train = all.rows(0, Datasets.MNIST_TRAIN_ROWS);
        Dataset test = all.rows(Datasets.MNIST_TRAIN_ROWS, all.nSamples());
        trainRows = train.xRows();
        testRows = test.xRows();
        trainFloats = train.xRowsFloat();
        testFloats = test.xRowsFloat();
        trainLabels = train.boxedLabels();
        model = epoch();
        double[][] p = predictProba();
        if (p.length != testRows.length || p[0].length != 10) {
            throw new IllegalStateException("predictProba returned " + p.length + " x " + p[0].length);
        }
    }

    /** A fresh fit of ten epochs on the 8000 rows; the score is per epoch. */
    @Benchmark
    @OperationsPerInvocation(EPOCHS)
    public MLPClassifier<Integer> epoch() {
        MLPClassifier<Integer> clf = new MLPClassifier<>(MLPParams.builder().randomState(1).maxIter(EPOCHS).build());
        clf = dtype.equals("float32") ? clf.fit(trainFloats, trainLabels) : clf.fit(trainRows, trainLabels);
        if (clf.nIter() != EPOCHS) {
            throw new IllegalStateException("expected " + EPOCHS + " epochs, ran " + clf.nIter());
        }
        return clf;
    }

    /** Probabilities of the 2000 test rows. */
    @Benchmark
    public double[][] predictProba() {
        return dtype.equals("float32") ? model.predictProba(testFloats) : model.predictProba(testRows);
    }
}
