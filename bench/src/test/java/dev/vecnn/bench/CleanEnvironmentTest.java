package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The runner's restart: the restarted JVM's exit status is the runner's, and stopping the runner
 * stops the restarted JVM and the processes it started (before, they measured on, orphaned).
 */
class CleanEnvironmentTest {
    @Test
    void overridesAreFoundAndNamed() {
        assertEquals(List.of("OPENBLAS_CORETYPE=Haswell"),
                CleanEnvironment.overrides(Map.of("OPENBLAS_CORETYPE", "Haswell", "PATH", "/bin")));
        assertEquals(List.of(), CleanEnvironment.overrides(Map.of("PATH", "/bin")));
    }

    @Test
    void theRestartedStatusIsTheRunners() throws Exception {
        Process runner = start("3");
        assertTrue(runner.waitFor(60, TimeUnit.SECONDS), "the runner did not end");
        assertEquals(3, runner.exitValue());
    }

    @Test
    void stoppingTheRunnerStopsTheRestartedJvmAndItsProcesses() throws Exception {
        Process runner = start("sleep");
        List<ProcessHandle> started = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(runner.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> childLine(out)).get(60, TimeUnit.SECONDS);
            String[] words = line.split(" ");
            for (int i : new int[] {1, 3}) {
                ProcessHandle.of(Long.parseLong(words[i])).ifPresent(started::add);
            }
            assertEquals(2, started.size(), "child and grandchild running: " + line);
            runner.destroy();
            assertTrue(runner.waitFor(30, TimeUnit.SECONDS), "the runner did not end on SIGTERM");
            for (ProcessHandle process : started) {
                // The hook waits for them; allow a little more for the system to reap them.
                process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
                assertFalse(process.isAlive(), "pid " + process.pid() + " outlived the runner: " + line);
            }
        } finally {
            started.forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    /** A runner JVM lacking the benchmark flags (so it restarts itself), without OpenBLAS overrides. */
    private static Process start(String arg) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The test JVM's own arguments minus the benchmark flags and agents (JaCoCo's, surefire's).
        List<String> flags = ForkFlags.get();
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !flags.contains(a) && !a.startsWith("-agentlib") && !a.startsWith("-javaagent"))
                .toList());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RestartProbe.class.getName());
        command.add(arg);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        CleanEnvironment.OVERRIDES.forEach(builder.environment()::remove);
        return builder.start();
    }

    private static String childLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("child ")) {
                    return line;
                }
            }
            throw new IllegalStateException("the restarted JVM printed no pids");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
