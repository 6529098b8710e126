package dev.vecnn.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vecnn.kernels.Loss;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layer API's boundary: every public constructor and method of the networks, the dense layers
 * (both precisions) and {@link Transfer}, found by reflection, called with small real arguments and
 * then with null in place of each object argument; only the documented optional ones may be null,
 * every other null throws {@link IllegalArgumentException} naming it, and no array, parameter or
 * gradient changes. Then too-short arrays, which must not leave half-written gradients.
 */
class LayerArgumentsTest {
    private static final int[] UNITS = {3, 4, 2};
    private static final int LENGTH = 64;
    /** method#index of the arguments that may be null: sample weights, backward's input delta. */
    private static final List<String> NULL_ALLOWED = List.of("lossAndGradient#2", "backward#5", "backward#6");

    @Test
    void everyNullArgumentIsRefusedByName() {
        int checked = 0;
        List<String> accepted = new ArrayList<>();
        for (Class<?> type : List.of(NetworkF32.class, NetworkF64.class, DenseF32.class, DenseF64.class,
                Transfer.class)) {
            List<Executable> members = new ArrayList<>(Arrays.asList(type.getConstructors()));
            for (Method m : type.getMethods()) {
                // valueOf(String) is the compiler's, with the JDK's contract (NullPointerException).
                if (m.getDeclaringClass() == type && !m.getName().equals("valueOf")) {
                    members.add(m);
                }
            }
            for (Executable member : members) {
                Class<?>[] parameters = member.getParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].isPrimitive() || invoke(member, type, arguments(member), null) != null) {
                        continue;
                    }
                    checked++;
                    if (checkNullAt(member, type, i)) {
                        accepted.add(member.getName() + "#" + i);
                    }
                }
            }
        }
        assertTrue(checked >= 40, "only " + checked + " null arguments checked");
        List<String> unexpected = accepted.stream().filter(name -> !NULL_ALLOWED.contains(name)).toList();
        assertTrue(unexpected.isEmpty(), "accepted null: " + unexpected);
    }

    /** Returns whether the null was accepted; fails unless it was accepted or refused cleanly. */
    private static boolean checkNullAt(Executable member, Class<?> type, int nullIndex) {
        Object[] args = arguments(member);
        Object target = target(member, type);
        Object[] before = Arrays.stream(args).map(LayerArgumentsTest::copy).toArray();
        Object state = state(target);
        args[nullIndex] = null;
        String call = type.getSimpleName() + "." + member.getName() + Arrays.toString(member.getParameterTypes())
                + " argument " + nullIndex;
        Throwable thrown = invoke(member, type, args, target);
        if (thrown == null) {
            return true;
        }
        if (!(thrown instanceof IllegalArgumentException)) {
            fail(call + " threw " + thrown + " instead of IllegalArgumentException", thrown);
        }
        assertTrue(thrown.getMessage().contains("null"), call + ": '" + thrown.getMessage() + "'");
        for (int i = 0; i < args.length; i++) {
            if (i != nullIndex) {
                assertTrue(Arrays.deepEquals(new Object[] {before[i]}, new Object[] {args[i]}),
                        call + " changed argument " + i);
            }
        }
        assertTrue(Arrays.deepEquals(new Object[] {state}, new Object[] {state(target)}),
                call + " changed the parameters or gradients");
        return false;
    }

    /** Runs the member (on {@code target}, or a fresh one when null); returns what it threw, or null. */
    private static Throwable invoke(Executable member, Class<?> type, Object[] args, Object target) {
        try {
            if (member instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                Method m = (Method) member;
                m.invoke(Modifier.isStatic(m.getModifiers()) ? null : target == null ? target(m, type) : target,
                        args);
            }
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object target(Executable member, Class<?> type) {
        if (member instanceof Constructor<?> || Modifier.isStatic(member.getModifiers()) || type == Transfer.class) {
            return type == Transfer.class ? Transfer.RELU : null;
        }
        if (type == NetworkF32.class) {
            NetworkF32 net = new NetworkF32(UNITS, Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS);
            Arrays.fill(net.parameters(), 0.25f);
            net.reserve(8);
            return net;
        }
        if (type == NetworkF64.class) {
            NetworkF64 net = new NetworkF64(UNITS, Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS);
            Arrays.fill(net.parameters(), 0.25);
            net.reserve(8);
            return net;
        }
        if (type == DenseF32.class) {
            float[] params = new float[LENGTH];
            Arrays.fill(params, 0.25f);
            return new DenseF32(2, 2, Transfer.TANH, params, new float[LENGTH], 0, 8);
        }
        double[] params = new double[LENGTH];
        Arrays.fill(params, 0.25);
        return new DenseF64(2, 2, Transfer.TANH, params, new double[LENGTH], 0, 8);
    }

    /** The parameters and gradients a network or layer holds, copied (layers expose them through a network only). */
    private static Object state(Object target) {
        if (target instanceof NetworkF32 n) {
            return new Object[] {n.parameters().clone(), n.gradients().clone()};
        }
        if (target instanceof NetworkF64 n) {
            return new Object[] {n.parameters().clone(), n.gradients().clone()};
        }
        return null;
    }

    /** Small real arguments: every int 2, scalars 0.5, arrays of 0.5 long enough, relu, log-loss. */
    private static Object[] arguments(Executable member) {
        Class<?>[] parameters = member.getParameterTypes();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i];
            if (p == int.class) {
                args[i] = 2;
            } else if (p == float.class) {
                args[i] = 0.5f;
            } else if (p == double.class) {
                args[i] = 0.5;
            } else if (p == int[].class) {
                args[i] = UNITS.clone();
            } else if (p == float[].class) {
                float[] a = new float[LENGTH];
                Arrays.fill(a, 0.5f);
                args[i] = a;
            } else if (p == double[].class) {
                double[] a = new double[LENGTH];
                Arrays.fill(a, 0.5);
                args[i] = a;
            } else if (p == float[][].class) {
                float[][] a = new float[4][LENGTH];
                Arrays.stream(a).forEach(row -> Arrays.fill(row, 0.5f));
                args[i] = a;
            } else if (p == double[][].class) {
                double[][] a = new double[4][LENGTH];
                Arrays.stream(a).forEach(row -> Arrays.fill(row, 0.5));
                args[i] = a;
            } else if (p == Transfer.class) {
                args[i] = Transfer.RELU;
            } else if (p == Loss.class) {
                args[i] = Loss.LOG_LOSS;
            } else if (p == dev.vecnn.nn.Activation.class) {
                args[i] = dev.vecnn.nn.Activation.RELU;
            } else {
                throw new AssertionError("no real argument for " + p + " in " + member);
            }
        }
        return args;
    }

    private static Object copy(Object value) {
        if (value instanceof float[] a) {
            return a.clone();
        }
        if (value instanceof double[] a) {
            return a.clone();
        }
        if (value instanceof int[] a) {
            return a.clone();
        }
        if (value instanceof float[][] a) {
            return Arrays.stream(a).map(float[]::clone).toArray(float[][]::new);
        }
        if (value instanceof double[][] a) {
            return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        }
        return value;
    }

    @Test
    void shortArraysAreRefusedBeforeAnythingIsWritten() {
        float[] params = new float[LENGTH];
        Arrays.fill(params, 0.25f);
        float[] grads = new float[LENGTH];
        DenseF32 layer = new DenseF32(3, 2, Transfer.TANH, params, grads, 0, 6);
        float[] input = new float[5 * 3];
        float[] delta = new float[5 * 2];
        Arrays.fill(input, 0.5f);
        Arrays.fill(delta, 0.5f);
        // The weight gradient comes first in backward; a short inputDelta used to fail only after it.
        assertMessage(() -> layer.backward(input, delta, 5, 0f, 5f, new float[14], Transfer.TANH), "inputDelta");
        assertMessage(() -> layer.backward(input, delta, 5, 0f, 5f, new float[15], Transfer.SOFTMAX), "derivative");
        assertMessage(() -> layer.backward(input, delta, 5, 0f, 0f, null, null), "scale");
        assertMessage(() -> layer.backward(input, delta, 6, 0f, 5f, null, null), "input");
        assertMessage(() -> layer.forward(input, -1, new float[10]), "rows");
        assertArrayEquals(new float[LENGTH], grads);

        NetworkF32 net = new NetworkF32(UNITS, Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS);
        net.reserve(4);
        float[] x = new float[4 * 3];
        float[] y = new float[4 * 2];
        assertMessage(() -> net.lossAndGradient(x, y, new float[3], 4, 0), "sampleWeight");
        assertMessage(() -> net.lossAndGradient(x, new float[7], null, 4, 0), "y");
        assertMessage(() -> net.lossAndGradient(x, y, null, 0, 0), "rows");
        assertMessage(() -> net.predict(new float[][] {{1, 2, 3}, {1, 2}}, 2, new float[4]), "x[1]");
        assertMessage(() -> net.predict(x, 4, new float[7]), "out");
        assertArrayEquals(new float[net.gradients().length], net.gradients());
        assertMessage(() -> Transfer.EXP.apply(new float[4], 1, 2, 2), "x has 4 values");
        assertMessage(() -> net.layer(2), "layer index");
        assertMessage(() -> net.weightOffset(-1), "layer index");
        assertMessage(() -> net.biasOffset(2), "layer index");
    }

    @Test
    void networkSizesAreRefusedByNameBeforeAnythingIsAllocated() {
        // {-2, 3} threw NegativeArraySizeException from the parameter array, {100000, 100000}
        // ArithmeticException, both before the layers' own check.
        for (boolean single : new boolean[] {true, false}) {
            assertMessage(() -> network(single, new int[] {-2, 3}), "units[0] must be >= 1, got -2");
            assertMessage(() -> network(single, new int[] {2, -3}), "units[1] must be >= 1, got -3");
            assertMessage(() -> network(single, new int[] {2, 0, 3}), "units[1] must be >= 1, got 0");
            assertMessage(() -> network(single, new int[] {100000, 100000}), "(10000100000 by layer 0)");
            assertMessage(() -> network(single, new int[] {40000, 40000, 40000}), "(3200080000 by layer 1)");
            // Three products of about 2^62 would overflow a long sum.
            int max = Integer.MAX_VALUE;
            assertMessage(() -> network(single, new int[] {max, max, max, max}), "more than the 2147483639 parameters");
        }
        NetworkF32 f32 = new NetworkF32(UNITS, Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS);
        NetworkF64 f64 = new NetworkF64(UNITS, Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS);
        // reserve(-5) was accepted as a no-op; a workspace past an array threw ArithmeticException.
        assertMessage(() -> f32.reserve(-5), "rows must be >= 0, got -5");
        assertMessage(() -> f64.reserve(-5), "rows must be >= 0, got -5");
        assertMessage(() -> f32.reserve(Integer.MAX_VALUE), "units[1] 4 is more than one array holds");
        assertMessage(() -> f64.reserve(Integer.MAX_VALUE), "units[1] 4 is more than one array holds");
        f32.reserve(0);
        f32.reserve(3);
        assertTrue(Double.isFinite(f32.lossAndGradient(new float[9], new float[] {1, 0, 1, 0, 0, 1}, null, 3, 0)));
    }

    private static Object network(boolean single, int[] units) {
        return single ? new NetworkF32(units, Transfer.RELU, Transfer.IDENTITY, Loss.SQUARED)
                : new NetworkF64(units, Transfer.RELU, Transfer.IDENTITY, Loss.SQUARED);
    }

    @Test
    void sampleWeightsWithoutAPositiveSumAndBadAlphaAreRefusedBeforeAnythingChanges() {
        // All-zero weights divided the loss and the gradients by 0 and returned NaN.
        NetworkF32 f32 = new NetworkF32(UNITS, Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS);
        Arrays.fill(f32.parameters(), 0.25f);
        f32.reserve(2);
        float[] x32 = {1, 2, 3, -1, 0, 1};
        float[] y32 = {1, 0, 0, 1};
        double loss32 = f32.lossAndGradient(x32, y32, new float[] {0, 2}, 2, 0.5);
        assertTrue(Double.isFinite(loss32) && loss32 > 0);
        float[] grads32 = f32.gradients().clone();
        float[] params32 = f32.parameters().clone();
        assertMessage(() -> f32.lossAndGradient(x32, y32, new float[] {0, 0}, 2, 0),
                "sampleWeight must have a positive");
        assertMessage(() -> f32.lossAndGradient(x32, y32, new float[] {0, 0, 5}, 2, 0), "got 0.0");
        assertMessage(() -> f32.lossAndGradient(x32, y32, new float[] {-1, 2}, 2, 0), "non-negative, got -1.0 at 0");
        assertMessage(() -> f32.lossAndGradient(x32, y32, new float[] {1, Float.NaN}, 2, 0), "got NaN at 1");
        assertMessage(() -> f32.lossAndGradient(x32, y32, new float[] {1, Float.POSITIVE_INFINITY}, 2, 0),
                "got Infinity at 1");
        assertMessage(() -> f32.lossAndGradient(x32, y32, new float[] {3e38f, 3e38f}, 2, 0), "finite sum");
        for (double alpha : new double[] {Double.NaN, -1e-9, Double.POSITIVE_INFINITY}) {
            assertMessage(() -> f32.lossAndGradient(x32, y32, null, 2, alpha), "alpha must be finite and >= 0, got "
                    + alpha);
        }
        assertArrayEquals(grads32, f32.gradients());
        assertArrayEquals(params32, f32.parameters());

        NetworkF64 f64 = new NetworkF64(UNITS, Transfer.RELU, Transfer.SOFTMAX, Loss.LOG_LOSS);
        Arrays.fill(f64.parameters(), 0.25);
        f64.reserve(2);
        double[] x64 = {1, 2, 3, -1, 0, 1};
        double[] y64 = {1, 0, 0, 1};
        // A zero weight among positive ones is allowed: that row does not count.
        assertEquals(f64.lossAndGradient(Arrays.copyOfRange(x64, 3, 6), Arrays.copyOfRange(y64, 2, 4), null, 1, 0.5),
                f64.lossAndGradient(x64, y64, new double[] {0, 1}, 2, 0.5), 1e-12);
        double[] grads64 = f64.gradients().clone();
        assertMessage(() -> f64.lossAndGradient(x64, y64, new double[] {0, 0}, 2, 0),
                "sampleWeight must have a positive");
        assertMessage(() -> f64.lossAndGradient(x64, y64, new double[] {-0.5, 1}, 2, 0), "got -0.5 at 0");
        assertMessage(() -> f64.lossAndGradient(x64, y64, null, 2, Double.NaN), "alpha");
        assertArrayEquals(grads64, f64.gradients());

        float[] params = new float[LENGTH];
        float[] grads = new float[LENGTH];
        DenseF32 layer = new DenseF32(3, 2, Transfer.TANH, params, grads, 0, 6);
        assertMessage(() -> layer.backward(x32, y32, 2, Float.NaN, 2f, null, null), "alpha");
        assertMessage(() -> layer.backward(x32, y32, 2, -1f, 2f, null, null), "alpha");
        assertArrayEquals(new float[LENGTH], grads);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention " + part);
    }

    @Test
    void layerArgumentsNameTheShapeTheyNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerArguments.matrix("input", new double[5], 2, 3));
        assertEquals("input has 5 values, 2 rows x 3 need 6", e.getMessage());
    }
}
