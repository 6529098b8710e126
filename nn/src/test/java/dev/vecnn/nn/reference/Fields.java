package dev.vecnn.nn.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the fields of one parsed case file; every failure names the file and field.
 */
final class Fields {
    private final Map<String, Object> root;
    private final String source;

    Fields(Map<String, Object> root, String source) {
        this.root = root;
        this.source = source;
    }

    String source() {
        return source;
    }

    boolean has(String key) {
        return root.containsKey(key);
    }

    Object raw(String key) {
        if (!root.containsKey(key)) {
            throw new IllegalArgumentException(source + ": missing field '" + key + "'");
        }
        return root.get(key);
    }

    String string(String key) {
        return cast(key, raw(key), String.class);
    }

    /** A list of strings, or an empty list when the (optional) field is absent. */
    List<String> optionalStrings(String key) {
        if (!has(key)) {
            return List.of();
        }
        List<?> list = list(key, raw(key));
        List<String> out = new java.util.ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(cast(key + "[" + i + "]", list.get(i), String.class));
        }
        return List.copyOf(out);
    }

    double number(String key) {
        return toDouble(key, raw(key));
    }

    long integer(String key) {
        Object v = raw(key);
        if (v instanceof Long l) {
            return l;
        }
        throw bad(key, "an integer", v);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        return cast(key, raw(key), Map.class);
    }

    int[] intVector(String key) {
        List<?> list = list(key, raw(key));
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l)) {
                throw bad(key + "[" + i + "]", "an integer", list.get(i));
            }
            out[i] = Math.toIntExact(l);
        }
        return out;
    }

    double[] vector(String key) {
        return vector(key, raw(key));
    }

    /** A 1-D list as a one-column matrix, or a list of equal-length rows as a matrix. */
    Matrix matrix(String key) {
        return matrix(key, raw(key));
    }

    List<Matrix> matrices(String key) {
        List<?> list = list(key, raw(key));
        List<Matrix> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(matrix(key + "[" + i + "]", list.get(i)));
        }
        return List.copyOf(out);
    }

    List<double[]> vectors(String key) {
        List<?> list = list(key, raw(key));
        List<double[]> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(vector(key + "[" + i + "]", list.get(i)));
        }
        return List.copyOf(out);
    }

    private Matrix matrix(String key, Object value) {
        List<?> list = list(key, value);
        if (list.isEmpty() || !(list.get(0) instanceof List<?>)) {
            return new Matrix(list.size(), 1, vector(key, value), true);
        }
        int rows = list.size();
        int cols = list(key + "[0]", list.get(0)).size();
        double[] data = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            double[] row = vector(key + "[" + i + "]", list.get(i));
            if (row.length != cols) {
                throw new IllegalArgumentException(source + ": field '" + key + "' row " + i
                        + " has " + row.length + " entries, row 0 has " + cols);
            }
            System.arraycopy(row, 0, data, i * cols, cols);
        }
        return new Matrix(rows, cols, data, false);
    }

    private double[] vector(String key, Object value) {
        List<?> list = list(key, value);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(key + "[" + i + "]", list.get(i));
        }
        return out;
    }

    private double toDouble(String key, Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        throw bad(key, "a number", v);
    }

    private List<?> list(String key, Object v) {
        return cast(key, v, List.class);
    }

    private <T> T cast(String key, Object v, Class<T> type) {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw bad(key, "a " + type.getSimpleName(), v);
    }

    private IllegalArgumentException bad(String key, String expected, Object got) {
        String kind = got == null ? "null" : got.getClass().getSimpleName();
        return new IllegalArgumentException(
                source + ": field '" + key + "' should be " + expected + ", got " + kind);
    }
}
