package dev.vecnn.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
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

    @Test
    void idxDimensionsBeyondAnArrayAreRefusedExactly() throws IOException {
        // 2^30 * 2^30 * 16 = 2^64 wrapped to 0 in long arithmetic: a header-only file was read as
        // 2^30 images of no pixels.
        Path wraps = write("wraps.gz", gzip(idx(Idx.IMAGES_MAGIC, new int[] {1 << 30, 1 << 30, 16}, new byte[0])));
        assertMentions(assertThrows(IOException.class, () -> Idx.readImages(wraps)),
                "wraps.gz", "[1073741824, 1073741824, 16]", "more than a Java array holds");
        Path big = write("big.gz", gzip(idx(Idx.IMAGES_MAGIC, new int[] {65536, 65536, 1}, new byte[0])));
        assertMentions(assertThrows(IOException.class, () -> Idx.readImages(big)),
                "big.gz", "4294967296 bytes", "more than a Java array holds");
        Path labels = write("labels.gz", gzip(idx(Idx.LABELS_MAGIC, new int[] {Integer.MAX_VALUE}, new byte[0])));
        assertMentions(assertThrows(IOException.class, () -> Idx.readLabels(labels)),
                "labels.gz", "2147483647 bytes", "more than a Java array holds");
        // A zero dimension makes an empty file, whatever the others declare.
        Path none = write("none.gz", gzip(idx(Idx.IMAGES_MAGIC, new int[] {0, 1 << 30, 1 << 30}, new byte[0])));
        assertEquals(0, Idx.readImages(none).pixels().length);
    }

    @Test
    void aSmallFileDeclaringGigabytesFailsAsTruncatedWithoutAllocatingThem() throws IOException {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        // 31 bytes declaring 46340 x 46340 x 1 = 2.1 GB of pixels: the whole array was allocated
        // before the first byte was read (an OutOfMemoryError under -Xmx512m).
        byte[] header = gzip(idx(Idx.IMAGES_MAGIC, new int[] {46340, 46340, 1}, new byte[0]));
        byte[] someBody = gzip(idx(Idx.IMAGES_MAGIC, new int[] {1000, 1000, 1000}, new byte[100_000]));
        long before = counter.getCurrentThreadAllocatedBytes();
        assertMentions(assertThrows(IOException.class,
                () -> Idx.readImages(new ByteArrayInputStream(header), "evil.gz")),
                "evil.gz", "truncated", "0 of the 2147395600 data bytes");
        assertMentions(assertThrows(IOException.class,
                () -> Idx.readImages(new ByteArrayInputStream(someBody), "short.gz")),
                "short.gz", "truncated", "100000 of the 1000000000 data bytes");
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16 << 20, "reading two short files allocated " + allocated + " bytes");
    }

    @Test
    void idxBodiesLongerThanTheFirstChunkReadBackExactly() throws IOException {
        // 3 x 300 x 301 bytes: the body buffer grows several times before it is full.
        int count = 3;
        int rows = 300;
        int cols = 301;
        byte[] pixels = new byte[count * rows * cols];
        new Random(7).nextBytes(pixels);
        IdxImages img = Idx.readImages(new ByteArrayInputStream(gzip(idx(Idx.IMAGES_MAGIC,
                new int[] {count, rows, cols}, pixels))), "large.gz");
        assertEquals(pixels.length, img.pixels().length);
        for (int i = 0; i < pixels.length; i++) {
            if (img.pixels()[i] != (pixels[i] & 0xff) / 255.0) {
                throw new AssertionError("pixel " + i + ": " + img.pixels()[i]);
            }
        }
    }

    @Test
    void idxImagesRefuseBadShapesByName() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new IdxImages(-1, -1, 1, new double[1])),
                "count must be >= 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new IdxImages(1, -1, -1, new double[1])),
                "rows must be >= 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new IdxImages(1, 1, -1, new double[0])),
                "cols must be >= 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new IdxImages(1, 1, 1, null)),
                "pixels must not be null");
        // 2^30 * 2^30 * 16 wraps to 0 in long arithmetic, which matched an empty array.
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new IdxImages(1 << 30, 1 << 30, 16, new double[0])), "0 pixels for 1073741824 images");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new IdxImages(2, 2, 2, new double[7])),
                "7 pixels for 2 images of 2 x 2");
        assertEquals(8, new IdxImages(2, 2, 2, new double[8]).pixels().length);
    }

    @Test
    void bytesAfterTheGzipDataAreRefusedLikeBytesAfterTheIdxData() throws IOException {
        byte[] member = gzip(idx(Idx.LABELS_MAGIC, new int[] {3}, new byte[] {1, 2, 3}));
        for (byte[] junk : new byte[][] {{'A'}, "ABCDEFG".getBytes(StandardCharsets.US_ASCII),
                {0x1f, (byte) 0x8b}, new byte[10_000]}) {
            byte[] file = concat(member, junk);
            IOException e = assertThrows(IOException.class,
                    () -> Idx.readLabels(new ByteArrayInputStream(file), "junk.gz"), junk.length + " junk bytes");
            assertMentions(e, "junk.gz", "trailing bytes after the gzip data");
        }
        // gzip allows several members one after another (cat a.gz b.gz): they are one stream.
        byte[] full = idx(Idx.LABELS_MAGIC, new int[] {5}, new byte[] {9, 8, 7, 6, 5});
        byte[] twoMembers = concat(gzip(Arrays.copyOf(full, 7)), gzip(Arrays.copyOfRange(full, 7, full.length)));
        assertArrayEquals(new int[] {9, 8, 7, 6, 5}, Idx.readLabels(new ByteArrayInputStream(twoMembers), "two.gz"));
        byte[] emptyLast = concat(gzip(full), gzip(new byte[0]));
        assertArrayEquals(new int[] {9, 8, 7, 6, 5}, Idx.readLabels(new ByteArrayInputStream(emptyLast), "e.gz"));
    }

    @Test
    void theGzipEndIsFoundWhereverTheTrailerFallsInTheInputBuffers() throws IOException {
        // Incompressible bodies of every length up to past the inflater's 512-byte buffer and
        // across one refill of the BufferedInputStream's 8192: the trailer lands in the inflater's
        // buffer, across a refill or right after it. Clean files read, one more byte is refused.
        Random random = new Random(11);
        for (int n : IntStream.concat(IntStream.rangeClosed(0, 1100), IntStream.rangeClosed(8100, 8300)).toArray()) {
            byte[] body = new byte[n];
            random.nextBytes(body);
            byte[] file = gzip(idx(Idx.LABELS_MAGIC, new int[] {n}, body));
            assertEquals(n, Idx.readLabels(new ByteArrayInputStream(file), "clean.gz").length, "length " + n);
            byte[] junk = concat(file, new byte[] {0});
            assertThrows(IOException.class, () -> Idx.readLabels(new ByteArrayInputStream(junk), "junk.gz"),
                    "length " + n + " with one junk byte");
        }
    }

    @Test
    void csvSkipsAByteOrderMarkBeforeTheHeader() throws IOException {
        Dataset d = Csv.read(new ByteArrayInputStream("\uFEFFa,b,y\n1,2,3\n".getBytes(StandardCharsets.UTF_8)),
                "bom.csv", 1);
        assertEquals(java.util.List.of("a", "b"), d.featureNames());
        assertArrayEquals(new double[] {1, 2}, d.x());
    }

    @Test
    void csvReadsOnlyPlainFiniteDecimals() throws IOException {
        String ok = "a,b,c,d,e,f,g,h,y\n1,-2.5,+3, .5 ,3.,1e-3,2E+5,-0,7\n";
        Dataset d = Csv.read(new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8)), "ok.csv", 1);
        assertArrayEquals(new double[] {1, -2.5, 3, 0.5, 3, 1e-3, 2e5, -0.0}, d.x());
        for (String cell : new String[] {"NaN", "nan", "Infinity", "-Infinity", "inf", "1d", "2f", "3D",
            "0x1p3", "1e", "1e+", ".", "+", "1.2.3", "1_0", "\"1\"", "1e400", "-1e400"}) {
            String text = "a,b,y\n1," + cell + ",3\n";
            IOException e = assertThrows(IOException.class,
                    () -> Csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "n.csv", 1), cell);
            assertMentions(e, "n.csv", "line 2", "column 'b'", "'" + cell + "'");
        }
        IOException overflow = assertThrows(IOException.class, () -> Csv.read(
                new ByteArrayInputStream("a,y\n1e400,1\n".getBytes(StandardCharsets.UTF_8)), "big.csv", 1));
        assertMentions(overflow, "big.csv", "line 2", "column 'a'", "'1e400'", "not finite");
    }

    @Test
    void csvNamesWhatIsWrongWithTheHeader() throws IOException {
        IOException blank = assertThrows(IOException.class, () -> Csv.read(
                new ByteArrayInputStream("   \n1,2,3\n".getBytes(StandardCharsets.UTF_8)), "blank.csv", 1));
        assertMentions(blank, "blank.csv", "line 1 is blank", "header");
        assertTrue(!blank.getMessage().contains("empty file"), blank.getMessage());
        IOException unnamed = assertThrows(IOException.class, () -> Csv.read(
                new ByteArrayInputStream(",,\n1,2,3\n".getBytes(StandardCharsets.UTF_8)), "unnamed.csv", 1));
        assertMentions(unnamed, "unnamed.csv", "line 1", "column 1 of 3", "empty name");
        IOException third = assertThrows(IOException.class, () -> Csv.read(
                new ByteArrayInputStream("a, b ,\n1,2,3\n".getBytes(StandardCharsets.UTF_8)), "third.csv", 1));
        assertMentions(third, "column 3 of 3", "empty name");
    }

    @Test
    void csvChecksTargetColumnsBeforeTheFile() {
        // A bad argument is an IllegalArgumentException even when the file is empty or missing.
        IllegalArgumentException onEmpty = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(new ByteArrayInputStream(new byte[0]), "empty.csv", 0));
        assertMentions(onEmpty, "targetColumns must be >= 1, got 0");
        IllegalArgumentException onMissing = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(dir.resolve("missing.csv"), -1));
        assertMentions(onMissing, "targetColumns must be >= 1, got -1");
        Path ok = write("two.csv", "a,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Csv.read(ok, 2)),
                "two.csv", "cannot take 2 target columns from 2 columns");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
