package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every public method of both estimators, called with null in place of each of its object
 * arguments, on a model for which the same call with real arguments succeeds: it either accepts
 * the null (the optional sample weights and classes) or throws {@link IllegalArgumentException}
 * saying what is null, and the model's weights stay as they were. Found by reflection, so methods
 * added later are covered without editing this test.
 */
class NullArgumentTest {
    private static final int ROWS = 24;

    private static final double[][] X = rows();
    private static final float[][] X32 = floats(X);
    private static final Integer[] LABELS = labels();
    private static final Integer[] CLASSES = {0, 1, 2};
    private static final int[][] INDICATOR = indicator();
    private static final double[] TARGET = target();
    private static final double[][] TARGETS = targets();
    private static final double[] WEIGHTS = weights();

    private static MLPParams params() {
        return MLPParams.builder().hiddenLayerSizes(4).randomState(1).maxIter(3).solver(Solver.ADAM)
                .tol(1e9).nIterNoChange(1).build(); // stops after two epochs, without a convergence warning
    }

    /** Fitted models of every kind a method may need (single-label, multilabel, one or two outputs). */
    private static List<Supplier<MLPBase>> models(boolean classifier) {
        List<Supplier<MLPBase>> models = new ArrayList<>();
        if (classifier) {
            models.add(() -> (new MLPClassifier<Integer>(params()).fit(X, LABELS)));
            models.add(() -> (new MLPClassifier<Integer>(params()).fitMultilabel(X, INDICATOR)));
        } else {
            models.add(() -> (new MLPRegressor(MLPRegressorParams.defaults().withCommon(params())).fit(X, TARGET)));
            models.add(() -> (new MLPRegressor(MLPRegressorParams.defaults().withCommon(params())).fit(X, TARGETS)));
        }
        return models;
    }

    @Test
    void classifierMethodsRejectNullArguments() {
        checkEveryMethod(MLPClassifier.class, true);
    }

    @Test
    void regressorMethodsRejectNullArguments() {
        checkEveryMethod(MLPRegressor.class, false);
    }

    @Test
    void constructorsRejectNullParameters() {
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> new MLPClassifier<Integer>(null),
                () -> new MLPRegressor((MLPParams) null),
                () -> new MLPRegressor((MLPRegressorParams) null))) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("must not be null"), e.getMessage());
        }
        // The shared builder serves both estimators; the regressor adds its default loss.
        MLPRegressor reg = new MLPRegressor(params());
        assertTrue(reg.getParams().get("loss").equals("squared_error") && reg.params().equals(params()));
    }

    private static void checkEveryMethod(Class<?> type, boolean classifier) {
        int checked = 0;
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Class<?>[] parameters = method.getParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].isPrimitive()) {
                    continue;
                }
                checked += checkNullAt(method, i, models(classifier)) ? 1 : 0;
            }
        }
        // About 40 methods per estimator take arrays; fewer checks would mean the lookup broke.
        assertTrue(checked >= 60, type.getSimpleName() + ": only " + checked + " null arguments checked");
    }

    /** Returns whether some model accepted the real arguments, so that the null could be checked. */
    private static boolean checkNullAt(Method method, int nullIndex, List<Supplier<MLPBase>> models) {
        for (Supplier<MLPBase> model : models) {
            Object[] real = arguments(method);
            if (!succeeds(method, model.get(), real)) {
                continue;
            }
            MLPBase target = model.get();
            double[][] coefs = target.coefs();
            double[][] intercepts = target.intercepts();
            Object[] withNull = real.clone();
            withNull[nullIndex] = null;
            String call = method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " argument " + nullIndex + " of " + method.getParameterCount();
            try {
                method.invoke(target, withNull);
                assertTrue(nullAllowed(method, nullIndex), call + " accepted null");
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof IllegalArgumentException)) {
                    fail(call + " threw " + cause + " instead of IllegalArgumentException", cause);
                }
                assertTrue(cause.getMessage() != null && cause.getMessage().contains("null"),
                        call + ": message '" + cause.getMessage() + "' should say what is null");
                assertArrayEquals(coefs, target.coefs(), call + " changed the weights");
                assertArrayEquals(intercepts, target.intercepts(), call + " changed the intercepts");
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            return true;
        }
        return false;
    }

    /** Sample weights may be null (unweighted), and so may partialFit's classes after the first call. */
    private static boolean nullAllowed(Method method, int index) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean lastDoubles = index == parameters.length - 1 && parameters[index] == double[].class
                && parameters.length >= 3;
        boolean classes = method.getName().equals("partialFit") && index == 2
                && !parameters[index].getComponentType().isPrimitive();
        return lastDoubles || classes;
    }

    private static boolean succeeds(Method method, Object target, Object[] args) {
        try {
            method.invoke(target, args);
            return true;
        } catch (InvocationTargetException e) {
            return false;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** Real arguments by type and position (the estimators' parameters follow scikit-learn's order). */
    private static Object[] arguments(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i];
            if (p == double[][].class) {
                args[i] = i == 0 ? X : TARGETS;
            } else if (p == float[][].class) {
                args[i] = X32;
            } else if (p.isArray() && !p.getComponentType().isPrimitive() && !p.getComponentType().isArray()) {
                // L[] after erasure (Object[] or Comparable[]): labels, then classes
                args[i] = i == 1 ? LABELS : CLASSES;
            } else if (p == int[][].class) {
                args[i] = INDICATOR;
            } else if (p == double[].class) {
                args[i] = i == 1 ? TARGET : WEIGHTS;
            } else if (p == Map.class) {
                args[i] = Map.of("alpha", 0.001);
            } else if (p == PrintStream.class) {
                args[i] = System.out;
            } else if (p == int.class) {
                args[i] = 0;
            } else {
                throw new AssertionError("no real argument for " + p + " in " + method);
            }
        }
        return args;
    }

    private static double[][] rows() {
        double[][] x = new double[ROWS][3];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = Math.sin(1.7 * i + 0.9 * j);
            }
        }
        return x;
    }

    private static float[][] floats(double[][] x) {
        float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return f;
    }

    private static Integer[] labels() {
        Integer[] y = new Integer[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i % 3;
        }
        return y;
    }

    private static int[][] indicator() {
        int[][] y = new int[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            y[i] = new int[] {i % 2, (i / 2) % 2};
        }
        return y;
    }

    private static double[] target() {
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = X[i][0] - 2 * X[i][2];
        }
        return y;
    }

    private static double[][] targets() {
        double[][] y = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            y[i] = new double[] {X[i][0], X[i][1] * X[i][2]};
        }
        return y;
    }

    private static double[] weights() {
        double[] w = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            w[i] = 1 + i % 4;
        }
        return w;
    }
}
