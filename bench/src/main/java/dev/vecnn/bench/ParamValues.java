package dev.vecnn.bench;

import java.util.List;

/**
 * Checks a string {@code @Param} against the values its benchmark knows: JMH passes any
 * {@code -p name=value}, and a benchmark whose code falls through to a default would measure
 * something else under the name given (a {@code -p kernel=softmax} timed the sum of squares).
 */
final class ParamValues {
    private ParamValues() {
    }

    static String oneOf(String name, String value, List<String> known) {
        if (!known.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + known + ", got '" + value + "'");
        }
        return value;
    }
}
