package dev.vecnn.bench;

/** One fork of {@link GemmBenchmark}: an implementation on one problem at one thread count. */
record BenchCase(Peer peer, Workload workload, Precision precision, int threads) {
}
