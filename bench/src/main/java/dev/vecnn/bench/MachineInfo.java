package dev.vecnn.bench;

import dev.vecnn.kernels.Gemm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the numbers were measured on, printed above the table and written next to it. */
final class MachineInfo {
    private static final List<String> THREAD_VARIABLES = List.of("VECNN_THREADS", "OPENBLAS_NUM_THREADS",
            "OMP_NUM_THREADS");

    private MachineInfo() {
    }

    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + System.getProperty("java.vm.vendor") + ")");
        lines.add("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors available");
        lines.add("Vector API: " + (VectorModule.present()
                ? "preferred vector " + VectorWidth.preferredBits() + " bits"
                : "module absent in the runner JVM (forks get it from the flags)"));
        lines.add("vecnn: default threads " + Gemm.threads());
        lines.add("OpenBLAS: " + (OpenBlas.available() ? OpenBlas.describe() : OpenBlas.unavailableReason()));
        lines.add("OpenBLAS kernel set for this CPU's flags (row openblas-cpu): "
                + OpenBlasKernelSet.forThisCpu().orElse("none (below AVX2 and FMA)"));
        lines.add("netlib: " + netlib());
        if (CleanEnvironment.removed() != null) {
            lines.add("environment: removed " + CleanEnvironment.removed() + " (they override OpenBLAS's CPU detection)");
        }
        Map<String, String> env = System.getenv();
        for (String name : THREAD_VARIABLES) {
            if (env.containsKey(name)) {
                lines.add("environment: " + name + "=" + env.get(name)
                        + " (the benchmark sets the thread count of each implementation itself)");
            }
        }
        return lines;
    }

    private static String netlib() {
        try {
            return NetlibGemm.blas().getClass().getName();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
        return System.getProperty("os.arch");
    }
}
