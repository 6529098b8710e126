package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What a JMH user types that the suites cannot do as asked is refused with a message saying what
 * to type instead, before anything runs; a parameter value a benchmark does not know fails the
 * run instead of timing something else under that name.
 */
class BenchArgumentsTest {
    /** A one-case table of short iterations: were a refusal lost, the test would run this, not the full table. */
    private static final List<String> TINY = List.of("-p", "impl=naive", "-p", "shape=8x8x8", "-p", "dtype=f32",
            "-f", "1", "-wi", "0", "-i", "1", "-r", "10ms");

    @Test
    void gemmRefersListingsAndResultFilesToJmh() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        for (List<String> args : List.of(List.of("-l"), List.of("-lp"), List.of("quick", "-lprof"))) {
            assertMessage(() -> GemmSuite.run(args, out), "jmh -l");
        }
        assertMessage(() -> GemmSuite.run(List.of("-rf", "json"), out), "gemm-results.json");
        assertMessage(() -> GemmSuite.run(List.of("-rff", "out.json"), out), "gemm-results.json");
    }

    @Test
    void gemmRefusesJmhOptionsItCannotHonour() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        for (List<String> option : List.of(List.of("-t", "2"), List.of("-tg", "1"), List.of("-bm", "avgt"),
                List.of("-tu", "ms"), List.of("-bs", "4"), List.of("-wbs", "4"), List.of("-opi", "2"),
                List.of("-o", "gemm.txt"), List.of("-e", "naive"))) {
            assertMessage(() -> GemmSuite.run(tiny(option), out), option.get(0));
        }
    }

    @Test
    void gemmTakesTheOptionsItHonours() throws Exception {
        List<String> args = List.of("-f", "2", "-wi", "1", "-w", "1s", "-i", "3", "-r", "100ms", "-to", "5m",
                "-gc", "true", "-prof", "gc", "-jvmArgsAppend", "-Dx=y", "-p", "impl=vecnn,naive",
                "-pshape=64x64x64", "-p", "trans=NN", "-p", "dtype=f32", "-p", "threads=1");
        CommandLineOptions user = new CommandLineOptions(args.toArray(String[]::new));
        GemmSuite.refuseUnhonoured(user);
        GemmSuite.refuseUnknownParameters(args, user);
        GemmPlan.Selection selection = GemmSuite.selection(user);
        assertEquals(List.of(1), selection.threads().orElseThrow());
        assertEquals(List.of(new GemmShape(64, 64, 64)), selection.shapes().orElseThrow());
    }

    @Test
    void gemmRefusesUnknownParameterNamesAndBadThreads() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        for (List<String> misspelt : List.of(List.of("-p", "sahpe=64x64x64"), List.of("-psahpe=64x64x64"))) {
            assertMessage(() -> GemmSuite.run(tiny(misspelt), out),
                    "unknown parameter -p sahpe: GemmBenchmark has impl, shape, trans, dtype, threads");
        }
        for (String bad : List.of("two", "0", "-1", "1.5")) {
            assertMessage(() -> GemmSuite.run(tiny(List.of("-p", "threads=1," + bad)), out),
                    "threads must be a whole number >= 1, got '" + bad + "'");
        }
    }

    @Test
    void gemmTakesTheParametersOfGemmBenchmark() {
        List<String> declared = java.util.Arrays.stream(GemmBenchmark.class.getFields())
                .filter(f -> f.isAnnotationPresent(Param.class)).map(java.lang.reflect.Field::getName).toList();
        assertEquals(java.util.Set.copyOf(declared), java.util.Set.copyOf(GemmSuite.PARAMETERS));
        assertEquals(declared.size(), GemmSuite.PARAMETERS.size());
    }

    @Test
    void aBenchmarkNamedWithoutJmhIsReferredToJmh() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        assertMessage(() -> GemmSuite.run(List.of("GemmPairBenchmark"), out), "benchmarks.jar jmh GemmPairBenchmark");
        assertMessage(() -> GemmSuite.run(List.of("GemmPairBenchmark", "-p", "dtype=f64"), out),
                "benchmarks.jar jmh GemmPairBenchmark");
    }

    @Test
    void unknownParameterValuesFailTheRun() {
        ElementwiseBenchmark unknownKernel = new ElementwiseBenchmark();
        unknownKernel.kernel = "gelu";
        unknownKernel.impl = "vector";
        unknownKernel.size = 1 << 16;
        assertMessage(unknownKernel::setUp, "kernel must be one of");
        ElementwiseBenchmark unknownImpl = new ElementwiseBenchmark();
        unknownImpl.kernel = "tanh";
        unknownImpl.impl = "simd";
        unknownImpl.size = 1 << 16;
        assertMessage(unknownImpl::setUp, "impl must be one of");
        MlpBenchmark mlp = new MlpBenchmark();
        mlp.dtype = "f16";
        mlp.threads = 1;
        assertMessage(mlp::setUp, "dtype must be one of");
    }

    @Test
    void unknownLayerStepsAndWaysFailTheRun() {
        FusedLayerBenchmark unknownImpl = fusedLayer("fwd-784-100-relu", "foo");
        assertMessage(unknownImpl::setUp, "impl must be one of [gemm, fused, separate], got 'foo'");
        // An unknown direction was read as backward; a name without four parts ran off its end.
        for (String step : List.of("up-50-100-relu", "foo", "fwd-784-100-gelu", "fwd-784-100")) {
            FusedLayerBenchmark layer = fusedLayer(step, "fused");
            assertMessage(layer::setUp, "step must be one of " + FusedLayerBenchmark.STEPS + ", got '" + step + "'");
            EpilogueShareBenchmark share = new EpilogueShareBenchmark();
            share.step = step;
            assertMessage(share::setUp, "step must be one of " + FusedLayerBenchmark.STEPS + ", got '" + step + "'");
        }
    }

    @Test
    void layerBenchmarksListTheStepsAndWaysTheyCheck() throws NoSuchFieldException {
        for (Class<?> type : new Class<?>[] {FusedLayerBenchmark.class, EpilogueShareBenchmark.class}) {
            assertEquals(FusedLayerBenchmark.STEPS, List.of(type.getField("step").getAnnotation(Param.class).value()),
                    type.getSimpleName());
        }
        assertEquals(FusedLayerBenchmark.IMPLS,
                List.of(FusedLayerBenchmark.class.getField("impl").getAnnotation(Param.class).value()));
    }

    private static FusedLayerBenchmark fusedLayer(String step, String impl) {
        FusedLayerBenchmark layer = new FusedLayerBenchmark();
        layer.step = step;
        layer.impl = impl;
        layer.jit = "cold";
        return layer;
    }

    private static List<String> tiny(List<String> extra) {
        List<String> args = new ArrayList<>(TINY);
        args.addAll(extra);
        return args;
    }

    private static void assertMessage(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention " + part);
    }
}
