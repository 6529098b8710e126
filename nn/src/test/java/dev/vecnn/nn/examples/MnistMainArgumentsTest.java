package dev.vecnn.nn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The main job's argument: float32, float64 or none; anything else is refused with the bad
 * argument and the accepted ones named, instead of training in float64 under another name.
 */
class MnistMainArgumentsTest {
    @Test
    void acceptsThePrecisionsAndNothing() {
        assertTrue(MnistMain.float32("float32"));
        assertFalse(MnistMain.float32("float64"));
        assertFalse(MnistMain.float32());
    }

    @Test
    void refusesAnythingElseNamingItAndTheAcceptedOnes() {
        for (String bad : new String[] {"foo", "Float32", "f32", "float16", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MnistMain.float32(bad));
            assertEquals("unknown argument '" + bad + "'; accepted: float64 or float32 (none: float64)",
                    e.getMessage());
        }
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> MnistMain.float32("float32", "float64"));
        assertTrue(two.getMessage().startsWith("one argument at most, got 2: 'float32 float64'"), two.getMessage());
        assertTrue(two.getMessage().endsWith("accepted: float64 or float32 (none: float64)"), two.getMessage());
    }
}
