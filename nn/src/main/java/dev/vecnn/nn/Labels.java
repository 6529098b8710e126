package dev.vecnn.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * scikit-learn's {@code LabelBinarizer} for single-label targets: sorted classes, one logistic
 * column for two classes (1 for the larger class), one-hot columns for more, a zero column for a
 * single class; and the inverse (threshold 0.5, or the first largest column). Labels are ordered
 * as numpy's {@code unique} orders them: numbers by value ({@code -0.0} and {@code 0.0} are one
 * class), strings by code point (Java's {@code compareTo} orders UTF-16 units, which puts a
 * character beyond U+FFFF before U+E000..U+FFFF), anything else by its natural order.
 *
 * @param <L> the label type
 */
final class Labels<L extends Comparable<? super L>> {
    private final List<L> classes;

    private Labels(List<L> classes) {
        this.classes = List.copyOf(classes);
    }

    /** numpy's order of labels (see the class comment). */
    private Comparator<L> order() {
        return Labels::compare;
    }

    private static <L extends Comparable<? super L>> int compare(L a, L b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x + 0.0, y + 0.0); // + 0.0 turns -0.0 into 0.0
        }
        if (a instanceof Float x && b instanceof Float y) {
            return Float.compare(x + 0f, y + 0f);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        return a.compareTo(b);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The sorted distinct labels of {@code y}; null labels are rejected. */
    static <L extends Comparable<? super L>> Labels<L> of(L[] y, String name) {
        if (y == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        TreeSet<L> set = new TreeSet<>(Labels::compare);
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
            if (classes.get(i) == null || i > 0 && compare(classes.get(i - 1), classes.get(i)) >= 0) {
                throw new IllegalArgumentException("classes must be distinct, sorted and not null, got " + classes);
            }
        }
        return new Labels<>(classes);
    }

    List<L> classes() {
        return classes;
    }

    /** Whether both hold the same classes in numpy's sense ({@code -0.0} is {@code 0.0}). */
    boolean sameClasses(Labels<L> other) {
        if (classes.size() != other.classes.size()) {
            return false;
        }
        for (int i = 0; i < classes.size(); i++) {
            if (compare(classes.get(i), other.classes.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether two labels are one class in numpy's sense. */
    static <L extends Comparable<? super L>> boolean same(L a, L b) {
        return compare(a, b) == 0;
    }

    /** Network output width. */
    int outputs() {
        return classes.size() <= 2 ? 1 : classes.size();
    }

    int index(L label) {
        int i = Collections.binarySearch(classes, label, order());
        return i >= 0 ? i : -1;
    }

    /** Checks that every label of {@code y} is one of the classes. */
    void checkKnown(L[] y) {
        for (L label : y) {
            if (index(label) < 0) {
                TreeSet<L> seen = new TreeSet<>(order());
                seen.addAll(Arrays.asList(y));
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
