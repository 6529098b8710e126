package dev.vecnn.bench;

import java.util.Arrays;

/**
 * One iteration's sums over the operations of an {@link InTurn} run, for a benchmark's JMH
 * counters: timed calls and nanoseconds per contender, and each operation's own ratio of two
 * contenders (see {@link PairedRatios}) for their median.
 */
final class InTurnTotals {
    private final long[] calls;
    private final long[] nanos;
    private final PairedRatios ratios;

    InTurnTotals(int contenders, int maxPaired) {
        calls = new long[contenders];
        nanos = new long[contenders];
        ratios = new PairedRatios(maxPaired);
    }

    void clear() {
        Arrays.fill(calls, 0);
        Arrays.fill(nanos, 0);
        ratios.clear();
    }

    /** One operation: each contender's number of timed calls and their time, and the operation's ratio. */
    void add(long[] opCalls, long[] opNanos, double ratio) {
        for (int i = 0; i < calls.length; i++) {
            calls[i] += opCalls[i];
            nanos[i] += opNanos[i];
        }
        ratios.add(ratio);
    }

    long calls(int contender) {
        return calls[contender];
    }

    long nanos(int contender) {
        return nanos[contender];
    }

    /** The median of the operations' ratios, 0 before the first. */
    double medianRatio() {
        return ratios.median();
    }
}
