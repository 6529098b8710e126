package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default table and the rules that keep its combinations sensible and its run time bounded. */
class GemmPlanTest {
    private static final GemmPlan DEFAULT = GemmPlan.of(GemmPlan.Selection.defaults(), false, Optional.empty());

    @Test
    void singleThreadedPeersRunAtOneThreadOnly() {
        assertTrue(DEFAULT.cases.stream().filter(c -> c.threads() != 1).allMatch(c -> c.peer().multiThreaded));
        assertTrue(DEFAULT.cases.stream().anyMatch(c -> c.peer() == Peer.OPENBLAS && c.threads() == 2));
        assertTrue(DEFAULT.cases.stream().anyMatch(c -> c.peer() == Peer.VECNN && c.threads() == 2));
    }

    @Test
    void coversTheSquaresAndTheMlpInBothPrecisions() {
        for (int size : GemmPlan.SQUARE_SIZES) {
            Workload square = new Workload(new GemmShape(size, size, size), Trans.NN);
            for (Precision precision : Precision.values()) {
                assertTrue(DEFAULT.cases.contains(new BenchCase(Peer.VECNN, square, precision, 1)), square.toString());
                assertTrue(DEFAULT.cases.contains(new BenchCase(Peer.OPENBLAS, square, precision, 2)), square.toString());
            }
        }
        for (Workload mlp : GemmPlan.MLP) {
            for (Peer peer : Peer.values()) {
                assertTrue(DEFAULT.cases.contains(new BenchCase(peer, mlp, Precision.F64, 1)), peer + " " + mlp);
            }
        }
    }

    @Test
    void slowPeersSkipTheLargestSquaresAndSayWhy() {
        Workload big = new Workload(new GemmShape(1024, 1024, 1024), Trans.NN);
        assertFalse(DEFAULT.cases.contains(new BenchCase(Peer.NAIVE, big, Precision.F32, 1)));
        assertTrue(DEFAULT.cases.contains(new BenchCase(Peer.EJML, big, Precision.F32, 1)));
        assertTrue(DEFAULT.notes.stream().anyMatch(n -> n.startsWith("naive skipped")));
    }

    @Test
    void missingOpenBlasIsLeftOutWithTheInstallHint() {
        GemmPlan plan = GemmPlan.of(GemmPlan.Selection.defaults(), false, Optional.of(OpenBlas.MISSING));
        assertTrue(plan.cases.stream().noneMatch(c -> c.peer() == Peer.OPENBLAS));
        assertTrue(plan.notes.contains("openblas skipped: " + OpenBlas.MISSING));
    }

    @Test
    void listedShapesKeepTheirTransposesAndListedTransposesReplaceThem() {
        GemmShape gradient = new GemmShape(784, 100, 200);
        GemmShape custom = new GemmShape(300, 300, 300);
        GemmPlan.Selection shapes = new GemmPlan.Selection(Optional.of(List.of(Peer.VECNN)),
                Optional.of(List.of(gradient, custom)), Optional.empty(), Optional.of(List.of(Precision.F32)),
                Optional.of(List.of(1)));
        assertEquals(List.of(new Workload(gradient, Trans.TN), new Workload(custom, Trans.NN)),
                GemmPlan.of(shapes, false, Optional.empty()).cases.stream().map(BenchCase::workload).toList());
        GemmPlan.Selection crossed = new GemmPlan.Selection(shapes.peers(), shapes.shapes(),
                Optional.of(List.of(Trans.NT)), shapes.precisions(), shapes.threads());
        assertTrue(GemmPlan.of(crossed, false, Optional.empty()).cases.stream()
                .allMatch(c -> c.workload().trans() == Trans.NT));
    }

    @Test
    void quickLeavesOutTheLargeSquares() {
        GemmPlan quick = GemmPlan.of(GemmPlan.Selection.defaults(), true, Optional.empty());
        assertTrue(quick.cases.stream().allMatch(c -> c.workload().shape().m() < GemmPlan.QUICK_SQUARE_LIMIT));
        assertTrue(quick.notes.stream().anyMatch(n -> n.startsWith("quick")));
    }
}
