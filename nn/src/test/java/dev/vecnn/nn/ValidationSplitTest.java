package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.nn.random.RandomState;
import dev.vecnn.nn.reference.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The early-stopping split equals sklearn 1.2.1's {@code train_test_split} on the same stream,
 * per {@code splits/validation-splits.json} (written by {@code make_validation_splits.py}).
 */
class ValidationSplitTest {

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() {
        try (InputStream in = ValidationSplitTest.class.getResourceAsStream("/splits/validation-splits.json")) {
            Map<String, Object> root = (Map<String, Object>) Json.parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), "validation-splits.json");
            return ((List<Map<String, Object>>) root.get("cases")).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitAndLaterDrawsMatchSklearn(Map<String, Object> c) {
        RandomState rng = new RandomState((Long) c.get("seed"));
        rng.uniform(-1, 1, Math.toIntExact((Long) c.get("skip")));
        int n = Math.toIntExact((Long) c.get("n"));
        int[] labels = c.get("stratify") == null ? null : ints(c.get("stratify"));
        ValidationSplit split = ValidationSplit.draw(rng, n, (Double) c.get("test_size"), labels);
        assertArrayEquals(ints(c.get("train")), split.train(), "train " + c.get("seed"));
        assertArrayEquals(ints(c.get("test")), split.test(), "test " + c.get("seed"));
        List<?> after = (List<?>) c.get("after");
        assertEquals(after.get(0), rng.uniform(0.0, 1.0));
        assertEquals(after.get(1), rng.uniform(0.0, 1.0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitIsAPartitionOfTheRows(Map<String, Object> c) {
        int n = Math.toIntExact((Long) c.get("n"));
        ValidationSplit split = ValidationSplit.draw(new RandomState(1), n,
                (Double) c.get("test_size"), c.get("stratify") == null ? null : ints(c.get("stratify")));
        int[] all = Stream.of(split.train(), split.test()).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, n).toArray(), all);
        assertEquals((int) Math.ceil((Double) c.get("test_size") * n), split.test().length);
    }

    @Test
    void sklearnsErrorsAreRaised() {
        assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.draw(new RandomState(0), 10, 0.0, null));
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.draw(new RandomState(0), 10, 0.2, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        assertTrue(single.getMessage().contains("least populated class"), single.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.draw(new RandomState(0), 10, 0.1, new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 2}));
        assertTrue(small.getMessage().contains("test_size = 1"), small.getMessage());
    }

    private static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(v -> Math.toIntExact((Long) v)).toArray();
    }
}
