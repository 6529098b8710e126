import java.lang.reflect.*;
import java.net.*;
import java.nio.file.Paths;
import java.util.*;

/**
 * Two or more builds of vecnn (each a source tree with {@code kernels/target/classes} and
 * {@code nn/target/classes}, for example a clone checked out at an older commit and built with
 * {@code mvn -q package -DskipTests}) in one JVM, each in a class loader of its own: per round,
 * every build fits scikit-learn's default MLPClassifier (adam, relu, (100,), random_state 1, tol 0)
 * on the MNIST training rows the project ships for a fixed number of epochs, in alternating order,
 * and the seconds per epoch are printed with the last build's time over the first's and the median
 * of that ratio. Epoch times on this shared machine drift by more than most changes between JVMs;
 * alternating in one JVM keeps the builds in the same minutes. The first rounds include the JIT's
 * work; read the later ones. Not needed to build or test vecnn.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector docs/tools/ABFit.java /tmp/old,/tmp/new 20 9 [float32]
 * </pre>
 */
public class ABFit {
    public static void main(String[] a) throws Throwable {
        String[] builds = a[0].split(",");
        int epochs = Integer.parseInt(a[1]);
        int rounds = Integer.parseInt(a[2]);
        boolean f32 = a.length > 3 && a[3].equals("float32");
        Object[] data = new Object[builds.length];
        Method[] fit = new Method[builds.length];
        Object[] params = new Object[builds.length];
        Class<?>[] clfClass = new Class<?>[builds.length];
        for (int v = 0; v < builds.length; v++) {
            URL[] urls = {Paths.get(builds[v], "kernels/target/classes").toUri().toURL(), Paths.get(builds[v], "nn/target/classes").toUri().toURL()};
            ClassLoader l = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Class<?> ds = l.loadClass("dev.vecnn.nn.data.Datasets");
            Object all = ds.getMethod("mnist10k").invoke(null);
            Object train = all.getClass().getMethod("rows", int.class, int.class).invoke(all, 0, ds.getField("MNIST_TRAIN_ROWS").getInt(null));
            Object x = train.getClass().getMethod(f32 ? "xRowsFloat" : "xRows").invoke(train);
            Object y = train.getClass().getMethod("boxedLabels").invoke(train);
            data[v] = new Object[] {x, y};
            Class<?> p = l.loadClass("dev.vecnn.nn.MLPParams");
            Object b = p.getMethod("builder").invoke(null);
            b = b.getClass().getMethod("randomState", long.class).invoke(b, 1L);
            b = b.getClass().getMethod("maxIter", int.class).invoke(b, epochs);
            b = b.getClass().getMethod("tol", double.class).invoke(b, 0.0);
            params[v] = b.getClass().getMethod("build").invoke(b);
            clfClass[v] = l.loadClass("dev.vecnn.nn.MLPClassifier");
            for (Method m : clfClass[v].getMethods()) {
                if (m.getName().equals("fit") && m.getParameterCount() == 2 && m.getParameterTypes()[0] == (f32 ? float[][].class : double[][].class) && m.getParameterTypes()[1].isArray()) fit[v] = m;
            }
            l.loadClass("dev.vecnn.kernels.Warmup").getMethod(f32 ? "forFloatUntilCompiled" : "forDoubleUntilCompiled").invoke(null);
        }
        double[][] t = new double[builds.length][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder sb = new StringBuilder("round " + r + ":");
            for (int v0 = 0; v0 < builds.length; v0++) {
                int v = (r % 2 == 0) ? v0 : builds.length - 1 - v0;
                Object clf = clfClass[v].getConstructor(params[v].getClass()).newInstance(params[v]);
                Object[] d = (Object[]) data[v];
                long s = System.nanoTime();
                fit[v].invoke(clf, d[0], d[1]);
                t[v][r] = (System.nanoTime() - s) / 1e9 / epochs;
            }
            for (int v = 0; v < builds.length; v++) sb.append(String.format("  b%d %.4f", v, t[v][r]));
            sb.append(String.format("  ratio b1/b0 %.3f", t[builds.length - 1][r] / t[0][r]));
            System.out.println(sb);
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) ratios[r] = t[builds.length - 1][r] / t[0][r];
        Arrays.sort(ratios);
        System.out.printf("median ratio %.3f%n", ratios[rounds / 2]);
    }
}
