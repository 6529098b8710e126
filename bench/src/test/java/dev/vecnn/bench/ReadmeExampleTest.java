package dev.vecnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vecnn.kernels.Gemm;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example compiles against this build and runs: its block is wrapped in a
 * method, compiled with the vector module as a user would, and called. It lives in this module
 * because its tests compile without a module descriptor, where {@code javax.tools} is readable.
 */
class ReadmeExampleTest {

    @Test
    void readmeExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : javaBlock(Path.of("..", "README.md"))) {
            if (line.startsWith("import ")) {
                imports.add(line);
            } else {
                body.append("        ").append(line).append('\n');
            }
        }
        assertTrue(!imports.isEmpty() && body.toString().contains("Gemm."), "the README's java block");
        String source = String.join("\n", imports) + "\n\npublic class ReadmeExample {\n"
                + "    public static void run() {\n" + body + "    }\n}\n";
        Path file = dir.resolve("ReadmeExample.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("--add-modules", "jdk.incubator.vector",
                "-classpath", classPath, "-d", dir.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        assertTrue(compiled, "the README example does not compile:\n" + errors + "\n" + source);

        int threads = Gemm.threads();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
            assertEquals(2, Gemm.threads(), "the example's last line sets two threads");
        } finally {
            Gemm.setThreads(threads);
        }
    }

    /** The lines of the first java code block. */
    private static List<String> javaBlock(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("```java");
        assertTrue(start >= 0, "README.md has a ```java block");
        int end = lines.subList(start + 1, lines.size()).indexOf("```") + start + 1;
        return lines.subList(start + 1, end);
    }
}
