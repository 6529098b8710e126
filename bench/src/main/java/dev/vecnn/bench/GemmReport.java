package dev.vecnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Writes a run's results: all JMH results as one JSON file ({@code gemm-results.json}, the format
 * JMH's own {@code -rf json} writes) and the table as markdown ({@code gemm-results.md}) with the
 * machine, the timing and the notes, ready to paste into the docs.
 */
final class GemmReport {
    static final String JSON = "gemm-results.json";
    static final String MARKDOWN = "gemm-results.md";

    private GemmReport() {
    }

    static List<Path> write(Path directory, List<String> machine, Timing timing, List<String> notes,
                            GemmTable table, List<RunResult> results) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(JSON);
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        Path markdown = directory.resolve(MARKDOWN);
        Files.writeString(markdown, markdown(machine, timing, notes, table));
        return List.of(json, markdown);
    }

    static String markdown(List<String> machine, Timing timing, List<String> notes, GemmTable table) {
        StringBuilder out = new StringBuilder("# GEMM: vecnn next to its peers\n\n");
        machine.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("- JMH: ").append(timing).append(", throughput mode\n\n");
        out.append(table.markdown()).append('\n');
        out.append(GemmTable.CAPTION).append('\n');
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }
}
