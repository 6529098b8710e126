package dev.vecnn.nn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Gemm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples are code, not prose: each {@code ```java} block is compiled (its
 * imports at the top, the rest as the body of a method) against the modules' classes with every
 * lint warning an error, then run, and what it prints is checked. An example that stops compiling
 * or running fails the build instead of a new user.
 */
class ReadmeExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaExampleCompilesAndRuns() throws Exception {
        Path readme = Path.of(System.getProperty("basedir", "."), "..", "README.md");
        Matcher blocks = JAVA_BLOCK.matcher(Files.readString(readme));
        Path dir = Files.createTempDirectory("readme-examples");
        List<Path> sources = new ArrayList<>();
        while (blocks.find()) {
            sources.add(write(dir, "Example" + sources.size(), blocks.group(1)));
        }
        assertTrue(sources.size() >= 2, "expected the kernel and estimator examples, found " + sources.size());
        compile(dir, sources);
        String printed = run(dir, sources.size());
        assertTrue(printed.contains("h[0] = ") && printed.contains("same predictions: true"), printed);
        Matcher accuracy = Pattern.compile("accuracy (0\\.\\d+)").matcher(printed);
        assertTrue(accuracy.find() && Double.parseDouble(accuracy.group(1)) > 0.9, printed);
    }

    private static Path write(Path dir, String name, String block) throws Exception {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = "package readme;\n" + imports + "public final class " + name + " {\n"
                + "    public static void run() throws Exception {\n" + body + "    }\n}\n";
        Path file = dir.resolve("readme").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }

    private static void compile(Path dir, List<Path> sources) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            // Surefire's own property: java.class.path may be its booter jar, whose manifest lists the rest.
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> options = List.of("-d", dir.toString(), "-classpath", classPath,
                    "-Xlint:all", "-Werror", "-proc:none");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            assertTrue(ok, "README examples do not compile: " + diagnostics.getDiagnostics());
        }
    }

    private static String run(Path dir, int count) throws Exception {
        PrintStream original = System.out;
        int threads = Gemm.threads(); // the kernel example sets it; other tests keep theirs
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeExamplesTest.class.getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                loader.loadClass("readme.Example" + i).getMethod("run").invoke(null);
            }
        } finally {
            System.setOut(original);
            Gemm.setThreads(threads);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
