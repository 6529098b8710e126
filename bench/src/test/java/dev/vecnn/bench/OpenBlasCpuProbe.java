package dev.vecnn.bench;

import java.util.List;

/**
 * Run by {@link OpenBlasCpuPeerTest} in a JVM of its own (as a JMH fork is): the benchmark's setup
 * check for openblas-cpu on ragged shapes, every transpose case, both precisions, one and two
 * threads; then prints the core OpenBLAS runs. The first case that fails ends the JVM with its
 * exception (exit status 1).
 */
final class OpenBlasCpuProbe {
    private OpenBlasCpuProbe() {
    }

    public static void main(String[] args) {
        for (String shape : List.of("7x5x3", "33x17x65", "1x1x1")) {
            for (Trans trans : Trans.values()) {
                for (Precision precision : Precision.values()) {
                    for (int threads : List.of(1, 2)) {
                        GemmBenchmark benchmark = new GemmBenchmark();
                        benchmark.impl = Peer.OPENBLAS_CPU.id;
                        benchmark.shape = shape;
                        benchmark.trans = trans.name();
                        benchmark.dtype = precision.id;
                        benchmark.threads = threads;
                        try {
                            benchmark.setUp();
                            benchmark.gemm();
                        } finally {
                            benchmark.tearDown();
                        }
                    }
                }
            }
        }
        System.out.println("core " + OpenBlas.coreName());
    }
}
