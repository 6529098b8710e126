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
import java.util.regex.Pattern;

/**
 * Reader for numeric CSV files with one header row, comma separated, no quoting, the targets in
 * the last columns. Every error in the file throws an {@link IOException} naming the file, line
 * and problem; a bad argument throws an {@link IllegalArgumentException}.
 *
 * <p>The header's names must not be empty; a UTF-8 byte order mark before it is skipped. Blank
 * lines after it are skipped. Every cell is a plain decimal number, what numpy and pandas read as
 * a finite float: an optional sign, digits with an optional fraction ({@code 1}, {@code -2.5},
 * {@code .5}, {@code 3.}), an optional exponent ({@code 1e-3}, {@code 2E+5}), spaces around it.
 * {@code NaN}, infinities, values beyond the double range ({@code 1e400}) and Java's other forms
 * ({@code 1d}, {@code 2f}, {@code 0x1p3}) are refused.
 */
public final class Csv {
    /** A plain decimal number: sign, digits with an optional fraction, optional exponent. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /**
     * Reads {@code file}; its last {@code targetColumns} columns are the targets.
     *
     * @param file          the CSV file, UTF-8
     * @param targetColumns number of target columns, {@code >= 1} and below the column count
     * @return the data set, named by the file's path
     * @throws IOException              if the file cannot be read or is not valid numeric CSV
     * @throws IllegalArgumentException if {@code file} is null, or {@code targetColumns} is below 1
     *                                  (checked before the file is opened) or not below the
     *                                  header's column count
     */
    public static Dataset read(Path file, int targetColumns) throws IOException {
        DataArguments.notNull("file", file);
        checkTargetColumns(targetColumns);
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
     * @throws IOException              if reading fails, the header is missing, blank or has an
     *                                  empty name, or a row is malformed
     * @throws IllegalArgumentException if {@code in} or {@code name} is null, or
     *                                  {@code targetColumns} is below 1 (checked before anything is
     *                                  read) or not below the header's column count
     */
    public static Dataset read(InputStream in, String name, int targetColumns) throws IOException {
        DataArguments.notNull("in", in);
        DataArguments.notNull("name", name);
        checkTargetColumns(targetColumns);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IOException(name + ": empty file, expected a header row");
        }
        if (!header.isEmpty() && header.charAt(0) == BYTE_ORDER_MARK) {
            header = header.substring(1);
        }
        if (header.isBlank()) {
            throw new IOException(name + ": line 1 is blank, expected the header row of column names");
        }
        List<String> columns = Arrays.stream(header.split(",", -1)).map(String::strip).toList();
        int width = columns.size();
        for (int j = 0; j < width; j++) {
            if (columns.get(j).isEmpty()) {
                throw new IOException(name + ": line 1 (header), column " + (j + 1) + " of " + width
                        + " has an empty name");
            }
        }
        if (targetColumns >= width) {
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

    private static void checkTargetColumns(int targetColumns) {
        if (targetColumns < 1) {
            throw new IllegalArgumentException("targetColumns must be >= 1, got " + targetColumns);
        }
    }

    private static double parse(String cell, String name, int lineNo, String column)
            throws IOException {
        String text = cell.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new IOException(name + ": line " + lineNo + ", column '" + column
                    + "': not a decimal number: '" + cell + "'");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new IOException(name + ": line " + lineNo + ", column '" + column
                    + "': '" + cell + "' is beyond the double range (not finite)");
        }
        return value;
    }
}
