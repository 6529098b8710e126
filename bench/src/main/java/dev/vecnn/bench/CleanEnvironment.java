package dev.vecnn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps OpenBLAS tuning overrides out of the measurement. {@code OPENBLAS_CORETYPE} forces a
 * kernel set (e.g. Haswell AVX2 kernels on an AVX-512 CPU) and {@code OPENBLAS_L2_SIZE} its cache
 * blocking; either makes OpenBLAS slower or faster than it is out of the box, and JMH forks inherit
 * the environment. When one is set, the runner warns and restarts itself without them, so neither
 * it nor any fork sees them.
 */
final class CleanEnvironment {
    static final List<String> OVERRIDES = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");
    /** Set on the restarted runner to what was removed, so the report can say so. */
    static final String REMOVED_PROPERTY = "vecnn.bench.removedEnvironment";

    private CleanEnvironment() {
    }

    /** What a restart removed from the environment of this run, or null. */
    static String removed() {
        return System.getProperty(REMOVED_PROPERTY);
    }

    /** The overrides set in {@code environment}, as {@code NAME=value}. */
    static List<String> overrides(Map<String, String> environment) {
        List<String> set = new ArrayList<>();
        for (String name : OVERRIDES) {
            if (environment.containsKey(name)) {
                set.add(name + "=" + environment.get(name));
            }
        }
        return set;
    }

    /**
     * Runs this same program again without the overrides, and with the JVM flags of
     * {@link ForkFlags} (JMH forks inherit the runner's flags), and returns its exit code; or
     * returns -1 at once when the environment is clean and the flags are present (as when started
     * by Maven's {@code -Pbench}; a plain {@code java -jar benchmarks.jar} lacks the vector module).
     */
    static int restartIfNeeded(Class<?> mainClass, String[] args) throws IOException, InterruptedException {
        List<String> set = overrides(System.getenv());
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = ForkFlags.missingFrom(jvmArgs);
        if (set.isEmpty() && missing.isEmpty()) {
            return -1;
        }
        if (!set.isEmpty()) {
            System.err.println("vecnn-bench: warning: " + String.join(", ", set) + " in the environment would"
                    + " override OpenBLAS's own CPU detection and make the comparison unfair; restarting without "
                    + (set.size() == 1 ? "it" : "them") + " (benchmark forks inherit the clean environment).");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        // Also brings back the manifest's Enable-Native-Access, which a restart through -cp loses.
        command.addAll(missing);
        if (!set.isEmpty()) {
            command.add("-D" + REMOVED_PROPERTY + "=" + String.join(", ", set));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        OVERRIDES.forEach(builder.environment()::remove);
        return builder.start().waitFor();
    }
}
