package dev.vecnn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;

/**
 * The gemm suite's {@code rounds=N}: the whole plan is run N times over, each round giving every
 * case its forks in turn, and each case's forks from all rounds are then pooled into one result.
 * On a shared machine whose speed drifts over tens of seconds, a case's forks run back to back
 * can all fall into a slow stretch that the next implementation's forks miss; spread over rounds,
 * every implementation samples the same stretches.
 */
final class Rounds {
    static final String PREFIX = "rounds=";

    private Rounds() {
    }

    /** Removes every {@code rounds=N} from {@code args} and returns the last N given, else 1. */
    static int take(List<String> args) {
        int rounds = 1;
        for (var it = args.iterator(); it.hasNext(); ) {
            String arg = it.next();
            if (!arg.startsWith(PREFIX)) {
                continue;
            }
            String value = arg.substring(PREFIX.length());
            try {
                rounds = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                rounds = 0;
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be a whole number >= 1, got '" + value + "'");
            }
            it.remove();
        }
        return rounds;
    }

    /** One result per benchmark and parameters, holding the forks of every round, in first-seen order. */
    static List<RunResult> merge(List<RunResult> results) {
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> same : grouped(results, Rounds::key)) {
            List<BenchmarkResult> forks = new ArrayList<>();
            same.forEach(r -> forks.addAll(r.getBenchmarkResults()));
            merged.add(same.size() == 1 ? same.get(0) : new RunResult(same.get(0).getParams(), forks));
        }
        return merged;
    }

    /** {@code items} grouped by {@code key}, the groups in the order of their first item. */
    static <T, K> List<List<T>> grouped(List<T> items, Function<T, K> key) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return new ArrayList<>(groups.values());
    }

    private static String key(RunResult result) {
        var params = result.getParams();
        StringBuilder key = new StringBuilder(params.getBenchmark());
        for (String name : params.getParamsKeys()) {
            key.append(' ').append(name).append('=').append(params.getParam(name));
        }
        return key.toString();
    }
}
