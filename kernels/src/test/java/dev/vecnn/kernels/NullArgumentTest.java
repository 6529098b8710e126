package dev.vecnn.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public static method of the kernel facades, called with null in place of each of its
 * object arguments where the same call with small real arguments succeeds: it throws
 * {@link IllegalArgumentException} saying what is null, and no array it was given changes. Found
 * by reflection, so methods added later are covered without editing this test.
 */
class NullArgumentTest {
    private static final Class<?>[] FACADES = {
        Gemm.class, FusedGemm.class, ReferenceGemm.class, Rows.class, Activations.class, Losses.class,
        Reductions.class, Updates.class, Parallel.class,
    };
    /** Long enough for every shape the small integers below describe. */
    private static final int LENGTH = 64;
    /** The optional arguments, as method#index: the fused products' bias, the losses' sample weights. */
    private static final List<String> NULL_ALLOWED = List.of("FusedGemm.sgemmBiasActivation#11",
            "FusedGemm.sgemmBiasActivation#9", "FusedGemm.dgemmBiasActivation#11",
            "FusedGemm.dgemmBiasActivation#9", "Losses.loss#3");

    @Test
    void everyFacadeRejectsNullArguments() {
        int checked = 0;
        List<String> allowed = new ArrayList<>();
        for (Class<?> facade : FACADES) {
            for (Method method : facade.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() != facade) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].isPrimitive() || !succeeds(method, arguments(method))) {
                        continue;
                    }
                    if (checkNullAt(method, i)) {
                        allowed.add(facade.getSimpleName() + "." + method.getName() + "#" + i);
                    }
                    checked++;
                }
            }
        }
        // Gemm alone has a dozen array-taking overloads; far fewer checks would mean the lookup broke.
        assertTrue(checked >= 150, "only " + checked + " null arguments checked");
        List<String> unexpected = allowed.stream()
                .filter(name -> !NULL_ALLOWED.contains(name)).toList();
        assertTrue(unexpected.isEmpty(), "accepted null: " + unexpected);
    }

    /** Returns whether the null was accepted; fails unless it was accepted or refused cleanly. */
    private static boolean checkNullAt(Method method, int nullIndex) {
        Object[] args = arguments(method);
        Object[] before = Arrays.stream(args).map(NullArgumentTest::copy).toArray();
        args[nullIndex] = null;
        String call = method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.toString(method.getParameterTypes()) + " argument " + nullIndex;
        try {
            method.invoke(null, args);
            return true;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof IllegalArgumentException)) {
                fail(call + " threw " + cause + " instead of IllegalArgumentException", cause);
            }
            assertTrue(cause.getMessage() != null && cause.getMessage().contains("null"),
                    call + ": message '" + cause.getMessage() + "' should say what is null");
            for (int i = 0; i < args.length; i++) {
                if (i != nullIndex) {
                    assertTrue(Arrays.deepEquals(new Object[] {before[i]}, new Object[] {args[i]}),
                            call + " changed argument " + i);
                }
            }
            return false;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean succeeds(Method method, Object[] args) {
        try {
            method.invoke(null, args);
            return true;
        } catch (InvocationTargetException e) {
            return false;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Small real arguments by type: every int 2 (sizes, offsets, leading dimensions, Adam's step),
     * every scalar 0.5 (inside every rate's and factor's range), arrays of 0.5 long enough for
     * those shapes, the first constant of an enum.
     */
    private static Object[] arguments(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i];
            if (p == int.class) {
                args[i] = 2;
            } else if (p == long.class) {
                args[i] = 2L;
            } else if (p == float.class) {
                args[i] = 0.5f;
            } else if (p == double.class) {
                args[i] = 0.5;
            } else if (p == boolean.class) {
                args[i] = false;
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
                for (float[] row : a) {
                    Arrays.fill(row, 0.5f);
                }
                args[i] = a;
            } else if (p == double[][].class) {
                double[][] a = new double[4][LENGTH];
                for (double[] row : a) {
                    Arrays.fill(row, 0.5);
                }
                args[i] = a;
            } else if (p == int[].class) {
                args[i] = new int[LENGTH]; // row indices, all 0
            } else if (p.isEnum()) {
                args[i] = p.getEnumConstants()[0];
            } else if (p == java.util.function.IntConsumer.class) {
                args[i] = (java.util.function.IntConsumer) part -> { };
            } else {
                throw new AssertionError("no real argument for " + p + " in " + method);
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
        if (value instanceof float[][] a) {
            return Arrays.stream(a).map(float[]::clone).toArray(float[][]::new);
        }
        if (value instanceof double[][] a) {
            return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        }
        return value;
    }

}
