package dev.vecnn.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmark runner, main class of {@code benchmarks.jar}.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar benchmarks.jar [gemm] [quick] [rounds=N] [JMH options]
 * java ... -jar benchmarks.jar jmh [any JMH command line]
 * </pre>
 *
 * <p>{@code gemm} (the default) runs vecnn, OpenBLAS, netlib, EJML and a naive loop side by side and
 * prints one GFLOP/s table; {@code quick} makes the iterations short for smoke runs; JMH options
 * narrow or change the run, e.g. {@code -p shape=512x512x512 -p dtype=f32 -f 2}. {@code jmh} hands
 * the rest of the command line to JMH itself.
 */
public final class Main {
    private static final String USAGE = """
            usage: benchmarks.jar [gemm] [quick] [rounds=N] [JMH options]   side-by-side GEMM table (default)
                   benchmarks.jar jmh [JMH command line]         plain JMH (e.g. jmh -l, jmh GemmBenchmark -p impl=vecnn)
              quick          smoke run: 2 x 1 s warmup + 3 x 300 ms, square sizes up to 512; indicative numbers only
              rounds=N       the plan N times over, every case's forks once per round, pooled per case
                             (with -f 1: peers sample the same stretches of a machine whose speed drifts)
              -p impl=...    vecnn,openblas,openblas-cpu,netlib,ejml,naive   -p shape=MxNxK,...   (C is MxN, inner K)
                             (openblas-cpu: OpenBLAS with the kernel set this CPU calls for, where its own
                             detection falls back to older kernels; the column to compare with)
              -p trans=...   NN,TN,NT (replaces every shape's)    -p dtype=f32,f64     -p threads=1,2
              other JMH options (-f, -wi, -i, -w, -r, -to, -prof, -jvmArgsAppend, ...) apply to every fork;
                             refused, as the table cannot honour them: -t, -tg, -bm, -tu, -bs, -wbs, -opi, -o, -e,
                             -rf, -rff, a -p name not listed above (jmh runs take the JMH options)
              results: gemm-results.json and gemm-results.md next to benchmarks.jar (-Dvecnn.bench.out=DIR)
                   benchmarks.jar -l | -lp | -lprof   JMH's lists (the same as jmh -l ...)""";

    private static final List<String> SUITES = List.of("gemm", "jmh", "help", "-h", "--help");
    /** JMH's listing options, which a JMH user types first: they go to JMH, not to the GEMM table. */
    private static final List<String> JMH_LISTINGS = List.of("-l", "-lp", "-lprof", "-lrf");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args);
        String first = rest.isEmpty() ? "" : rest.get(0);
        // Without a suite name the arguments belong to gemm: "quick" or JMH options.
        String suite = SUITES.contains(first) ? first : JMH_LISTINGS.contains(first) ? "jmh" : "gemm";
        if (SUITES.contains(first)) {
            rest = rest.subList(1, rest.size());
        }
        if (suite.equals("gemm") || suite.equals("jmh")) {
            int restarted = CleanEnvironment.restartIfNeeded(Main.class, args);
            if (restarted >= 0) {
                System.exit(restarted);
            }
        }
        switch (suite) {
            case "gemm" -> {
                try {
                    System.exit(GemmSuite.run(rest, System.out));
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
            case "jmh" -> org.openjdk.jmh.Main.main(rest.toArray(String[]::new));
            default -> System.out.println(USAGE);
        }
    }
}
