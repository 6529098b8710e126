package dev.vecnn.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * The side-by-side table: one row per shape, transposes, dtype and threads, one GFLOP/s column per
 * implementation, the machine's FMA peak for that dtype and thread count when it was measured in
 * the run ({@link MachinePeak}), and how vecnn's median compares to each peer's and to the peak.
 * Rendered as plain text for the console and as markdown for the docs.
 */
final class GemmTable {
    static final String CAPTION = "GFLOP/s = 2·m·n·k / time per product: median over the measurement iterations"
            + " ± JMH error (99.9% confidence half-width of the mean). vecnn/X = vecnn median / X median,"
            + " above 1 when vecnn is faster. peak = the machine's fused multiply-add peak for the dtype and"
            + " thread count (PeakBenchmark's best iteration, run before and after the products), vecnn/peak"
            + " the share of it vecnn's median reaches."
            + " '-' not run (see notes), 'failed' = the fork failed (see its JMH output).";
    private static final List<Peer> RATIO_PEERS = List.of(Peer.OPENBLAS, Peer.OPENBLAS_CPU, Peer.NETLIB, Peer.EJML);

    record Row(Workload workload, Precision precision, int threads) {
    }

    private final List<Peer> peers;
    private final Map<MachinePeak.Key, Cell> peaks;
    private final Map<Row, Set<Peer>> planned = new LinkedHashMap<>();
    private final Map<Row, Map<Peer, Cell>> cells = new LinkedHashMap<>();

    private GemmTable(List<Peer> peers, Map<MachinePeak.Key, Cell> peaks) {
        this.peers = peers;
        this.peaks = peaks;
    }

    /** The table of a plan without the machine's peak. */
    static GemmTable of(GemmPlan plan, List<RunResult> results) {
        return of(plan, results, Map.of());
    }

    /**
     * The table of a plan: every planned row, filled from the results that came back; with the
     * peak columns when {@code peaks} holds any (rows whose peak is missing show '-').
     */
    static GemmTable of(GemmPlan plan, List<RunResult> results, Map<MachinePeak.Key, Cell> peaks) {
        Set<Peer> used = new LinkedHashSet<>();
        plan.cases.forEach(c -> used.add(c.peer()));
        List<Peer> peers = List.of(Peer.values()).stream().filter(used::contains).toList();
        GemmTable table = new GemmTable(peers, peaks);
        for (BenchCase c : plan.cases) {
            Row row = new Row(c.workload(), c.precision(), c.threads());
            table.planned.computeIfAbsent(row, r -> new LinkedHashSet<>()).add(c.peer());
            table.cells.computeIfAbsent(row, r -> new EnumMap<>(Peer.class));
        }
        for (RunResult result : results) {
            BenchmarkParams p = result.getParams();
            GemmShape shape = GemmShape.parse(p.getParam("shape"));
            Row row = new Row(new Workload(shape, Trans.parse(p.getParam("trans"))),
                    Precision.parse(p.getParam("dtype")), Integer.parseInt(p.getParam("threads")));
            Map<Peer, Cell> rowCells = table.cells.get(row);
            if (rowCells != null) {
                rowCells.put(Peer.parse(p.getParam("impl")), Cell.of(result, shape));
            }
        }
        return table;
    }

    /** Planned entries that have no result: failed forks. */
    int failures() {
        int count = 0;
        for (Map.Entry<Row, Set<Peer>> e : planned.entrySet()) {
            for (Peer peer : e.getValue()) {
                if (!cells.get(e.getKey()).containsKey(peer)) {
                    count++;
                }
            }
        }
        return count;
    }

    Optional<Cell> cell(Row row, Peer peer) {
        return Optional.ofNullable(cells.getOrDefault(row, Map.of()).get(peer));
    }

    List<String> header() {
        List<String> header = new ArrayList<>(List.of("shape", "trans", "dtype", "threads"));
        peers.forEach(p -> header.add(p.id));
        if (!peaks.isEmpty()) {
            header.add("peak");
        }
        ratioPeers().forEach(p -> header.add("vecnn/" + p.id));
        if (!peaks.isEmpty() && peers.contains(Peer.VECNN)) {
            header.add("vecnn/peak");
        }
        return header;
    }

    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : cells.keySet()) {
            List<String> line = new ArrayList<>(List.of(row.workload().shape().toString(),
                    row.workload().trans().name(), row.precision().id, Integer.toString(row.threads())));
            for (Peer peer : peers) {
                line.add(cell(row, peer).map(Cell::format)
                        .orElse(planned.get(row).contains(peer) ? "failed" : "-"));
            }
            Optional<Cell> peak = Optional.ofNullable(peaks.get(new MachinePeak.Key(row.precision(), row.threads())));
            if (!peaks.isEmpty()) {
                line.add(peak.map(Cell::format).orElse("-"));
            }
            Optional<Cell> vecnn = cell(row, Peer.VECNN);
            for (Peer peer : ratioPeers()) {
                line.add(ratio(vecnn, cell(row, peer)));
            }
            if (!peaks.isEmpty() && peers.contains(Peer.VECNN)) {
                line.add(ratio(vecnn, peak));
            }
            rows.add(line);
        }
        return rows;
    }

    /** Fixed-width text: first four columns left-aligned, numbers right-aligned. */
    String text() {
        List<List<String>> all = new ArrayList<>();
        all.add(header());
        all.addAll(rows());
        int[] widths = new int[all.get(0).size()];
        for (List<String> line : all) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : all) {
            for (int i = 0; i < line.size(); i++) {
                String format = i < 4 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                out.append(String.format(format, line.get(i))).append(i + 1 < line.size() ? "  " : "\n");
            }
        }
        return out.toString();
    }

    /** A GitHub markdown table, numbers right-aligned. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        List<String> header = header();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            out.append(i < 4 ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<String> line : rows()) {
            out.append("| ").append(String.join(" | ", line)).append(" |\n");
        }
        return out.toString();
    }

    private static String ratio(Optional<Cell> numerator, Optional<Cell> denominator) {
        return numerator.isPresent() && denominator.isPresent()
                ? String.format("%.3g", numerator.get().median() / denominator.get().median()) : "-";
    }

    private List<Peer> ratioPeers() {
        if (!peers.contains(Peer.VECNN)) {
            return List.of();
        }
        return RATIO_PEERS.stream().filter(peers::contains).toList();
    }
}
