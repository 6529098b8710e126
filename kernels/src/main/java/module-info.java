/**
 * vecnn kernels: SIMD numerics on flat arrays (GEMM and friends) on the JDK Vector API.
 *
 * <p>The vector module is optional: without {@code --add-modules jdk.incubator.vector} every kernel
 * runs its scalar twin and one warning says how to enable the fast path.
 */
module dev.vecnn.kernels {
    requires static jdk.incubator.vector;
    requires java.management;

    exports dev.vecnn.kernels;
}
