package dev.vecnn.bench;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The weight of one measured iteration in JMH's events counters: JMH adds an {@code EVENTS}
 * auxiliary counter up over the measured iterations and forks, so a benchmark that reports a
 * per-iteration figure (a ratio, a rate) through one scales it by one over their number, and what
 * JMH prints is the mean of the iterations' figures.
 */
final class IterationShare {
    private IterationShare() {
    }

    static double of(BenchmarkParams params) {
        return 1.0 / (params.getMeasurement().getCount() * Math.max(1, params.getForks()));
    }
}
