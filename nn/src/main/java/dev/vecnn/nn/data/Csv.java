package dev.vecnn.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reader for numeric CSV files with one header row, comma separated, no quoting, the targets in
 * the last columns. Every error names the file, line and problem.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * Reads {@code file}; its last {@code targetColumns} columns are the targets.
     *
     * @param file          the CSV file, UTF-8
     * @param targetColumns number of target columns, {@code >= 1} and below the column count
     * @return the data set, named by the file's path
     * @throws IOException if the file cannot be read or is not valid numeric CSV
     */
    public static Dataset read(Path file, int targetColumns) throws IOException {
        DataArguments.notNull("file", file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), targetColumns);
        }
    }

    /**
     * Reads a UTF-8 stream; {@code name} identifies it in errors. The stream is not closed.
     *
     * @param in            the CSV text, header row first
     * @param name          the data set's name, used in messages
     * @param targetColumns number of target columns, {@code >= 1} and below the column count
     * @return the data set, column names from the header
     * @throws IOException if reading fails, the header is missing, or a row is malformed
     */
    public static Dataset read(InputStream in, String name, int targetColumns) throws IOException {
        DataArguments.notNull("in", in);
        DataArguments.notNull("name", name);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || header.isBlank()) {
            throw new IOException(name + ": empty file, expected a header row");
        }
        List<String> columns = Arrays.stream(header.split(",", -1)).map(String::strip).toList();
        int width = columns.size();
        if (targetColumns < 1 || targetColumns >= width) {
            throw new IllegalArgumentException(name + ": cannot take " + targetColumns
                    + " target columns from " + width + " columns");
        }
        int features = width - targetColumns;
        double[] x = new double[features * 256];
        double[] y = new double[targetColumns * 256];
        int rows = 0;
        int lineNo = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != width) {
                throw new IOException(name + ": line " + lineNo + " has " + cells.length
                        + " columns, the header has " + width);
            }
            if ((rows + 1) * features > x.length || (rows + 1) * targetColumns > y.length) {
                x = Arrays.copyOf(x, Math.max(x.length * 2, (rows + 1) * features));
                y = Arrays.copyOf(y, Math.max(y.length * 2, (rows + 1) * targetColumns));
            }
            for (int j = 0; j < width; j++) {
                double v = parse(cells[j], name, lineNo, columns.get(j));
                if (j < features) {
                    x[rows * features + j] = v;
                } else {
                    y[rows * targetColumns + j - features] = v;
                }
            }
            rows++;
        }
        return new Dataset(name, rows, features, Arrays.copyOf(x, rows * features), targetColumns,
                Arrays.copyOf(y, rows * targetColumns), columns.subList(0, features),
                columns.subList(features, width));
    }

    private static double parse(String cell, String name, int lineNo, String column)
            throws IOException {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IOException(name + ": line " + lineNo + ", column '" + column
                    + "': not a number: '" + cell + "'", e);
        }
    }
}
