package dev.vecnn.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * scikit-learn's parameter constraints ({@code sklearn.utils._param_validation}) as Java
 * normalisers: each takes a user value, returns it in the canonical Java type, or throws an
 * {@link IllegalArgumentException} worded like sklearn's {@code InvalidParameterError}.
 *
 * <p>Integral constraints accept {@code Byte}, {@code Short}, {@code Integer} and {@code Long}
 * (Python {@code int}); real constraints accept those and {@code Float}, {@code Double} (Python
 * {@code Real}); neither accepts {@code Boolean}, although Python would treat a bool as an int.
 * NaN never satisfies an interval; a missing bound is infinite and closed or open as the interval
 * says, exactly as sklearn's {@code Interval} (so {@code [0, inf)} refuses infinity).
 */
final class ParamRules {
    private ParamRules() {
    }

    /** {@code Interval(Real, lo, hi, closed=...)}; null bounds are infinite. */
    static Function<Object, Object> real(String name, Double lo, boolean loClosed, Double hi,
                                         boolean hiClosed) {
        String range = range(lo, loClosed, hi, hiClosed);
        return value -> {
            if (isWhole(value) || value instanceof Double || value instanceof Float) {
                double v = ((Number) value).doubleValue();
                if (inRange(v, lo, loClosed, hi, hiClosed)) {
                    return v;
                }
            }
            throw invalid(name, "a float in the range " + range, value);
        };
    }

    /**
     * {@code Interval(Integral, lo, None, closed="left")}, as a Java {@code int}; values above
     * {@link Integer#MAX_VALUE} are rejected too, since Java arrays cannot use them.
     */
    static Function<Object, Object> integer(String name, int lo) {
        String allowed = "an int in the range [" + lo + ", inf)";
        return value -> {
            Integer v = wholeInRange(value, lo, Integer.MAX_VALUE);
            if (v == null) {
                throw invalid(name, allowed, value);
            }
            return v;
        };
    }

    /** {@code "boolean"}. */
    static Function<Object, Object> bool(String name) {
        return value -> {
            if (value instanceof Boolean b) {
                return b;
            }
            throw invalid(name, "a boolean", value);
        };
    }

    /** {@code StrOptions({...})} over an enum whose constants carry sklearn's strings. */
    static <E extends Enum<E>> Function<Object, Object> options(String name, Class<E> type,
                                                                Function<String, E> lookup,
                                                                Function<E, String> sklearnName) {
        TreeSet<String> names = new TreeSet<>();
        for (E e : type.getEnumConstants()) {
            names.add(sklearnName.apply(e));
        }
        String allowed = "a str among " + quotedSet(names);
        return value -> {
            if (type.isInstance(value)) {
                return value;
            }
            if (value instanceof String s) {
                E e = lookup.apply(s);
                if (e != null) {
                    return e;
                }
            }
            throw invalid(name, allowed, value);
        };
    }

    /** {@code ["array-like", Interval(Integral, 1, None)]}, normalised to an immutable list. */
    static Function<Object, Object> layerSizes(String name) {
        String allowed = "an array-like of ints in the range [1, inf) or an int in the range [1, inf)";
        return value -> {
            List<Object> items = new ArrayList<>();
            if (value instanceof int[] a) {
                Arrays.stream(a).forEach(items::add);
            } else if (value instanceof long[] a) {
                Arrays.stream(a).forEach(items::add);
            } else if (value instanceof Collection<?> c) {
                items.addAll(c);
            } else if (value instanceof Object[] a) {
                items.addAll(Arrays.asList(a));
            } else {
                Integer single = wholeInRange(value, 1, Integer.MAX_VALUE);
                if (single == null) {
                    throw invalid(name, allowed, value);
                }
                return List.of(single);
            }
            List<Integer> sizes = new ArrayList<>(items.size());
            for (Object item : items) {
                Integer size = wholeInRange(item, 1, Integer.MAX_VALUE);
                if (size == null) {
                    throw invalid(name, allowed, value);
                }
                sizes.add(size);
            }
            return List.copyOf(sizes);
        };
    }

    /** {@code [StrOptions({"auto"}), Interval(Integral, 1, None)]}: "auto" or an Integer. */
    static Function<Object, Object> batchSize(String name) {
        return value -> {
            if ("auto".equals(value)) {
                return "auto";
            }
            Integer v = wholeInRange(value, 1, Integer.MAX_VALUE);
            if (v == null) {
                throw invalid(name, "a str among {'auto'} or an int in the range [1, inf)", value);
            }
            return v;
        };
    }

    /** {@code "random_state"}: null or an int seed in {@code [0, 2^32 - 1]}, as a Long. */
    static Function<Object, Object> randomState(String name) {
        return value -> {
            if (value == null) {
                return null;
            }
            if (isWhole(value)) {
                long v = ((Number) value).longValue();
                if (v >= 0 && v <= 0xffffffffL) {
                    return v;
                }
            }
            throw invalid(name, "an int in the range [0, 4294967295] or null", value);
        };
    }

    /** {@code "verbose"}: a boolean or an int {@code >= 0}, kept as given. */
    static Function<Object, Object> verbose(String name) {
        return value -> {
            if (value instanceof Boolean) {
                return value;
            }
            Integer v = wholeInRange(value, 0, Integer.MAX_VALUE);
            if (v == null) {
                throw invalid(name, "an int in the range [0, inf) or a boolean", value);
            }
            return v;
        };
    }

    /** {@code [Interval(Integral, 1, None), Options(Real, {inf})]}: an Integer or +infinity. */
    static Function<Object, Object> intOrInfinity(String name) {
        return value -> {
            if ((value instanceof Double || value instanceof Float)
                    && ((Number) value).doubleValue() == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            Integer v = wholeInRange(value, 1, Integer.MAX_VALUE);
            if (v == null) {
                throw invalid(name, "an int in the range [1, inf) or a float among {inf}", value);
            }
            return v;
        };
    }

    /** The message sklearn gives for a key that is not a parameter. */
    static IllegalArgumentException unknown(String key, String owner, Map<String, ?> valid) {
        return new IllegalArgumentException("Invalid parameter " + repr(key) + " for estimator "
                + owner + ". Valid parameters are: " + new ArrayList<>(valid.keySet()) + ".");
    }

    /** Python-style {@code repr} of a value for messages: strings in single quotes. */
    static String repr(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return String.valueOf(value);
    }

    private static IllegalArgumentException invalid(String name, String allowed, Object value) {
        return new IllegalArgumentException("The " + repr(name) + " parameter must be " + allowed
                + ". Got " + repr(value) + " instead.");
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte;
    }

    private static Integer wholeInRange(Object value, long lo, long hi) {
        if (!isWhole(value)) {
            return null;
        }
        long v = ((Number) value).longValue();
        return v >= lo && v <= hi ? (int) v : null;
    }

    private static boolean inRange(double v, Double lo, boolean loClosed, Double hi,
                                   boolean hiClosed) {
        if (Double.isNaN(v)) {
            return false;
        }
        double left = lo == null ? Double.NEGATIVE_INFINITY : lo;
        double right = hi == null ? Double.POSITIVE_INFINITY : hi;
        if (loClosed ? v < left : v <= left) {
            return false;
        }
        return hiClosed ? v <= right : v < right;
    }

    private static String range(Double lo, boolean loClosed, Double hi, boolean hiClosed) {
        return (lo == null ? "(-inf" : (loClosed ? "[" : "(") + bound(lo)) + ", "
                + (hi == null ? "inf)" : bound(hi) + (hiClosed ? "]" : ")"));
    }

    private static String bound(double b) {
        return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }

    private static String quotedSet(TreeSet<String> names) {
        StringBuilder sb = new StringBuilder("{");
        for (String n : names) {
            sb.append(sb.length() > 1 ? ", " : "").append('\'').append(n).append('\'');
        }
        return sb.append('}').toString();
    }
}
