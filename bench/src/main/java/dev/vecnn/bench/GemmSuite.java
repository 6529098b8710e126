package dev.vecnn.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The {@code gemm} suite: runs the {@link GemmPlan} as a series of JMH runs (one per shape,
 * transposes and thread count, so that every parameter combination in a run is one the plan
 * wants) between two measurements of the machine's FMA peak for its precisions and thread counts
 * ({@link MachinePeak}), then prints the table and writes it with the JSON results.
 */
final class GemmSuite {
    static final String QUICK = "quick";
    /** The parameters of {@link GemmBenchmark}, the only {@code -p} names the table takes. */
    static final List<String> PARAMETERS = List.of("impl", "shape", "trans", "dtype", "threads");

    private GemmSuite() {
    }

    /** Runs the suite; returns the exit status: 0, or 1 when a planned fork failed. */
    static int run(List<String> args, PrintStream out) throws Exception {
        List<String> rest = new ArrayList<>(args);
        boolean quick = rest.remove(QUICK);
        int rounds = Rounds.take(rest);
        CommandLineOptions user;
        try {
            user = new CommandLineOptions(rest.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (user.shouldList() || user.shouldListWithParams() || user.shouldListProfilers()
                || user.shouldListResultFormats() || user.shouldHelp()) {
            throw new IllegalArgumentException("gemm runs the GEMM table; to list benchmarks, parameters or"
                    + " profilers ask JMH itself: benchmarks.jar jmh -l (or -lp, -lprof, -h)");
        }
        if (user.getResult().hasValue() || user.getResultFormat().hasValue()) {
            throw new IllegalArgumentException("gemm writes its own results, gemm-results.json and gemm-results.md"
                    + " next to benchmarks.jar (-Dvecnn.bench.out=DIR), from every fork of the table; -rf and"
                    + " -rff belong to a single JMH run: benchmarks.jar jmh GemmBenchmark ... -rf json");
        }
        if (!user.getIncludes().isEmpty()) {
            // A benchmark name without "jmh" in front lands here: say how to run it.
            String names = String.join(" ", user.getIncludes());
            throw new IllegalArgumentException("to run " + names + ", put jmh first: benchmarks.jar jmh " + names
                    + " ...; without it the arguments go to the GEMM table, which runs GemmBenchmark only,"
                    + " narrowed with -p NAME=V1,V2");
        }
        refuseUnhonoured(user);
        refuseUnknownParameters(rest, user);
        GemmPlan.Selection selection = selection(user);
        Optional<String> openBlasCpuLeftOut = OpenBlas.available()
                ? OpenBlasKernelSet.redundancy(OpenBlasKernelSet.forThisCpu(), OpenBlas.coreName())
                : Optional.empty();
        GemmPlan plan = GemmPlan.of(selection, quick, Optional.ofNullable(OpenBlas.unavailableReason()),
                openBlasCpuLeftOut);
        if (plan.cases.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: " + String.join(" ", plan.notes));
        }
        String peakMissing = MachinePeak.unavailableReason(
                VectorModule.present() ? VectorWidth.preferredBits() : 0);
        List<String> notes = new ArrayList<>(plan.notes);
        if (peakMissing != null) {
            notes.add(peakMissing);
        }
        Timing timing = Timing.of(user, quick);
        List<String> machine = MachineInfo.describe();
        machine.forEach(out::println);
        notes.forEach(note -> out.println("note: " + note));
        int forks = plan.cases.size() * rounds + (peakMissing == null ? 2 * MachinePeak.keys(plan).size() : 0);
        out.printf("%d forks, %s%s: about %.0f min, longer where one product outlasts an iteration%n",
                forks, timing, rounds > 1 ? ", " + rounds + " rounds" : "",
                Math.ceil(forks * timing.secondsPerCase() / 60));

        String[] forkArgs = forkArgs(user);
        List<RunResult> peakResults = new ArrayList<>();
        if (peakMissing == null) {
            peakResults.addAll(runPeaks(plan, user, timing, forkArgs, out));
        }

        List<RunResult> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Options options : runs(plan, user, timing, forkArgs)) {
                try {
                    results.addAll(new Runner(options).run());
                } catch (RunnerException e) {
                    // One failing run must not cost the rest of the table.
                    out.println("JMH run failed: " + e.getMessage());
                }
            }
        }
        results = Rounds.merge(results);
        if (peakMissing == null) {
            peakResults.addAll(runPeaks(plan, user, timing, forkArgs, out));
        }

        GemmTable table = GemmTable.of(plan, results, MachinePeak.of(peakResults));
        out.println();
        out.print(table.text());
        out.println(GemmTable.CAPTION);
        notes.forEach(note -> out.println("note: " + note));
        Path directory = OutputDirectory.resolve();
        List<RunResult> allResults = new ArrayList<>(peakResults);
        allResults.addAll(results);
        for (Path written : GemmReport.write(directory, machine, timing, notes, table, allResults)) {
            out.println("wrote " + written.toAbsolutePath());
        }
        int failures = table.failures();
        if (failures > 0) {
            out.println(failures + " planned fork(s) failed; their JMH output above says why");
        }
        return failures == 0 ? 0 : 1;
    }

    /** One {@link PeakBenchmark} run per precision and thread count of the plan. */
    private static List<RunResult> runPeaks(GemmPlan plan, Options user, Timing timing, String[] forkArgs,
                                            PrintStream out) {
        List<RunResult> results = new ArrayList<>();
        for (Options options : MachinePeak.runs(MachinePeak.keys(plan), user, timing, forkArgs)) {
            try {
                results.addAll(new Runner(options).run());
            } catch (RunnerException e) {
                out.println("JMH run failed: " + e.getMessage());
            }
        }
        return results;
    }

    /** The user's {@code -p} values for the five parameters of {@link GemmBenchmark}. */
    static GemmPlan.Selection selection(Options user) {
        return new GemmPlan.Selection(
                param(user, "impl", Peer::parse),
                param(user, "shape", GemmShape::parse),
                param(user, "trans", Trans::parse),
                param(user, "dtype", Precision::parse),
                param(user, "threads", GemmSuite::parseThreads));
    }

    /** A {@code threads} value: the threads one product may use. */
    static int parseThreads(String text) {
        try {
            int threads = Integer.parseInt(text.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // Refused below, with the parameter's name (Integer's message names only the text).
        }
        throw new IllegalArgumentException("threads must be a whole number >= 1, got '" + text + "'");
    }

    /**
     * Refuses a {@code -p} name that {@link GemmBenchmark} does not have: JMH keeps any name, and
     * a misspelt one ({@code sahpe=64x64x64}) ran the default list of that parameter instead of
     * the values typed. JMH's options answer for a given name but cannot list the names, so they
     * are read off the arguments ({@code -p NAME=V} or {@code -pNAME=V}), each confirmed against
     * what JMH parsed.
     */
    static void refuseUnknownParameters(List<String> args, Options user) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String param = arg.equals("-p") && i + 1 < args.size() ? args.get(++i)
                    : arg.startsWith("-p") ? arg.substring(2) : "";
            int equals = param.indexOf('=');
            if (equals < 1) {
                continue;
            }
            String name = param.substring(0, equals);
            if (!PARAMETERS.contains(name) && user.getParameter(name).hasValue()) {
                throw new IllegalArgumentException("unknown parameter -p " + name + ": GemmBenchmark has "
                        + String.join(", ", PARAMETERS));
            }
        }
    }

    /**
     * Refuses the JMH options the table would take without doing as asked. Each of its runs sets
     * the mode, time unit and includes itself, the table reads one product per operation and one
     * calling thread, and every run opens the output file anew; such an option was either ignored
     * or put other figures under the table's labels.
     */
    static void refuseUnhonoured(Options user) {
        if (user.getThreads().hasValue() || user.getThreadGroups().hasValue()) {
            throw new IllegalArgumentException("-t and -tg are not for the table: JMH threads would time the"
                    + " same product concurrently and the table add their rates up; the threads one product"
                    + " may use are -p threads=1,2");
        }
        if (!user.getBenchModes().isEmpty() || user.getTimeUnit().hasValue()) {
            throw new IllegalArgumentException("-bm and -tu are not for the table: it measures throughput and"
                    + " reports GFLOP/s; for another mode or unit run JMH itself: benchmarks.jar jmh"
                    + " GemmBenchmark -bm avgt -tu us ...");
        }
        if (user.getMeasurementBatchSize().hasValue() || user.getWarmupBatchSize().hasValue()
                || user.getOperationsPerInvocation().hasValue()) {
            throw new IllegalArgumentException("-bs, -wbs and -opi are not for the table: it times one product per"
                    + " operation in throughput mode, where JMH ignores batch sizes and -opi would scale the"
                    + " GFLOP/s");
        }
        if (user.getOutput().hasValue()) {
            throw new IllegalArgumentException("-o is not for the table: each of its JMH runs would start the file"
                    + " anew, keeping only the last; redirect the runner's output instead (> gemm.log)");
        }
        if (!user.getExcludes().isEmpty()) {
            throw new IllegalArgumentException("gemm runs GemmBenchmark only; narrow it with -p NAME=V1,V2, not -e "
                    + String.join(" ", user.getExcludes()));
        }
    }

    /**
     * The arguments appended to every fork: the user's {@code -jvmArgsAppend}, then the benchmark
     * flags that the fork's start (its {@code -jvmArgs} if given, else this JVM's own arguments,
     * JMH's default) lacks.
     */
    static String[] forkArgs(Options user) {
        List<String> forkStart = new ArrayList<>(user.getJvmArgs()
                .orElse(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        List<String> jvmArgs = new ArrayList<>(user.getJvmArgsAppend().orElse(List.of()));
        forkStart.addAll(jvmArgs);
        jvmArgs.addAll(ForkFlags.missingFrom(forkStart));
        return jvmArgs.toArray(String[]::new);
    }

    /** JMH options for the plan: one run per shape, transposes and thread count. */
    static List<Options> runs(GemmPlan plan, Options user, Timing timing, String[] forkArgs) {
        record Key(Workload workload, int threads) {
        }
        Map<Key, Set<Peer>> peers = new LinkedHashMap<>();
        Map<Key, Set<Precision>> precisions = new LinkedHashMap<>();
        for (BenchCase c : plan.cases) {
            Key key = new Key(c.workload(), c.threads());
            peers.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c.peer());
            precisions.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c.precision());
        }
        List<Options> runs = new ArrayList<>();
        for (Key key : peers.keySet()) {
            if (peers.get(key).size() * precisions.get(key).size()
                    != plan.cases.stream().filter(c -> new Key(c.workload(), c.threads()).equals(key)).count()) {
                throw new IllegalStateException("the plan for " + key + " is not a full product of impl and dtype");
            }
            ChainedOptionsBuilder run = new OptionsBuilder().parent(user)
                    .include("^" + Pattern.quote(GemmBenchmark.class.getName() + ".gemm") + "$")
                    .param("impl", ids(peers.get(key), p -> p.id))
                    .param("shape", key.workload().shape().toString())
                    .param("trans", key.workload().trans().name())
                    .param("dtype", ids(precisions.get(key), p -> p.id))
                    .param("threads", Integer.toString(key.threads()))
                    // The table converts products per second into GFLOP/s.
                    .mode(Mode.Throughput)
                    .timeUnit(TimeUnit.SECONDS)
                    .forks(timing.forks())
                    .warmupIterations(timing.warmupIterations())
                    .warmupTime(timing.warmupTime())
                    .measurementIterations(timing.measurementIterations())
                    .measurementTime(timing.measurementTime())
                    .jvmArgsAppend(forkArgs);
            runs.add(run.build());
        }
        return runs;
    }

    private static <T> Optional<List<T>> param(Options user, String name, Function<String, T> parse) {
        return Optional.ofNullable(user.getParameter(name).orElse(null))
                .map(values -> values.stream().map(parse).toList());
    }

    private static <T> String[] ids(Collection<T> values, Function<T, String> id) {
        return values.stream().map(id).toArray(String[]::new);
    }
}
