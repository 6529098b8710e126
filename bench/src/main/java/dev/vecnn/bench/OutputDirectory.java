package dev.vecnn.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the runner writes its JSON and markdown: {@code -Dvecnn.bench.out=DIR} if given, else
 * next to {@code benchmarks.jar} (so {@code bench/target/}), else {@code target/} of the working
 * directory when running from classes.
 */
final class OutputDirectory {
    static final String PROPERTY = "vecnn.bench.out";

    private OutputDirectory() {
    }

    static Path resolve() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (code.getFileName() != null && code.getFileName().toString().endsWith(".jar")) {
                return code.toAbsolutePath().getParent();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("target");
        }
        return Path.of("target");
    }
}
