package dev.vecnn.bench;

import java.util.Arrays;

/**
 * The ratios of one iteration's operations, each operation's own (two contenders timed in the
 * same moments), for their median: a figure that follows this machine's speed changes more
 * closely than the ratio of the iteration's totals. Keeps at most {@code capacity} of them.
 */
final class PairedRatios {
    private final int capacity;
    private double[] ratios = new double[256];
    private int count;

    PairedRatios(int capacity) {
        this.capacity = capacity;
    }

    void clear() {
        count = 0;
    }

    void add(double ratio) {
        if (count == capacity) {
            return;
        }
        if (count == ratios.length) {
            ratios = Arrays.copyOf(ratios, Math.min(capacity, ratios.length * 2));
        }
        ratios[count++] = ratio;
    }

    /** The median of the ratios kept, 0 when there are none. */
    double median() {
        if (count == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(ratios, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }
}
