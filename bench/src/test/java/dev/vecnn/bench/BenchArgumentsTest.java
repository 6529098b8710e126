package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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

    private static void assertMessage(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention " + part);
    }
}
