package dev.vecnn.nn;

import dev.vecnn.nn.random.RandomState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The early-stopping hold-out scikit-learn draws with
 * {@code train_test_split(X, y, random_state=rng, test_size=validation_fraction, stratify=...)}:
 * {@code ShuffleSplit} without labels, {@code StratifiedShuffleSplit} with them, consuming the
 * same draws from the same {@link RandomState}. The rows of X and y are taken in the returned
 * index order. See {@code docs/sklearn-semantics.md}.
 */
final class ValidationSplit {
    private final int[] train;
    private final int[] test;

    private ValidationSplit(int[] train, int[] test) {
        this.train = train;
        this.test = test;
    }

    /** Indices of the training rows, in the order sklearn uses them. */
    int[] train() {
        return train.clone();
    }

    /** Indices of the validation rows, in sklearn's order. */
    int[] test() {
        return test.clone();
    }

    /**
     * Draws the split.
     *
     * @param rng       the estimator's stream, after the weights were drawn
     * @param n         number of samples
     * @param testSize  {@code validation_fraction}, in {@code (0, 1)}
     * @param stratify  class codes whose order is sklearn's sorted class order, or null
     */
    static ValidationSplit draw(RandomState rng, int n, double testSize, int[] stratify) {
        if (!(testSize > 0 && testSize < 1)) {
            throw new IllegalArgumentException("test_size=" + testSize
                    + " should be either positive and smaller than the number of samples " + n
                    + " or a float in the (0, 1) range");
        }
        int nTest = (int) Math.ceil(testSize * n);
        int nTrain = n - nTest;
        if (nTrain == 0) {
            throw new IllegalArgumentException("With n_samples=" + n + ", test_size=" + testSize
                    + " and train_size=None, the resulting train set will be empty. Adjust any of"
                    + " the aforementioned parameters.");
        }
        if (stratify == null) {
            int[] p = rng.permutation(n);
            return new ValidationSplit(Arrays.copyOfRange(p, nTest, n), Arrays.copyOf(p, nTest));
        }
        return stratified(rng, n, nTrain, nTest, stratify);
    }

    private static ValidationSplit stratified(RandomState rng, int n, int nTrain, int nTest,
                                              int[] labels) {
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " samples");
        }
        int[] classes = new TreeSet<>(Arrays.stream(labels).boxed().toList()).stream()
                .mapToInt(Integer::intValue).toArray();
        int k = classes.length;
        int[] counts = new int[k];
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            int c = Arrays.binarySearch(classes, labels[i]);
            counts[c]++;
            members.get(c).add(i);
        }
        if (Arrays.stream(counts).min().orElse(0) < 2) {
            throw new IllegalArgumentException("The least populated class in y has only "
                    + Arrays.stream(counts).min().orElse(0) + " member, which is too few. The minimum"
                    + " number of groups for any class cannot be less than 2.");
        }
        if (nTrain < k) {
            throw new IllegalArgumentException("The train_size = " + nTrain
                    + " should be greater or equal to the number of classes = " + k);
        }
        if (nTest < k) {
            throw new IllegalArgumentException("The test_size = " + nTest
                    + " should be greater or equal to the number of classes = " + k);
        }
        int[] nI = approximateMode(counts, nTrain, rng);
        int[] remaining = new int[k];
        for (int c = 0; c < k; c++) {
            remaining[c] = counts[c] - nI[c];
        }
        int[] tI = approximateMode(remaining, nTest, rng);
        int[] train = new int[Arrays.stream(nI).sum()];
        int[] test = new int[Arrays.stream(tI).sum()];
        int tr = 0;
        int te = 0;
        for (int c = 0; c < k; c++) {
            int[] perm = rng.permutation(counts[c]);
            List<Integer> idx = members.get(c);
            for (int j = 0; j < nI[c]; j++) {
                train[tr++] = idx.get(perm[j]);
            }
            for (int j = nI[c]; j < nI[c] + tI[c]; j++) {
                test[te++] = idx.get(perm[j]);
            }
        }
        return new ValidationSplit(rng.permutation(train), rng.permutation(test));
    }

    /**
     * sklearn's {@code _approximate_mode}: the most likely per-class draw counts of a
     * multivariate hypergeometric, ties broken at random with {@code choice(replace=False)}.
     */
    static int[] approximateMode(int[] counts, int draws, RandomState rng) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        int k = counts.length;
        double[] continuous = new double[k];
        double[] remainder = new double[k];
        int[] floored = new int[k];
        long flooredSum = 0;
        for (int c = 0; c < k; c++) {
            continuous[c] = (double) counts[c] / total * draws;
            floored[c] = (int) Math.floor(continuous[c]);
            remainder[c] = continuous[c] - floored[c];
            flooredSum += floored[c];
        }
        long need = draws - flooredSum;
        if (need > 0) {
            double[] distinct = Arrays.stream(remainder).distinct().sorted().toArray();
            for (int v = distinct.length - 1; v >= 0 && need > 0; v--) {
                double value = distinct[v];
                int[] inds = java.util.stream.IntStream.range(0, k)
                        .filter(c -> remainder[c] == value).toArray();
                int addNow = (int) Math.min(inds.length, need);
                for (int pick : rng.choiceWithoutReplacement(inds.length, addNow)) {
                    floored[inds[pick]]++;
                }
                need -= addNow;
            }
        }
        return floored;
    }
}
