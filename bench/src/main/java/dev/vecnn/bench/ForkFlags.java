package dev.vecnn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The JVM flags every benchmark JVM needs (the vector module, native access), as defined once in
 * the poms ({@code vecnn.jvm.flags}, {@code bench.jvm.flags}) and filtered into
 * {@code vecnn-bench.properties} at build time.
 */
final class ForkFlags {
    private static final String RESOURCE = "/vecnn-bench.properties";
    private static final String KEY = "fork.jvm.flags";

    private ForkFlags() {
    }

    /** The flags {@code present} lacks, so that a command line carries each one once. */
    static List<String> missingFrom(List<String> present) {
        return get().stream().filter(flag -> !present.contains(flag)).toList();
    }

    static List<String> get() {
        Properties properties = new Properties();
        try (InputStream in = ForkFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the bench module with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String flags = properties.getProperty(KEY, "").trim();
        if (flags.isEmpty() || flags.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by Maven: " + KEY + "=" + flags);
        }
        return Arrays.asList(flags.split("\\s+"));
    }
}
