/**
 * MLP estimators with the scikit-learn {@code MLPClassifier} / {@code MLPRegressor} contract:
 * parameters through {@link dev.vecnn.nn.MLPParams#builder()} (or {@code setParams} with
 * scikit-learn's names), then {@code fit}, {@code partialFit}, {@code predict},
 * {@code predictProba} and {@code score} on {@code double[][]} or {@code float[][]} rows, as in
 * <pre>{@code
 * MLPClassifier<Integer> clf = new MLPClassifier<>(MLPParams.builder().hiddenLayerSizes(100).build());
 * clf.fit(x, y);   // x: double[][] rows, y: Integer[] labels
 * double[][] p = clf.predictProba(xTest);
 * }</pre>
 * Bundled data sets are in {@link dev.vecnn.nn.data.Datasets}; the README has a complete example.
 */
package dev.vecnn.nn;
