package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The median of the kept ratios, odd and even counts, the cap, and clearing. */
class PairedRatiosTest {
    @Test
    void medianOfTheKeptRatios() {
        PairedRatios r = new PairedRatios(1000);
        assertEquals(0, r.median());
        r.add(3);
        r.add(1);
        r.add(2);
        assertEquals(2, r.median());
        r.add(10);
        assertEquals(2.5, r.median());
        for (int i = 0; i < 600; i++) {
            r.add(100);
        }
        assertEquals(100, r.median());
        r.clear();
        assertEquals(0, r.median());
    }

    @Test
    void ratiosBeyondTheCapacityAreNotKept() {
        PairedRatios r = new PairedRatios(3);
        r.add(1);
        r.add(2);
        r.add(3);
        r.add(100);
        r.add(100);
        assertEquals(2, r.median());
    }
}
