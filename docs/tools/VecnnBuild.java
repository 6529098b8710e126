import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;

/**
 * One build of vecnn's kernels ({@code kernels/target/classes} or a copy) loaded in a class loader
 * of its own, as the GEMM tools here use it: its thread count set, warmed up until the JIT is
 * done ({@code Warmup.for*UntilCompiled}, so that no timed round runs code it has not compiled
 * yet), and its {@code Gemm.sgemm} or {@code Gemm.dgemm} as a method handle. Shared by the
 * single-file programs of this folder (the JDK 22+ source launcher compiles it alongside them).
 */
final class VecnnBuild {
    private VecnnBuild() {
    }

    static MethodHandle gemm(String classesDir, boolean f64, int threads) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {Paths.get(classesDir).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Class<?> api = loader.loadClass("dev.vecnn.kernels.Gemm");
        api.getMethod("setThreads", int.class).invoke(null, threads);
        loader.loadClass("dev.vecnn.kernels.Warmup")
                .getMethod(f64 ? "forDoubleUntilCompiled" : "forFloatUntilCompiled").invoke(null);
        Class<?> array = f64 ? double[].class : float[].class;
        Class<?> scalar = f64 ? double.class : float.class;
        Method m = api.getMethod(f64 ? "dgemm" : "sgemm", boolean.class, boolean.class, int.class, int.class,
                int.class, scalar, array, int.class, int.class, array, int.class, int.class, scalar, array,
                int.class, int.class);
        return MethodHandles.publicLookup().unreflect(m);
    }
}
