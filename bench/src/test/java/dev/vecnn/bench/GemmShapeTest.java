package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GemmShapeTest {
    @Test
    void parsesMByNByK() {
        GemmShape s = GemmShape.parse("200x100x784");
        assertEquals(new GemmShape(200, 100, 784), s);
        assertEquals(2.0 * 200 * 100 * 784, s.flops());
        assertEquals("200x100x784", s.toString());
    }

    @Test
    void rejectsMalformedShapes() {
        assertThrows(IllegalArgumentException.class, () -> GemmShape.parse("200x100"));
        assertThrows(IllegalArgumentException.class, () -> GemmShape.parse("200x0x5"));
        assertThrows(IllegalArgumentException.class, () -> GemmShape.parse("axbxc"));
    }
}
