package dev.vecnn.nn.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job's per-epoch clock: every byte passed on, one time per "Iteration" line, medians. */
class EpochClockTest {
    @Test
    void countsOnlyIterationLinesAndPassesEverythingOn() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        EpochClock clock = new EpochClock(new PrintStream(sink, true, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(clock, true, StandardCharsets.UTF_8);
        String text = "Iteration 1, loss = 0.5\nValidation score: 0.9\nIterations are fine\n"
                + " Iteration 3 indented\nIteration 2, loss = 0.4\nIter\n";
        Thread.sleep(2);
        out.print(text);
        out.flush();
        assertEquals(text, sink.toString(StandardCharsets.UTF_8));
        double[] epochs = clock.epochSeconds();
        // "Iteration 1", "Iterations are fine" (same prefix: the clock matches the word only) and
        // "Iteration 2"; not the indented line nor the short one.
        assertEquals(3, epochs.length);
        assertTrue(epochs[0] >= 0.002, "the first epoch counts from the clock's start: " + epochs[0]);
        for (double e : epochs) {
            assertTrue(e >= 0);
        }
    }

    @Test
    void medianOfOddAndEvenCountsLeavesTheInputAlone() {
        double[] odd = {0.3, 0.1, 0.2};
        assertEquals(0.2, EpochClock.median(odd));
        assertArrayEquals(new double[] {0.3, 0.1, 0.2}, odd);
        assertEquals(0.25, EpochClock.median(new double[] {0.4, 0.1, 0.2, 0.3}), 1e-15);
        assertTrue(Double.isNaN(EpochClock.median(new double[0])));
    }
}
