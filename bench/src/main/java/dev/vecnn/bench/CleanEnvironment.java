package dev.vecnn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** How long a stopped child and its forks get to exit on their own before they are killed. */
    static final long STOP_SECONDS = 5;

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
     * When this JVM is stopped while it waits (SIGTERM from {@code kill} or {@code timeout}, Ctrl-C),
     * it stops the restarted runner and its JMH forks too.
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
        Process child = builder.start();
        // Without this, killing the runner one started left the benchmark running in the child,
        // measuring on a machine others then time on too.
        Thread stopChild = new Thread(() -> stopTree(child.toHandle()), "vecnn-bench-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int status = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs and finds nothing left to stop.
        }
        return status;
    }

    /**
     * Stops {@code root} and its descendants (a restarted runner's JMH forks), waits up to
     * {@link #STOP_SECONDS} for them to exit and kills those still running. The descendants are
     * listed first: once the root has exited they are no longer found as its descendants.
     */
    static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tree.forEach(ProcessHandle::destroyForcibly);
                return;
            } catch (ExecutionException e) {
                // onExit() never completes exceptionally.
            }
        }
    }
}
