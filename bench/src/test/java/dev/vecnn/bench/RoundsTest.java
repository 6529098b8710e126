package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gemm suite's rounds=N: parsed out of the arguments, and results pooled per case in order. */
class RoundsTest {
    @Test
    void takesTheRoundsAndLeavesTheRest() {
        List<String> args = new ArrayList<>(List.of("quick", "rounds=3", "-f", "1"));
        assertEquals(3, Rounds.take(args));
        assertEquals(List.of("quick", "-f", "1"), args);
        List<String> none = new ArrayList<>(List.of("-f", "2"));
        assertEquals(1, Rounds.take(none));
        assertEquals(List.of("-f", "2"), none);
    }

    @Test
    void badRoundsNameTheArgumentAndTheValue() {
        for (String bad : List.of("rounds=0", "rounds=-2", "rounds=two", "rounds=")) {
            List<String> args = new ArrayList<>(List.of(bad));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rounds.take(args));
            assertTrue(e.getMessage().startsWith("rounds must be a whole number >= 1, got '"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad.substring(Rounds.PREFIX.length()) + "'"), e.getMessage());
        }
    }

    @Test
    void groupsKeepTheOrderOfTheirFirstItem() {
        List<String> forks = List.of("vecnn-1", "openblas-1", "vecnn-2", "openblas-2", "netlib-2");
        assertEquals(List.of(List.of("vecnn-1", "vecnn-2"), List.of("openblas-1", "openblas-2"), List.of("netlib-2")),
                Rounds.grouped(forks, f -> f.substring(0, f.indexOf('-'))));
    }
}
