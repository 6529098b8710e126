package dev.vecnn.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * scikit-learn's {@code LabelBinarizer} for single-label targets: sorted classes, one logistic
 * column for two classes (1 for the larger class), one-hot columns for more, a zero column for a
 * single class; and the inverse (threshold 0.5, or the first largest column).
 *
 * @param <L> the label type
 */
final class Labels<L extends Comparable<? super L>> {
    private final List<L> classes;

    private Labels(List<L> classes) {
        this.classes = List.copyOf(classes);
    }

    /** The sorted distinct labels of {@code y}; null labels are rejected. */
    static <L extends Comparable<? super L>> Labels<L> of(L[] y, String name) {
        if (y == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        TreeSet<L> set = new TreeSet<>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null) {
                throw new IllegalArgumentException(name + " contains null at " + i);
            }
            if (y[i] instanceof Double d && !Double.isFinite(d) || y[i] instanceof Float f && !Float.isFinite(f)) {
                throw new IllegalArgumentException("Input " + name + " contains " + y[i] + " at " + i);
            }
            set.add(y[i]);
        }
        return new Labels<>(new ArrayList<>(set));
    }

    /**
     * The labels of a saved classifier: non-null and strictly increasing, as {@link #of} leaves
     * them; anything else was not written by vecnn.
     */
    static <L extends Comparable<? super L>> Labels<L> restore(List<L> classes) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i) == null || i > 0 && classes.get(i - 1).compareTo(classes.get(i)) >= 0) {
                throw new IllegalArgumentException("classes must be distinct, sorted and not null, got " + classes);
            }
        }
        return new Labels<>(classes);
    }

    List<L> classes() {
        return classes;
    }

    /** Network output width. */
    int outputs() {
        return classes.size() <= 2 ? 1 : classes.size();
    }

    int index(L label) {
        int i = java.util.Collections.binarySearch(classes, label);
        return i >= 0 && classes.get(i).compareTo(label) == 0 ? i : -1;
    }

    /** Checks that every label of {@code y} is one of the classes. */
    void checkKnown(L[] y) {
        for (L label : y) {
            if (index(label) < 0) {
                TreeSet<L> seen = new TreeSet<>(Arrays.asList(y));
                throw new IllegalArgumentException("`y` has classes not in `self.classes_`. `self.classes_` has "
                        + classes + ". 'y' has " + seen + ".");
            }
        }
    }

    /** The encoded targets, rows x {@link #outputs()}. */
    double[] encode(L[] y) {
        int k = outputs();
        double[] out = new double[y.length * k];
        for (int i = 0; i < y.length; i++) {
            int c = index(y[i]);
            if (k == 1) {
                out[i] = c == 1 ? 1 : 0;
            } else {
                out[i * k + c] = 1;
            }
        }
        return out;
    }

    /** Class codes for a stratified split: only binary targets are stratified, as in scikit-learn. */
    int[] stratify(L[] y) {
        if (outputs() != 1) {
            return null;
        }
        int[] codes = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            codes[i] = index(y[i]);
        }
        return codes;
    }

    /** The class index each output row predicts. */
    int[] decode(double[] output, int rows) {
        int k = outputs();
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            if (k == 1) {
                out[i] = classes.size() == 1 ? 0 : output[i] > 0.5 ? 1 : 0;
            } else {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (output[i * k + j] > output[i * k + best]) {
                        best = j;
                    }
                }
                out[i] = best;
            }
        }
        return out;
    }
}
