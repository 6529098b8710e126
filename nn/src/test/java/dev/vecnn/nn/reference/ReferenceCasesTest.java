package dev.vecnn.nn.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reference case parses into its record and its shapes agree with each other. */
class ReferenceCasesTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCases.loadAll().stream();
    }

    @Test
    void bundledFolderHoldsEveryKindTheReadmeDescribes() {
        Map<String, Long> byKind = ReferenceCases.loadAll().stream()
                .collect(Collectors.groupingBy(c -> c.header().kind(), TreeMap::new,
                        Collectors.counting()));
        assertEquals(Set.of("backprop", "trajectory", "lbfgs", "seeded"), byKind.keySet());
        long files;
        try (Stream<Path> s = Files.list(ReferenceCases.directory())) {
            files = s.filter(p -> p.getFileName().toString().matches(
                    "(backprop|trajectory|lbfgs|seeded)-\\d+\\.json")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(files, byKind.values().stream().mapToLong(Long::longValue).sum(),
                "every case file is read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shapesAreConsistent(ReferenceCase c) {
        CaseHeader h = c.header();
        assertTrue(c.id().startsWith(h.kind() + "-"), c.id() + " vs kind " + h.kind());
        assertTrue(Set.of("MLPClassifier", "MLPRegressor").contains(h.estimator()));
        assertEquals(h.classifier(), !Set.of("regression", "multioutput").contains(h.task()),
                c.id() + ": task " + h.task() + " with " + h.estimator());
        int n = h.x().rows();
        assertTrue(n > 0 && !h.x().oneDimensional(), c.id() + ": X is a 2-D array with rows");
        assertEquals(n, h.y().rows(), c.id() + ": rows of y");
        assertEquals(Set.of("multilabel", "multioutput").contains(h.task()), !h.y().oneDimensional(),
                c.id() + ": y is 2-D exactly for multilabel and multi-output tasks");

        int[] units = c.layerUnits();
        assertEquals(h.x().cols(), units[0], c.id() + ": fan_in of the first layer");
        assertEquals(h.outputUnits(), units[units.length - 1], c.id() + ": output units");
        assertLayers(c.id() + " start", units, c.startCoefs(), c.startIntercepts());

        switch (c) {
            case BackpropCase b -> {
                assertArrayEqualsInts(Arrays.copyOfRange(units, 1, units.length - 1),
                        b.hiddenLayerSizes(), c.id() + ": hidden_layer_sizes");
                assertLayers(c.id() + " grads", units, b.coefGrads(), b.interceptGrads());
                assertShape(b.output(), n, h.outputUnits(), c.id() + " output");
                assertEquals(expectedOutActivation(h), b.outActivation(), c.id());
                assertTrue(Double.isFinite(b.loss()) && b.loss() > 0, c.id() + ": loss");
            }
            case TrajectoryCase t -> {
                assertFit(c, units, t.params(), t.lossCurve(), t.nIter(), t.t(), t.finalCoefs(),
                        t.finalIntercepts(), t.output(), t.predict());
                assertEquals(Boolean.FALSE, t.params().get("shuffle"), c.id() + ": shuffle");
            }
            case SeededCase s -> {
                assertFit(c, units, s.params(), s.lossCurve(), s.nIter(), s.t(), s.finalCoefs(),
                        s.finalIntercepts(), s.output(), s.predict());
                assertTrue(s.randomState() >= 0, c.id() + ": random_state");
            }
            case CallsCase k -> {
                assertFit(c, units, k.params(), k.lossCurve(), k.nIter(), k.t(), k.finalCoefs(),
                        k.finalIntercepts(), k.output(), k.predict());
                assertTrue(k.refusedAt() >= -1 && k.refusedAt() < k.calls().size(), c.id() + ": refused_at");
            }
            case LbfgsCase l -> {
                assertEquals("lbfgs", l.params().get("solver"), c.id());
                assertTrue(l.nIter() >= 1 && l.nIter() <= ((Number) l.params().get("max_iter")).intValue(),
                        c.id() + ": n_iter within max_iter");
                assertTrue(Double.isFinite(l.finalLoss()) && l.finalLoss() >= 0, c.id());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hiddenLayerSizesParamMatchesTheWeights(ReferenceCase c) {
        Map<String, Object> params = switch (c) {
            case TrajectoryCase t -> t.params();
            case SeededCase s -> s.params();
            case LbfgsCase l -> l.params();
            case CallsCase k -> k.params();
            case BackpropCase b -> Map.of("hidden_layer_sizes",
                    Arrays.stream(b.hiddenLayerSizes()).boxed().toList());
        };
        int[] units = c.layerUnits();
        List<?> hidden = (List<?>) params.get("hidden_layer_sizes");
        assertEquals(units.length - 2, hidden.size(), c.id());
        for (int i = 0; i < hidden.size(); i++) {
            assertEquals(units[i + 1], ((Number) hidden.get(i)).intValue(), c.id() + " layer " + i);
        }
    }

    @Test
    void systemPropertyPointsTheReaderAtAnotherFolder(@TempDir Path dir) throws IOException {
        Path source = ReferenceCases.directory().resolve("backprop-000.json");
        Files.copy(source, dir.resolve("mine.json"));
        Files.writeString(dir.resolve("notes.json"), "{\"not\": \"a case\"}");
        String old = System.getProperty(ReferenceCases.PROPERTY);
        System.setProperty(ReferenceCases.PROPERTY, dir.toString());
        try {
            assertEquals(dir, ReferenceCases.directory());
            List<ReferenceCase> cases = ReferenceCases.loadAll();
            assertEquals(1, cases.size());
            assertEquals("backprop-000", cases.get(0).id());
        } finally {
            restore(old);
        }
    }

    @Test
    void badOverridesAndFilesAreReportedWithTheirName(@TempDir Path dir) throws IOException {
        String old = System.getProperty(ReferenceCases.PROPERTY);
        System.setProperty(ReferenceCases.PROPERTY, dir.resolve("missing").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    ReferenceCases::directory);
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        } finally {
            restore(old);
        }
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> ReferenceCases.loadAll(dir));
        assertTrue(empty.getMessage().contains(dir.toString()), empty.getMessage());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"kind\": \"backprop\", \"id\": \"x\"}");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ReferenceCases.load(broken));
        assertTrue(missing.getMessage().contains("broken.json") && missing.getMessage().contains("'task'"),
                missing.getMessage());

        Path odd = dir.resolve("odd.json");
        Files.writeString(odd, "{\"kind\": \"mystery\"}");
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> ReferenceCases.load(odd));
        assertTrue(kind.getMessage().contains("mystery"), kind.getMessage());

        Path syntax = dir.resolve("syntax.json");
        Files.writeString(syntax, "{\"kind\": [1, 2,}");
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> ReferenceCases.load(syntax));
        assertTrue(json.getMessage().contains("syntax.json"), json.getMessage());
    }

    @Test
    void jsonNumbersRoundTripExactly() {
        Object parsed = Json.parse("[0.1, -2.5e-300, 1e308, 7, -0.0, NaN, Infinity, -Infinity]", "t");
        assertEquals(List.of(0.1, -2.5e-300, 1e308, 7L, -0.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), parsed);
    }

    private static void assertFit(ReferenceCase c, int[] units, Map<String, Object> params,
                                  double[] lossCurve, int nIter, long t, List<Matrix> finalCoefs,
                                  List<double[]> finalIntercepts, Matrix output, Matrix predict) {
        CaseHeader h = c.header();
        int n = h.x().rows();
        assertEquals(nIter, lossCurve.length, c.id() + ": one loss per epoch");
        assertTrue(nIter <= ((Number) params.get("max_iter")).intValue(), c.id() + ": n_iter");
        assertEquals((long) nIter * n, t, c.id() + ": t_ counts samples seen");
        assertLayers(c.id() + " final", units, finalCoefs, finalIntercepts);
        int outCols = h.classifier() && h.outputUnits() == 1 ? 2 : h.outputUnits();
        assertShape(output, n, outCols, c.id() + " output");
        assertEquals(n, predict.rows(), c.id() + ": predict rows");
        assertEquals(h.y().cols(), predict.cols(), c.id() + ": predict columns");
        assertEquals(h.y().oneDimensional(), predict.oneDimensional(), c.id() + ": predict rank");
    }

    private static void assertLayers(String what, int[] units, List<Matrix> coefs,
                                     List<double[]> intercepts) {
        assertEquals(units.length - 1, coefs.size(), what + ": weight layers");
        assertEquals(units.length - 1, intercepts.size(), what + ": bias layers");
        for (int i = 0; i < coefs.size(); i++) {
            assertShape(coefs.get(i), units[i], units[i + 1], what + " coefs[" + i + "]");
            assertEquals(units[i + 1], intercepts.get(i).length, what + " intercepts[" + i + "]");
        }
    }

    private static void assertShape(Matrix m, int rows, int cols, String what) {
        assertEquals(rows + " x " + cols, m.rows() + " x " + m.cols(), what + " " + m.shape());
    }

    private static void assertArrayEqualsInts(int[] expected, int[] actual, String what) {
        assertEquals(Arrays.toString(expected), Arrays.toString(actual), what);
    }

    private static String expectedOutActivation(CaseHeader h) {
        Function<CaseHeader, String> rule = x -> !x.classifier() ? "identity"
                : x.y().oneDimensional() && x.outputUnits() > 1 ? "softmax" : "logistic";
        return rule.apply(h);
    }

    private static void restore(String old) {
        if (old == null) {
            System.clearProperty(ReferenceCases.PROPERTY);
        } else {
            System.setProperty(ReferenceCases.PROPERTY, old);
        }
    }
}
