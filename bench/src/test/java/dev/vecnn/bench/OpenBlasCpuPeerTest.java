package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The openblas-cpu peer: which kernel set a CPU's flags call for, and the peer itself in a fresh JVM. */
class OpenBlasCpuPeerTest {
    private static final Set<String> AVX512 = Set.of("fma", "avx2", "avx512f", "avx512bw", "avx512dq", "avx512vl");

    @Test
    void theNewestKernelSetTheFlagsRun() {
        Set<String> bf16 = new java.util.HashSet<>(AVX512);
        bf16.add("avx512_bf16");
        assertEquals(Optional.of("Cooperlake"), OpenBlasKernelSet.forFlags(bf16));
        assertEquals(Optional.of("SkylakeX"), OpenBlasKernelSet.forFlags(AVX512));
        assertEquals(Optional.of("Haswell"), OpenBlasKernelSet.forFlags(Set.of("sse2", "avx", "avx2", "fma")));
        // AVX-512 F alone (Knights Landing) is not SkylakeX's instruction set.
        assertEquals(Optional.of("Haswell"), OpenBlasKernelSet.forFlags(Set.of("fma", "avx2", "avx512f")));
        assertEquals(Optional.empty(), OpenBlasKernelSet.forFlags(Set.of("sse2", "sse3", "avx")));
        assertEquals(Optional.empty(), OpenBlasKernelSet.forFlags(Set.of()));
    }

    @Test
    void readsTheFirstFlagsLineOfCpuinfo(@TempDir Path dir) throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu avx2 fma  sse2\n"
                + "processor\t: 1\nflags\t\t: fpu\n");
        assertEquals(Set.of("fpu", "avx2", "fma", "sse2"), OpenBlasKernelSet.cpuFlags(cpuinfo));
        assertEquals(Set.of(), OpenBlasKernelSet.cpuFlags(dir.resolve("absent")));
    }

    @Test
    void aRowOnlyWhereItDiffersFromTheOwnChoice() {
        assertEquals(Optional.empty(), OpenBlasKernelSet.redundancy(Optional.of("Cooperlake"), "Prescott"));
        assertTrue(OpenBlasKernelSet.redundancy(Optional.of("Cooperlake"), "COOPERLAKE").orElseThrow()
                .contains("already picks"));
        assertTrue(OpenBlasKernelSet.redundancy(Optional.empty(), "Prescott").orElseThrow().contains("no OpenBLAS"));
        GemmPlan plan = GemmPlan.of(GemmPlan.Selection.defaults(), true, Optional.empty(),
                Optional.of("openblas-cpu skipped: test"));
        assertTrue(plan.cases.stream().noneMatch(c -> c.peer() == Peer.OPENBLAS_CPU));
        assertTrue(plan.cases.stream().anyMatch(c -> c.peer() == Peer.OPENBLAS));
        assertTrue(plan.notes.contains("openblas-cpu skipped: test"));
        GemmPlan missing = GemmPlan.of(GemmPlan.Selection.defaults(), true, Optional.of(OpenBlas.MISSING),
                Optional.empty());
        assertTrue(missing.cases.stream().noneMatch(c -> c.peer() == Peer.OPENBLAS_CPU));
    }

    /** The peer's setup check in a JVM where nothing loaded OpenBLAS first, as in a JMH fork. */
    @Test
    void passesTheSetupCheckWithTheKernelsItAskedFor() throws IOException, InterruptedException {
        assumeTrue(OpenBlas.available(), OpenBlas::unavailableReason);
        Optional<String> core = OpenBlasKernelSet.forThisCpu();
        assumeTrue(core.isPresent(), "this CPU runs no kernel set above OpenBLAS's own choice");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OpenBlasCpuProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        CleanEnvironment.OVERRIDES.forEach(builder.environment()::remove);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertEquals(0, status, output);
        assertTrue(output.lines().anyMatch(l -> l.equalsIgnoreCase("core " + core.get())), output);
    }
}
