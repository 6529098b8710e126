package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation passes the benchmark's own setup check (one product against the reference)
 * on small ragged shapes, each transpose case and both precisions, so a broken peer or a broken
 * wrapper is caught by {@code mvn verify} without running JMH. openblas-cpu needs a JVM in which
 * nothing loaded OpenBLAS before it: {@link OpenBlasCpuPeerTest} runs the same cases in one.
 */
class PeersPassSetupCheckTest {
    // Ragged on purpose: not multiples of any vector length or tile, k longer than m and n.
    private static final List<String> SHAPES = List.of("7x5x3", "33x17x65", "1x1x1");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            if (peer == Peer.OPENBLAS_CPU) {
                continue;
            }
            for (int threads : peer.multiThreaded ? List.of(1, 2) : List.of(1)) {
                for (String shape : SHAPES) {
                    for (Trans trans : Trans.values()) {
                        for (Precision precision : Precision.values()) {
                            cases.add(Arguments.of(peer.id, shape, trans.name(), precision.id, threads));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} threads={4}")
    @MethodSource("cases")
    void setupCheckPasses(String impl, String shape, String trans, String dtype, int threads) {
        if (impl.equals(Peer.OPENBLAS.id)) {
            assumeTrue(OpenBlas.available(), OpenBlas::unavailableReason);
        }
        GemmBenchmark benchmark = new GemmBenchmark();
        benchmark.impl = impl;
        benchmark.shape = shape;
        benchmark.trans = trans;
        benchmark.dtype = dtype;
        benchmark.threads = threads;
        try {
            assertDoesNotThrow(benchmark::setUp);
            assertDoesNotThrow(benchmark::gemm);
        } finally {
            benchmark.tearDown();
        }
    }
}
