package dev.vecnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code GemmArguments.noOverlap} refuses exactly the strided regions that share an element with
 * C: compared with the sets of elements themselves on small random layouts.
 */
class GemmOverlapPropertiesTest {
    @Property(tries = 2000)
    void refusesExactlyTheRegionsThatShareAnElement(
            @ForAll @IntRange(min = 0, max = 40) int off, @ForAll @IntRange(min = 1, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 6) int cols, @ForAll @IntRange(min = 0, max = 5) int ldExtra,
            @ForAll @IntRange(min = 0, max = 40) int cOff, @ForAll @IntRange(min = 1, max = 6) int m,
            @ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 0, max = 5) int ldcExtra) {
        float[] shared = new float[1];
        int ld = cols + ldExtra;
        int ldc = n + ldcExtra;
        Set<Integer> input = elements(off, ld, rows, cols);
        input.retainAll(elements(cOff, ldc, m, n));
        boolean refused;
        try {
            GemmArguments.noOverlap("a", shared, off, ld, rows, cols, shared, cOff, ldc, m, n);
            refused = false;
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        assertEquals(!input.isEmpty(), refused, "shared elements " + input);
    }

    private static Set<Integer> elements(int off, int ld, int rows, int cols) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s.add(off + i * ld + j);
            }
        }
        return s;
    }
}
