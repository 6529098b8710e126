package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares printed training lines with scikit-learn's: the text between numbers exactly, each
 * number within the parity tolerance of its value plus one unit of its last printed digit (two
 * values that differ by less than the tolerance can still round to neighbouring printed ones).
 */
final class VerboseLines {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private VerboseLines() {
    }

    static void assertMatch(List<String> expected, String printed, double tolerance, String id) {
        List<String> actual = printed.lines().toList();
        assertEquals(expected.size(), actual.size(), id + ": verbose line count\nexpected " + expected
                + "\nprinted  " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertLine(expected.get(i), actual.get(i), tolerance, id + " verbose line " + (i + 1));
        }
    }

    private static void assertLine(String expected, String actual, double tolerance, String what) {
        List<String> expectedNumbers = new ArrayList<>();
        List<String> actualNumbers = new ArrayList<>();
        assertEquals(skeleton(expected, expectedNumbers), skeleton(actual, actualNumbers),
                what + ": '" + actual + "' vs scikit-learn's '" + expected + "'");
        for (int j = 0; j < expectedNumbers.size(); j++) {
            String e = expectedNumbers.get(j);
            double want = Double.parseDouble(e);
            double got = Double.parseDouble(actualNumbers.get(j));
            int dot = e.indexOf('.');
            int exponent = Math.max(e.indexOf('e'), e.indexOf('E'));
            int decimals = dot < 0 ? 0 : (exponent < 0 ? e.length() : exponent) - dot - 1;
            double lastDigit = exponent < 0 ? Math.pow(10, -decimals) : 0;
            assertTrue(Math.abs(got - want) <= tolerance * (1 + Math.abs(want)) + lastDigit,
                    what + ": '" + actual + "' vs scikit-learn's '" + expected + "'");
        }
    }

    /** The line with every number replaced by '#', the numbers appended to {@code numbers}. */
    private static String skeleton(String line, List<String> numbers) {
        Matcher m = NUMBER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            numbers.add(m.group());
            m.appendReplacement(out, "#");
        }
        m.appendTail(out);
        return out.toString();
    }
}
