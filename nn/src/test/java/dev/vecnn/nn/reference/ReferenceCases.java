package dev.vecnn.nn.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds and reads the scikit-learn reference cases.
 *
 * <p>The cases come from the directory named by the system property {@value #PROPERTY} when it
 * is set (any folder of case files in the same format), otherwise from the copy bundled as test
 * resources under {@code reference/}. Every {@code *.json} file with a {@code kind} field is a
 * case; {@code numpy-random-state.json} holds random-stream vectors and is always read from the
 * bundled copy.
 */
public final class ReferenceCases {
    /** System property naming a directory of case files to use instead of the bundled ones. */
    public static final String PROPERTY = "vecnn.reference";

    private static final String BUNDLED = "/reference/README.md";
    private static final String BUNDLED_RANDOM = "/random-cases/README.md";
    private static final String RANDOM_STATE_FILE = "numpy-random-state.json";

    private ReferenceCases() {
    }

    /** The directory the cases are read from: {@value #PROPERTY} if set, else the bundled copy. */
    public static Path directory() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(
                        "-D" + PROPERTY + "=" + override + " is not a directory");
            }
            return dir;
        }
        return bundledDirectory();
    }

    /** Every case in {@link #directory()}, sorted by file name. */
    public static List<ReferenceCase> loadAll() {
        return loadAll(directory());
    }

    /** Every case in {@code dir}, sorted by file name. */
    public static List<ReferenceCase> loadAll(Path dir) {
        List<ReferenceCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Map<String, Object> root = parse(file);
                if (root.containsKey("kind")) {
                    cases.add(read(new Fields(root, file.toString())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list reference cases in " + dir, e);
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no reference cases (*.json with a 'kind') in " + dir);
        }
        return List.copyOf(cases);
    }

    /**
     * The bundled random cases ({@code random-cases/}, made by {@code nn/tools/random_sklearn_cases.py}
     * from scikit-learn fits with random parameters), in the same format.
     */
    public static List<ReferenceCase> loadRandom() {
        return loadAll(bundledDirectory(BUNDLED_RANDOM));
    }

    /** The cases of one kind, as that record type. */
    public static <T extends ReferenceCase> List<T> loadAll(Class<T> type) {
        return loadAll().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Reads one case file. */
    public static ReferenceCase load(Path file) {
        return read(new Fields(parse(file), file.toString()));
    }

    /** The bundled {@code numpy-random-state.json} vectors. */
    public static List<RandomStateVector> randomStateVectors() {
        Path file = bundledDirectory().resolve(RANDOM_STATE_FILE);
        Fields f = new Fields(parse(file), file.toString());
        List<?> vectors = (List<?>) f.raw("vectors");
        List<RandomStateVector> out = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) vectors.get(i);
            out.add(RandomStateVector.read(new Fields(entry, file + " vectors[" + i + "]")));
        }
        return List.copyOf(out);
    }

    private static ReferenceCase read(Fields f) {
        String kind = f.string("kind");
        return switch (kind) {
            case "backprop" -> BackpropCase.read(f);
            case "trajectory" -> TrajectoryCase.read(f);
            case "lbfgs" -> LbfgsCase.read(f);
            case "seeded" -> SeededCase.read(f);
            case "calls" -> CallsCase.read(f);
            default -> throw new IllegalArgumentException(
                    f.source() + ": unknown kind '" + kind + "'");
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Path file) {
        try {
            Object root = Json.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            if (!(root instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(file + ": top level is not a JSON object");
            }
            return (Map<String, Object>) root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file, e);
        }
    }

    private static Path bundledDirectory() {
        return bundledDirectory(BUNDLED);
    }

    private static Path bundledDirectory(String readmeResource) {
        URL readme = ReferenceCases.class.getResource(readmeResource);
        if (readme == null) {
            throw new IllegalStateException("bundled reference cases missing: " + readmeResource
                    + " is not on the test class path");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + readme, e);
        }
    }
}
