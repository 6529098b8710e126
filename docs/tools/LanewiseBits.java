import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API's own float {@code lanewise(EXP / LOG / TANH)} on every {@code step}-th float bit
 * pattern, in a loop that C2 compiles (each operator a constant, so that it is intrinsified where
 * the JDK can), against what the same call gives before compilation: the JDK's scalar fallback,
 * {@code (float) Math.f(x)}. Prints how many results differ from it and from {@code (float)
 * StrictMath.f(x)}, and the largest error in ulps of the float result against StrictMath. Where the
 * operator is intrinsified (Intel's SVML stubs on x86), a nonzero count means that the same call
 * gives other bits once compiled than while interpreted or in C1 (run it with
 * {@code -XX:TieredStopAtLevel=1}, C1 only: no difference), one reason vecnn keeps its own
 * approximations (docs/elementwise-results.md, session 25). The counts include the values
 * computed before C2 compiled the loop, so they vary a little from run to run. About 40 s at step
 * 11. Not needed to build or test vecnn.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector docs/tools/LanewiseBits.java 11
 * </pre>
 */
public class LanewiseBits {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public static void main(String[] args) {
        int step = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        for (String name : new String[] {"exp", "log", "tanh"}) {
            long values = 0;
            long differMath = 0;
            long differStrict = 0;
            double worstUlps = 0;
            float worstAt = Float.NaN;
            float[] x = new float[S.length()];
            float[] y = new float[S.length()];
            int k = 0;
            for (long bits = 0; bits < (1L << 32); bits += step) {
                x[k++] = Float.intBitsToFloat((int) bits);
                if (k < x.length) {
                    continue;
                }
                k = 0;
                apply(name, x, y);
                for (int j = 0; j < x.length; j++) {
                    double exact = exact(name, x[j]);
                    float math = (float) math(name, x[j]);
                    differMath += Float.floatToIntBits(y[j]) != Float.floatToIntBits(math) ? 1 : 0;
                    differStrict += Float.floatToIntBits(y[j]) != Float.floatToIntBits((float) exact) ? 1 : 0;
                    if (Double.isFinite(exact) && Float.isFinite(y[j])) {
                        double ulps = Math.abs(y[j] - exact) / Math.ulp((float) exact);
                        if (ulps > worstUlps) {
                            worstUlps = ulps;
                            worstAt = x[j];
                        }
                    }
                    values++;
                }
            }
            System.out.printf("%s: %d values; lanewise differs from (float) Math in %d, from (float) StrictMath"
                    + " in %d; largest error %.3f ulps (at %s)%n", name, values, differMath, differStrict, worstUlps, worstAt);
        }
    }

    private static void apply(String name, float[] x, float[] y) {
        switch (name) {
            case "exp" -> exp(x, y);
            case "log" -> log(x, y);
            default -> tanh(x, y);
        }
    }

    private static void exp(float[] x, float[] y) {
        FloatVector.fromArray(S, x, 0).lanewise(VectorOperators.EXP).intoArray(y, 0);
    }

    private static void log(float[] x, float[] y) {
        FloatVector.fromArray(S, x, 0).lanewise(VectorOperators.LOG).intoArray(y, 0);
    }

    private static void tanh(float[] x, float[] y) {
        FloatVector.fromArray(S, x, 0).lanewise(VectorOperators.TANH).intoArray(y, 0);
    }

    private static double math(String name, float x) {
        return switch (name) {
            case "exp" -> Math.exp(x);
            case "log" -> Math.log(x);
            default -> Math.tanh(x);
        };
    }

    private static double exact(String name, float x) {
        return switch (name) {
            case "exp" -> StrictMath.exp(x);
            case "log" -> StrictMath.log(x);
            default -> StrictMath.tanh(x);
        };
    }
}
