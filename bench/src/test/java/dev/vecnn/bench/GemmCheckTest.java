package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The setup check accepts a correct product and rejects wrong ones, so it can guard the table. */
class GemmCheckTest {
    private static double[] correct(GemmProblem p) {
        try (PeerGemm naive = Peer.NAIVE.open(p, 1)) {
            naive.multiply();
            return naive.result();
        }
    }

    @Test
    void acceptsTheNaiveProduct() {
        GemmProblem p = GemmProblem.random(new GemmShape(9, 11, 13), Trans.TN, Precision.F32);
        assertDoesNotThrow(() -> GemmCheck.verify(p, correct(p), "naive"));
    }

    @Test
    void rejectsAnErrorFarAboveRounding() {
        GemmProblem p = GemmProblem.random(new GemmShape(9, 11, 13), Trans.NN, Precision.F64);
        double[] c = correct(p);
        // A relative error of 1e-9 is harmless for most uses but far above the double bound at k = 13.
        c[5 * 11 + 10] *= 1 + 1e-9;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GemmCheck.verify(p, c, "bad"));
        assertTrue(e.getMessage().contains("C[5][10]"), e.getMessage());
    }

    @Test
    void rejectsNaN() {
        GemmProblem p = GemmProblem.random(new GemmShape(4, 4, 4), Trans.NT, Precision.F32);
        double[] c = correct(p);
        c[0] = Double.NaN;
        assertThrows(IllegalStateException.class, () -> GemmCheck.verify(p, c, "nan"));
    }

    @Test
    void rejectsTheWrongTranspose() {
        GemmProblem nn = GemmProblem.random(new GemmShape(6, 6, 6), Trans.NN, Precision.F64);
        GemmProblem nt = GemmProblem.random(new GemmShape(6, 6, 6), Trans.NT, Precision.F64);
        assertThrows(IllegalStateException.class, () -> GemmCheck.verify(nt, correct(nn), "swapped"));
    }

    @Test
    void checksEveryRowUpToTheLimitThenEdgesAndASample() {
        assertEquals(512, GemmCheck.checkedRows(new GemmShape(512, 512, 512)).length);
        int[] rows = GemmCheck.checkedRows(new GemmShape(2048, 2048, 2048));
        assertTrue(rows.length <= GemmCheck.SAMPLED_ROWS + 2 * GemmCheck.EDGE_ROWS, "rows checked: " + rows.length);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, java.util.Arrays.copyOf(rows, 8));
        assertEquals(2047, rows[rows.length - 1]);
        assertEquals(2040, rows[rows.length - 8]);
    }
}
