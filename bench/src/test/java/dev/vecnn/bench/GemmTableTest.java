package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rows and columns follow the plan, and a planned fork without a result shows as failed. */
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
    void cellsLeaveOutAnUndefinedError() {
        assertEquals("12.35 ± 0.50", new Cell(12.345, 0.5).format());
        assertEquals("3.00", new Cell(3, Double.NaN).format());
    }
}
