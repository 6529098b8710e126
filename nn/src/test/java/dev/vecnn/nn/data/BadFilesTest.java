package dev.vecnn.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-made files: good ones read back exactly, bad ones fail naming file and problem. */
class BadFilesTest {
    @TempDir
    Path dir;

    @Test
    void smallIdxFilesRoundTrip() throws IOException {
        byte[] pixels = {0, (byte) 255, 51, 102, 1, 2};
        Path images = write("ok-images.gz", gzip(idx(Idx.IMAGES_MAGIC, new int[] {1, 2, 3}, pixels)));
        IdxImages img = Idx.readImages(images);
        assertEquals(1, img.count());
        assertEquals(2, img.rows());
        assertEquals(3, img.cols());
        assertArrayEquals(new double[] {0, 1, 51 / 255.0, 102 / 255.0, 1 / 255.0, 2 / 255.0},
                img.pixels());
        Path labels = write("ok-labels.gz", gzip(idx(Idx.LABELS_MAGIC, new int[] {3}, new byte[] {9, 0, (byte) 200})));
        assertArrayEquals(new int[] {9, 0, 200}, Idx.readLabels(labels));
    }

    @Test
    void wrongMagicIsNamed() throws IOException {
        Path labelsAsImages = write("labels.gz",
                gzip(idx(Idx.LABELS_MAGIC, new int[] {2}, new byte[] {1, 2})));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(labelsAsImages));
        assertMentions(e, "labels.gz", "magic 0x00000801", "expected 0x00000803");
        Path imagesAsLabels = write("images.gz",
                gzip(idx(Idx.IMAGES_MAGIC, new int[] {1, 1, 1}, new byte[] {1})));
        IOException e2 = assertThrows(IOException.class, () -> Idx.readLabels(imagesAsLabels));
        assertMentions(e2, "images.gz", "magic 0x00000803", "expected 0x00000801");
    }

    @Test
    void truncatedBodyHeaderAndGzipStreamAreNamed() throws IOException {
        byte[] full = idx(Idx.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[8]);
        Path shortBody = write("short-body.gz", gzip(Arrays.copyOf(full, full.length - 3)));
        assertMentions(assertThrows(IOException.class, () -> Idx.readImages(shortBody)),
                "short-body.gz", "truncated");
        Path shortHeader = write("short-header.gz", gzip(Arrays.copyOf(full, 6)));
        assertMentions(assertThrows(IOException.class, () -> Idx.readImages(shortHeader)),
                "short-header.gz", "truncated");
        byte[] compressed = gzip(full);
        Path cut = write("cut.gz", Arrays.copyOf(compressed, compressed.length / 2));
        assertMentions(assertThrows(IOException.class, () -> Idx.readImages(cut)), "cut.gz");
        Path notGzip = write("plain.idx", full);
        assertMentions(assertThrows(IOException.class, () -> Idx.readImages(notGzip)),
                "plain.idx", "gzip");
        Path longer = write("long.gz", gzip(Arrays.copyOf(full, full.length + 1)));
        assertMentions(assertThrows(IOException.class, () -> Idx.readImages(longer)),
                "long.gz", "trailing");
    }

    @Test
    void csvReadsAndRejectsBadRows() throws IOException {
        Path ok = write("ok.csv", "a,b,t1,t2\n1,2.5,3,4\n-1,0,1e3,5\n".getBytes(StandardCharsets.UTF_8));
        Dataset d = Csv.read(ok, 2);
        assertEquals(2, d.nSamples());
        assertArrayEquals(new double[] {1, 2.5, -1, 0}, d.x());
        assertArrayEquals(new double[] {3, 4, 1000, 5}, d.y());
        assertEquals(java.util.List.of("t1", "t2"), d.targetNames());

        Path ragged = write("ragged.csv", "a,b,t\n1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8));
        assertMentions(assertThrows(IOException.class, () -> Csv.read(ragged, 1)),
                "ragged.csv", "line 3", "2 columns");
        Path word = write("word.csv", "a,t\n1,cat\n".getBytes(StandardCharsets.UTF_8));
        assertMentions(assertThrows(IOException.class, () -> Csv.read(word, 1)),
                "word.csv", "line 2", "'t'", "cat");
        Path empty = write("empty.csv", new byte[0]);
        assertMentions(assertThrows(IOException.class, () -> Csv.read(empty, 1)), "empty.csv", "empty");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Csv.read(ok, 4)),
                "ok.csv", "4 target columns");
    }

    @Test
    void labelsRefuseNonIntegerOrMultipleTargets() throws IOException {
        Path regression = write("reg.csv", "a,t\n1,0.5\n".getBytes(StandardCharsets.UTF_8));
        assertMentions(assertThrows(IllegalStateException.class, () -> Csv.read(regression, 1).labels()),
                "reg.csv", "row 0");
        assertMentions(assertThrows(IllegalStateException.class, () -> Datasets.linnerud().labels()),
                "linnerud", "3 targets");
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] idx(int magic, int[] dims, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + body.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(body);
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part),
                    "message should mention '" + part + "': " + e.getMessage());
        }
    }
}
