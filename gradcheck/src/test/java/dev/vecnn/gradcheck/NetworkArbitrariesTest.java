package dev.vecnn.gradcheck;

import java.util.List;

import dev.vecnn.kernels.Activation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported arbitraries stay in their documented ranges and network cases are reproducible. */
class NetworkArbitrariesTest {
    @Property
    void casesStayInRange(@ForAll("cases") NetworkCase c) {
        NetworkShape s = c.shape();
        assertTrue(s.inputs() >= 1 && s.inputs() <= 8, c::toString);
        assertTrue(s.hidden().size() >= 1 && s.hidden().size() <= 3, c::toString);
        assertTrue(s.hidden().stream().allMatch(w -> w >= 1 && w <= 8), c::toString);
        assertTrue(s.outputs() >= c.kind().minOutputs() && s.outputs() <= c.kind().maxOutputs(), c::toString);
        assertTrue(c.alpha() == 0 || c.alpha() >= 1e-4 && c.alpha() <= 1, c::toString);
        assertTrue(c.rows() >= 1 && c.rows() <= 40, c::toString);
        assertEquals(s.parameterCount(), c.parameters().length);
        assertEquals(c.rows() * s.inputs(), c.inputs().length);
        for (double x : c.inputs()) {
            assertTrue(Math.abs(x) <= c.dataScale());
        }
        double[] y = c.targets();
        for (int r = 0; r < c.rows(); r++) {
            double rowSum = 0;
            for (int j = 0; j < s.outputs(); j++) {
                double v = y[r * s.outputs() + j];
                rowSum += v;
                switch (c.kind()) {
                    case MULTICLASS, BINARY, MULTILABEL -> assertTrue(v == 0 || v == 1);
                    case POISSON -> assertTrue(v >= 0 && v == Math.rint(v));
                    case REGRESSION -> assertTrue(Double.isFinite(v));
                }
            }
            if (c.kind() == OutputKind.MULTICLASS) {
                assertEquals(1, rowSum);
            }
        }
        if (c.weighted()) {
            for (double w : c.sampleWeights()) {
                assertTrue(w >= 0.1 && w <= 2);
            }
        } else {
            assertNull(c.sampleWeights());
        }
    }

    @Property
    void smallArbitrariesStayInRange(@ForAll("batches") int rows, @ForAll("lengths") int length,
                                     @ForAll("scales") double scale, @ForAll("alphas") double alpha) {
        assertTrue(rows >= 1 && rows <= 40);
        assertTrue(length >= 1 && length <= 200);
        assertTrue(scale == 0.5 || scale == 1 || scale == 2);
        assertTrue(alpha == 0 || alpha >= 1e-4 && alpha <= 1);
        double[] w = NetworkArbitraries.sampleWeights(rows).sample();
        assertTrue(w == null || w.length == rows && java.util.Arrays.stream(w).allMatch(v -> v >= 0.1 && v <= 2));
        double[] data = NetworkArbitraries.scaledData(length, scale).sample();
        assertTrue(data.length == length && java.util.Arrays.stream(data).allMatch(v -> Math.abs(v) <= scale));
    }

    @Provide
    Arbitrary<Integer> batches() {
        return NetworkArbitraries.batchSizes();
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return NetworkArbitraries.raggedLengths();
    }

    @Provide
    Arbitrary<Double> scales() {
        return NetworkArbitraries.scales();
    }

    @Provide
    Arbitrary<Double> alphas() {
        return NetworkArbitraries.alphas();
    }

    @Test
    void sameSeedSameValues() {
        NetworkCase c = new NetworkCase(new NetworkShape(3, List.of(4, 2), 2), Activation.RELU, OutputKind.MULTILABEL,
                0.1, true, 5, 1, 2, 99);
        NetworkCase d = new NetworkCase(c.shape(), c.activation(), c.kind(), c.alpha(), c.weighted(), c.rows(),
                c.dataScale(), c.weightScale(), c.seed());
        assertArrayEquals(c.parameters(), d.parameters());
        assertArrayEquals(c.inputs(), d.inputs());
        assertArrayEquals(c.targets(), d.targets());
        assertArrayEquals(c.sampleWeights(), d.sampleWeights());
        assertEquals(c.toString(), d.toString());
        assertTrue(c.toString().startsWith("new NetworkCase(new NetworkShape(3, List.of(4, 2), 2), Activation.RELU, "
                + "OutputKind.MULTILABEL, 0.1, true, 5, 1.0, 2.0, 99L)"), c::toString);
    }

    @Test
    void layoutNamesEveryParameter() {
        ParameterLayout layout = new ParameterLayout(new NetworkShape(2, List.of(3), 1));
        assertEquals(2 * 3 + 3 + 3 + 1, layout.size());
        assertEquals("W1[0,0]", layout.name(0));
        assertEquals("W1[1,2]", layout.name(5));
        assertEquals("b1[0]", layout.name(6));
        assertEquals("W2[2,0]", layout.name(11));
        assertEquals("b2[0]", layout.name(12));
        assertEquals(9, layout.weights(1));
        assertEquals(12, layout.bias(1));
    }

    @Test
    void invalidCasesAreRejected() {
        NetworkShape two = new NetworkShape(1, List.of(1), 2);
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(0, List.of(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(1, List.of(0), 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkCase(two, Activation.RELU, OutputKind.BINARY,
                0, false, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NetworkCase(new NetworkShape(1, List.of(1), 1),
                Activation.RELU, OutputKind.MULTICLASS, 0, false, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NetworkCase(two, Activation.RELU, OutputKind.REGRESSION,
                -1, false, 1, 1, 1, 0));
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return NetworkArbitraries.cases();
    }

    @Property(tries = 50)
    void casesKeepToTheKindsAsked(@ForAll("poissonTanhCases") NetworkCase c) {
        assertEquals(OutputKind.POISSON, c.kind());
        assertEquals(Activation.TANH, c.activation());
    }

    @Provide
    Arbitrary<NetworkCase> poissonTanhCases() {
        return NetworkArbitraries.cases(net.jqwik.api.Arbitraries.of(Activation.TANH),
                net.jqwik.api.Arbitraries.of(OutputKind.POISSON));
    }

    @Test
    void checkOptionsLeaveOutClippedAndSaturatedCasesOnly() {
        NetworkCase c = new NetworkCase(new NetworkShape(2, List.of(3), 3), Activation.TANH, OutputKind.MULTICLASS,
                0.0, false, 2, 1.0, 1.0, 7L);
        double[] y = c.targets();
        double[] p = new double[6];
        for (int i = 0; i < p.length; i++) {
            p[i] = y[i] > 0 ? 0.5 : 0.25;             // every true class at 0.5: a plain case
        }
        double value = Math.log(2);
        CheckOptions options = c.checkOptions(p, value).orElseThrow();
        assertTrue(options.valueAccuracy() > CheckOptions.DEFAULT_VALUE_ACCURACY && options.valueAccuracy() < 1e-13,
                () -> "accuracy " + options.valueAccuracy());
        assertEquals("W1[0,0]", options.name(0));
        double[] clipped = p.clone();
        for (int i = 0; i < p.length; i++) {
            clipped[i] = y[i] > 0 ? 1e-300 : 0.5;      // a logged probability below eps
        }
        assertTrue(c.checkOptions(clipped, value).isEmpty());
        // A loss of 1e-12 known only to about 1e-16 absolute: 1e-4 relative, far worse than 1e-10.
        assertTrue(c.checkOptions(p, 1e-12).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> c.checkOptions(new double[5], value));
        assertThrows(IllegalArgumentException.class, () -> c.checkOptions(null, value));
    }

    /** Bad shapes, layouts and cases are refused with an IllegalArgumentException, not a wrap or an NPE. */
    @Test
    void badArgumentsAreRefusedByName() {
        java.util.List<Integer> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(1, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(1, withNull, 1));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new NetworkShape(100000, List.of(100000), 1));
        assertTrue(big.getMessage().contains("parameters"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ParameterLayout(null));
        ParameterLayout layout = new ParameterLayout(new NetworkShape(2, List.of(3), 1));
        assertEquals("W1[0,0]", layout.name(0));
        assertThrows(IllegalArgumentException.class, () -> layout.name(-1));
        assertThrows(IllegalArgumentException.class, () -> layout.name(layout.size()));
        assertThrows(IllegalArgumentException.class, () -> layout.weights(2));
        assertThrows(IllegalArgumentException.class, () -> layout.bias(-1));
        NetworkShape shape = new NetworkShape(2, List.of(3), 1);
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkCase(null, Activation.TANH, OutputKind.REGRESSION, 0, false, 4, 1, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkCase(shape, null, OutputKind.REGRESSION, 0, false, 4, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkCase(shape, Activation.TANH,
                OutputKind.REGRESSION, Double.POSITIVE_INFINITY, false, 4, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkCase(shape, Activation.TANH,
                OutputKind.REGRESSION, 0, false, 4, Double.POSITIVE_INFINITY, 1, 1));
    }
}
