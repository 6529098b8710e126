package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rows and columns follow the plan, a planned fork without a result shows as failed, and the
 * machine's peak adds its columns where it was measured.
 */
class GemmTableTest {
    private static final GemmPlan PLAN = GemmPlan.of(new GemmPlan.Selection(
            Optional.of(List.of(Peer.VECNN, Peer.NETLIB)), Optional.of(List.of(new GemmShape(200, 10, 50))),
            Optional.empty(), Optional.of(List.of(Precision.F32)), Optional.of(List.of(1, 2))),
            false, Optional.empty());

    @Test
    void plannedForksWithoutResultsAreFailures() {
        GemmTable table = GemmTable.of(PLAN, List.of());
        // vecnn at 1 and 2 threads, netlib at 1 only.
        assertEquals(3, table.failures());
        assertEquals(List.of("shape", "trans", "dtype", "threads", "vecnn", "netlib", "vecnn/netlib"), table.header());
        assertEquals(List.of(
                List.of("200x10x50", "NN", "f32", "1", "failed", "failed", "-"),
                List.of("200x10x50", "NN", "f32", "2", "failed", "-", "-")), table.rows());
    }

    @Test
    void markdownRightAlignsTheNumbers() {
        String[] lines = GemmTable.of(PLAN, List.of()).markdown().split("\n");
        assertEquals("| shape | trans | dtype | threads | vecnn | netlib | vecnn/netlib |", lines[0]);
        assertEquals("| --- | --- | --- | --- | ---: | ---: | ---: |", lines[1]);
        assertEquals(4, lines.length);
    }

    @Test
    void thePeakColumnsFollowTheMeasuredPeaks() {
        // The peak of one thread measured, of two not (its run failed): '-' there.
        GemmTable table = GemmTable.of(PLAN, List.of(),
                Map.of(new MachinePeak.Key(Precision.F32, 1), new Cell(150, Double.NaN)));
        assertEquals(List.of("shape", "trans", "dtype", "threads", "vecnn", "netlib", "peak", "vecnn/netlib",
                "vecnn/peak"), table.header());
        assertEquals(List.of(
                List.of("200x10x50", "NN", "f32", "1", "failed", "failed", "150.00", "-", "-"),
                List.of("200x10x50", "NN", "f32", "2", "failed", "-", "-", "-", "-")), table.rows());
    }

    @Test
    void thePeakIsMeasuredPerPrecisionAndThreadCountOfThePlan() {
        assertEquals(Set.of(new MachinePeak.Key(Precision.F32, 1), new MachinePeak.Key(Precision.F32, 2)),
                MachinePeak.keys(PLAN));
        assertNull(MachinePeak.unavailableReason(512));
        assertTrue(MachinePeak.unavailableReason(256).contains("256-bit"));
        assertTrue(MachinePeak.unavailableReason(0).contains("no jdk.incubator.vector module"));
    }

    @Test
    void cellsLeaveOutAnUndefinedError() {
        assertEquals("12.35 ± 0.50", new Cell(12.345, 0.5).format());
        assertEquals("3.00", new Cell(3, Double.NaN).format());
    }
}
