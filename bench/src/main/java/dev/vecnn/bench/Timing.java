package dev.vecnn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Forks and iterations of a run: the user's JMH options where given, else the quick values for a
 * smoke run, else the defaults annotated on {@link GemmBenchmark} (the one place they are set).
 */
record Timing(int forks, int warmupIterations, TimeValue warmupTime, int measurementIterations,
              TimeValue measurementTime) {
    /** A smoke run: every fork sets up, checks and measures, after one second for the JIT; indicative numbers only. */
    static final Timing QUICK = new Timing(1, 2, TimeValue.seconds(1), 3, TimeValue.milliseconds(300));
    /** Beyond its iterations a fork costs a JVM start, the seeded data, the setup check and the JIT. */
    static final double FORK_OVERHEAD_SECONDS = 1.5;

    static Timing annotated() {
        Fork fork = GemmBenchmark.class.getAnnotation(Fork.class);
        Warmup warmup = GemmBenchmark.class.getAnnotation(Warmup.class);
        Measurement measurement = GemmBenchmark.class.getAnnotation(Measurement.class);
        return new Timing(fork.value(), warmup.iterations(), new TimeValue(warmup.time(), warmup.timeUnit()),
                measurement.iterations(), new TimeValue(measurement.time(), measurement.timeUnit()));
    }

    static Timing of(Options user, boolean quick) {
        Timing base = quick ? QUICK : annotated();
        return new Timing(
                user.getForkCount().orElse(base.forks),
                user.getWarmupIterations().orElse(base.warmupIterations),
                user.getWarmupTime().orElse(base.warmupTime),
                user.getMeasurementIterations().orElse(base.measurementIterations),
                user.getMeasurementTime().orElse(base.measurementTime));
    }

    /** A lower estimate of one case's wall time: slow products stretch iterations beyond their nominal time. */
    double secondsPerCase() {
        double iterations = warmupIterations * warmupTime.convertTo(TimeUnit.MILLISECONDS)
                + measurementIterations * measurementTime.convertTo(TimeUnit.MILLISECONDS);
        return Math.max(1, forks) * (iterations / 1000.0 + FORK_OVERHEAD_SECONDS);
    }

    @Override
    public String toString() {
        return "fork " + forks + ", warmup " + warmupIterations + " x " + warmupTime
                + ", measurement " + measurementIterations + " x " + measurementTime;
    }
}
