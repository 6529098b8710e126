package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openjdk.jmh.annotations.Param;

/**
 * What a JMH user types that the suites cannot do as asked is refused with a message saying what
 * to type instead, before anything runs; a parameter value a benchmark does not know fails the
 * run instead of timing something else under that name.
 */
class BenchArgumentsTest {
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

    private static void assertMessage(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention " + part);
    }
}
