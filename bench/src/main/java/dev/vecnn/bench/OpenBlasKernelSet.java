package dev.vecnn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The kernel set of OpenBLAS's {@code DYNAMIC_ARCH} build that this CPU's instruction set calls
 * for, behind the benchmark's {@code openblas-cpu} peer.
 *
 * <p>Why: OpenBLAS picks its kernels by CPU family and model, and a model newer than the build
 * falls back to its oldest set. Debian's 0.3.21 on a 5th-generation Xeon (family 6, model 207,
 * AVX-512 with BF16) reports core "Prescott" and runs SSE3 kernels: measured here (JMH, one
 * thread), float 1024^3 at 24 GFLOP/s, against 145 with its Cooperlake kernels on the same core.
 * Out of the box is what {@code openblas} measures (the environment is cleaned, see
 * {@link CleanEnvironment}); {@code openblas-cpu} measures the same library with the kernel set the
 * instruction set runs, chosen from the CPU's flags (not its model), so that vecnn is also
 * compared with the fastest OpenBLAS this machine has.
 *
 * <p>How: {@code OPENBLAS_CORETYPE}, which the library reads once when it is loaded, is set with
 * the C library's {@code setenv} in the benchmark's fork before anything loads OpenBLAS; the core
 * the library then reports is checked against the one asked for.
 */
final class OpenBlasKernelSet {
    static final String VARIABLE = "OPENBLAS_CORETYPE";

    private OpenBlasKernelSet() {
    }

    /**
     * The newest kernel set of OpenBLAS 0.3.x that a CPU with these {@code /proc/cpuinfo} flags
     * runs: Cooperlake (AVX-512 with BF16), SkylakeX (AVX-512 F, BW, DQ, VL), Haswell (AVX2 and
     * FMA); empty below that, where OpenBLAS's own choice stands.
     */
    static Optional<String> forFlags(Set<String> flags) {
        boolean avx512 = flags.containsAll(Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl"));
        if (avx512 && flags.contains("avx512_bf16")) {
            return Optional.of("Cooperlake");
        }
        if (avx512) {
            return Optional.of("SkylakeX");
        }
        if (flags.containsAll(Set.of("avx2", "fma"))) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    /** {@link #forFlags} of this machine's CPU; empty where {@code /proc/cpuinfo} is not readable. */
    static Optional<String> forThisCpu() {
        return forFlags(cpuFlags(Path.of("/proc/cpuinfo")));
    }

    /** The first {@code flags} line of a cpuinfo file, as a set; empty when there is none. */
    static Set<String> cpuFlags(Path cpuinfo) {
        if (!Files.isReadable(cpuinfo)) {
            return Set.of();
        }
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags")) {
                    String list = line.substring(line.indexOf(':') + 1).trim();
                    return Arrays.stream(list.split("\\s+")).collect(Collectors.toUnmodifiableSet());
                }
            }
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + cpuinfo, e);
        }
    }

    /**
     * Why {@code openblas-cpu} would measure nothing that {@code openblas} does not, or cannot run;
     * empty when it adds a row. {@code detected} is the core OpenBLAS picks by itself.
     */
    static Optional<String> redundancy(Optional<String> wanted, String detected) {
        if (wanted.isEmpty()) {
            return Optional.of("openblas-cpu skipped: no OpenBLAS kernel set matches this CPU's flags"
                    + " (AVX2 and FMA at least, read from /proc/cpuinfo); openblas uses its own choice, "
                    + detected + ".");
        }
        if (wanted.get().equalsIgnoreCase(detected)) {
            return Optional.of("openblas-cpu skipped: OpenBLAS's own detection already picks " + detected
                    + ", the kernel set this CPU's flags call for (openblas is that row).");
        }
        return Optional.empty();
    }

    /**
     * Sets {@code OPENBLAS_CORETYPE} for this process, then loads OpenBLAS and checks that it runs
     * {@code core}. Must come before anything else in the JVM touches OpenBLAS: the library reads
     * the variable once, when it is loaded.
     *
     * @throws IllegalStateException when OpenBLAS is missing, or was loaded earlier with another core
     */
    static void select(String core) {
        setenv(VARIABLE, core);
        OpenBlas.require();
        String running = OpenBlas.coreName();
        if (!running.equalsIgnoreCase(core)) {
            throw new IllegalStateException("openblas-cpu asked OpenBLAS for its " + core + " kernels but it runs "
                    + running + ": it was loaded before " + VARIABLE + " was set (openblas-cpu needs a JVM of its"
                    + " own, as a JMH fork is) or this build lacks that kernel set");
        }
    }

    private static void setenv(String name, String value) {
        Linker linker = Linker.nativeLinker();
        MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocateFrom(name);
            MemorySegment v = arena.allocateFrom(value);
            int status = (int) setenv.invokeExact(n, v, 1);
            if (status != 0) {
                throw new IllegalStateException("setenv(" + name + ") failed with " + status);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("setenv(" + name + ") failed", t);
        }
    }
}
