package dev.vecnn.nn.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The verbose output of a fit, passed on to another stream, with the time at which each epoch's
 * line ("Iteration N, loss = ...") ended: the time between two such lines is one epoch. Gives
 * the median epoch as well as the mean: the first epochs of a fresh JVM also pay for the JIT
 * compiling the training loop (on two threads it competes with the fit for the cores), and this
 * machine is shared, so single epochs are sometimes slowed by others.
 */
final class EpochClock extends OutputStream {
    private static final byte[] PREFIX = "Iteration".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final PrintStream target;
    private final long start;
    private long[] ends = new long[256];
    private int count;
    // Bytes of the current line so far, up to the prefix's length; -1 once it cannot match.
    private int matched;

    /** A clock started now (the fit's start), passing every byte on to {@code target}. */
    EpochClock(PrintStream target) {
        this.target = target;
        this.start = System.nanoTime();
    }

    @Override
    public void write(int b) {
        target.write(b);
        if (b == '\n') {
            if (matched == PREFIX.length) {
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * count);
                }
                ends[count++] = System.nanoTime();
            }
            matched = 0;
        } else if (matched >= 0 && matched < PREFIX.length) {
            matched = PREFIX[matched] == b ? matched + 1 : -1;
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    /** Seconds of each epoch seen so far, the first counted from the clock's start. */
    double[] epochSeconds() {
        double[] out = new double[count];
        long from = start;
        for (int i = 0; i < count; i++) {
            out[i] = (ends[i] - from) / 1e9;
            from = ends[i];
        }
        return out;
    }

    /** The median of {@code values} (the mean of the middle two for an even count); NaN if empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
