import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import dev.vecnn.kernels.elementwise.VectorMathF32;
import jdk.incubator.vector.FloatVector;

/**
 * A float vector function (tanh or logistic) on every float in [lo, hi] against the exact result
 * (StrictMath in double): the largest error in ulps of the exact result (for a zero or subnormal
 * result, the smallest subnormal, as {@code ElementwiseTolerance} counts), where it is, and how
 * many results fall outside the function's range ([-1, 1], [0, 1]). How the figures in
 * {@code MathConstants.TANH_P_F32}'s and {@code VectorMathF32.logistic}'s comments were obtained;
 * about a minute per billion floats. Not needed to build or test vecnn.
 *
 * <pre>
 *   mvn -q package -DskipTests -pl kernels
 *   java --add-modules jdk.incubator.vector -cp kernels/target/classes docs/tools/FloatSweep.java tanh 0 10
 * </pre>
 */
public class FloatSweep {
    public static void main(String[] args) {
        String name = args[0];
        float lo = Float.parseFloat(args[1]);
        float hi = Float.parseFloat(args[2]);
        UnaryOperator<FloatVector> f = name.equals("tanh") ? VectorMathF32::tanh : VectorMathF32::logistic;
        DoubleUnaryOperator exact = name.equals("tanh") ? StrictMath::tanh : FloatSweep::logistic;
        double low = name.equals("tanh") ? -1 : 0;
        int lanes = VectorMathF32.S.length();
        float[] x = new float[lanes];
        float[] y = new float[lanes];
        double worst = 0;
        float worstAt = Float.NaN;
        long outside = 0;
        float at = lo;
        while (true) {
            for (int i = 0; i < lanes; i++) {
                x[i] = at;
                at = at < hi ? Math.nextUp(at) : hi;
            }
            f.apply(FloatVector.fromArray(VectorMathF32.S, x, 0)).intoArray(y, 0);
            for (int i = 0; i < lanes; i++) {
                double want = exact.applyAsDouble(x[i]);
                float rounded = (float) want;
                double ulp = Math.abs(rounded) < Float.MIN_NORMAL ? Float.MIN_VALUE : Math.ulp(rounded);
                double err = Math.abs(y[i] - want) / ulp;
                if (err > worst) {
                    worst = err;
                    worstAt = x[i];
                }
                if (y[i] < low || y[i] > 1) {
                    outside++;
                }
            }
            if (x[lanes - 1] == hi) {
                break;
            }
        }
        System.out.printf("%s, every float in [%s, %s]: largest error %.3f ulp at x = %s; %d results outside [%s, 1]%n",
                name, lo, hi, worst, worstAt, outside, low);
    }

    private static double logistic(double x) {
        double e = StrictMath.exp(-Math.abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
}
