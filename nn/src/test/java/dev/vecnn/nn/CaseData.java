package dev.vecnn.nn;

import dev.vecnn.kernels.Loss;
import dev.vecnn.nn.layer.Transfer;
import dev.vecnn.nn.reference.CallsCase;
import dev.vecnn.nn.reference.CaseHeader;
import dev.vecnn.nn.reference.Matrix;
import dev.vecnn.nn.reference.ReferenceCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns a reference case into estimator inputs and fitted-estimator views. */
final class CaseData {
    private CaseData() {
    }

    static double[][] rows(Matrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) {
            out[i] = Arrays.copyOfRange(m.data(), i * m.cols(), (i + 1) * m.cols());
        }
        return out;
    }

    static Integer[] labels(Matrix y) {
        return Arrays.stream(y.labels()).boxed().toArray(Integer[]::new);
    }

    static int[][] indicator(Matrix y) {
        int[][] out = new int[y.rows()][y.cols()];
        for (int i = 0; i < y.rows(); i++) {
            for (int j = 0; j < y.cols(); j++) {
                out[i][j] = (int) y.get(i, j);
            }
        }
        return out;
    }

    /** The encoded targets sklearn's network trains on (one-hot, binary column, indicators or values). */
    static double[] encodedTargets(CaseHeader h) {
        Matrix y = h.y();
        if (!h.classifier() || !y.oneDimensional()) {
            return y.data().clone();
        }
        int[] labels = y.labels();
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        int k = classes.length == 2 ? 1 : classes.length;
        double[] out = new double[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            int c = Arrays.binarySearch(classes, labels[i]);
            if (k == 1) {
                out[i] = c;
            } else {
                out[i * k + c] = 1;
            }
        }
        return out;
    }

    static Loss loss(CaseHeader h) {
        if (!h.classifier()) {
            return Loss.SQUARED;
        }
        return h.outputUnits() > 1 && h.y().oneDimensional() ? Loss.LOG_LOSS : Loss.BINARY_LOG_LOSS;
    }

    static Transfer transfer(String sklearnName) {
        for (Transfer t : Transfer.values()) {
            if (t.sklearnName().equals(sklearnName)) {
                return t;
            }
        }
        throw new IllegalArgumentException(sklearnName);
    }

    static double[][] coefs(List<Matrix> m) {
        return m.stream().map(x -> x.data().clone()).toArray(double[][]::new);
    }

    static double[][] vectors(List<double[]> v) {
        return v.stream().map(double[]::clone).toArray(double[][]::new);
    }

    /** An unfitted estimator for the case's params, starting from its weights when {@code fromWeights}. */
    static MLPBase<?> estimator(ReferenceCase c, Map<String, Object> params, boolean fromWeights) {
        MLPBase<?> e = c.header().classifier()
                ? new MLPClassifier<Integer>(MLPParams.defaults().withParams(params))
                : new MLPRegressor(MLPRegressorParams.defaults().withParams(params));
        if (fromWeights) {
            e.startFrom(coefs(c.startCoefs()), vectors(c.startIntercepts()));
        }
        return e;
    }

    /** Sends the estimator's verbose lines to the returned buffer instead of System.out. */
    static ByteArrayOutputStream captureVerbose(MLPBase<?> e) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        if (e instanceof MLPClassifier<?> clf) {
            clf.verboseOutput(stream);
        } else {
            ((MLPRegressor) e).verboseOutput(stream);
        }
        return buffer;
    }

    /** Fits the estimator on the case's data. */
    @SuppressWarnings("unchecked")
    static void fit(MLPBase<?> e, CaseHeader h) {
        double[][] x = rows(h.x());
        if (e instanceof MLPClassifier<?> raw) {
            MLPClassifier<Integer> clf = (MLPClassifier<Integer>) raw;
            if (h.y().oneDimensional()) {
                clf.fit(x, labels(h.y()));
            } else {
                clf.fitMultilabel(x, indicator(h.y()));
            }
        } else {
            MLPRegressor reg = (MLPRegressor) e;
            if (h.y().oneDimensional()) {
                reg.fit(x, h.y().data());
            } else {
                reg.fit(x, rows(h.y()));
            }
        }
    }

    /**
     * One call of a calls case on its rows; {@code firstPartial} marks a classifier's first
     * partial_fit, which gets every class of y (a multilabel one needs none).
     */
    @SuppressWarnings("unchecked")
    static void call(MLPBase<?> e, CaseHeader h, CallsCase.Call call, boolean firstPartial) {
        int[] rows = call.rows();
        double[][] all = rows(h.x());
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = all[rows[i]];
        }
        if (e instanceof MLPClassifier<?> raw) {
            MLPClassifier<Integer> clf = (MLPClassifier<Integer>) raw;
            if (h.y().oneDimensional()) {
                Integer[] labels = labels(h.y());
                Integer[] y = new Integer[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    y[i] = labels[rows[i]];
                }
                Integer[] classes = firstPartial ? Arrays.stream(labels).distinct().sorted().toArray(Integer[]::new)
                        : null;
                if (call.partial()) {
                    clf.partialFit(x, y, classes);
                } else {
                    clf.fit(x, y);
                }
            } else {
                int[][] indicator = indicator(h.y());
                int[][] y = new int[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    y[i] = indicator[rows[i]];
                }
                if (call.partial()) {
                    clf.partialFitMultilabel(x, y);
                } else {
                    clf.fitMultilabel(x, y);
                }
            }
            return;
        }
        MLPRegressor reg = (MLPRegressor) e;
        double[][] targets = h.y().oneDimensional() ? null : rows(h.y());
        double[][] y = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            y[i] = targets == null ? new double[] {h.y().data()[rows[i]]} : targets[rows[i]];
        }
        if (call.partial()) {
            reg.partialFit(x, y);
        } else {
            reg.fit(x, y);
        }
    }

    /** predict_proba for classifiers, predict for regressors, flattened. */
    @SuppressWarnings("unchecked")
    static double[] output(MLPBase<?> e, CaseHeader h) {
        double[][] x = rows(h.x());
        double[][] out = e instanceof MLPClassifier<?> clf ? ((MLPClassifier<Integer>) clf).predictProba(x)
                : ((MLPRegressor) e).predictOutputs(x);
        return Arrays.stream(out).flatMapToDouble(Arrays::stream).toArray();
    }

    /** score(X, y). */
    @SuppressWarnings("unchecked")
    static double score(MLPBase<?> e, CaseHeader h) {
        double[][] x = rows(h.x());
        if (e instanceof MLPClassifier<?> raw) {
            MLPClassifier<Integer> clf = (MLPClassifier<Integer>) raw;
            return h.y().oneDimensional() ? clf.score(x, labels(h.y())) : clf.scoreMultilabel(x, indicator(h.y()));
        }
        MLPRegressor reg = (MLPRegressor) e;
        return h.y().oneDimensional() ? reg.score(x, h.y().data()) : reg.score(x, rows(h.y()), null);
    }
}
