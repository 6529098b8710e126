package dev.vecnn.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled data sets load with the shapes of the data README, and their values equal an
 * independent decoding of the raw bytes or text.
 */
class DatasetsTest {
    private static Dataset mnist;
    private static byte[] rawImages;
    private static byte[] rawLabels;

    @BeforeAll
    static void load() {
        mnist = Datasets.mnist10k();
        rawImages = gunzip("images-idx3-ubyte.gz");
        rawLabels = gunzip("labels-idx1-ubyte.gz");
    }

    @Test
    void mnistHasTheShapeOfItsIdxHeader() {
        ByteBuffer header = ByteBuffer.wrap(rawImages);
        assertEquals(Idx.IMAGES_MAGIC, header.getInt());
        int count = header.getInt();
        int rows = header.getInt();
        int cols = header.getInt();
        assertEquals(10000, count, "README: 10000 images");
        assertEquals(28, rows);
        assertEquals(28, cols);
        assertEquals(count, mnist.nSamples());
        assertEquals(rows * cols, mnist.nFeatures());
        assertEquals(1, mnist.nTargets());
        assertEquals(count * rows * cols, mnist.x().length);
        assertEquals(List.of("label"), mnist.targetNames());
    }

    @Test
    void mnistPixelsAreTheRawBytesOver255() {
        int offset = 16;
        int firstInk = -1;
        for (int i = 0; i < mnist.x().length; i++) {
            double expected = (rawImages[offset + i] & 0xff) / 255.0;
            if (expected != mnist.x()[i]) {
                throw new AssertionError("pixel " + i + ": raw " + expected + ", loaded " + mnist.x()[i]);
            }
            if (firstInk < 0 && expected > 0) {
                firstInk = i;
            }
        }
        assertEquals(0.0, mnist.x()[0], "MNIST images start with a blank corner");
        assertTrue(firstInk > 0 && mnist.x()[firstInk] > 0 && mnist.x()[firstInk] <= 1.0);
        double max = Arrays.stream(mnist.x()).max().orElseThrow();
        assertEquals(1.0, max, "some pixel is full ink (255)");
    }

    @Test
    void mnistLabelsAreTheRawBytesWithABalancedHistogram() {
        assertEquals(Idx.LABELS_MAGIC, ByteBuffer.wrap(rawLabels).getInt());
        int[] labels = mnist.labels();
        int[] fromRaw = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            fromRaw[i] = rawLabels[8 + i] & 0xff;
        }
        assertArrayEquals(fromRaw, labels);
        int[] histogram = histogram(labels, 10);
        assertEquals(labels.length, Arrays.stream(histogram).sum());
        for (int digit = 0; digit < 10; digit++) {
            assertTrue(histogram[digit] > 700 && histogram[digit] < 1300,
                    "digit " + digit + " appears " + histogram[digit] + " times of 10000");
        }
        Dataset train = mnist.rows(0, Datasets.MNIST_TRAIN_ROWS);
        Dataset test = mnist.rows(Datasets.MNIST_TRAIN_ROWS, mnist.nSamples());
        assertEquals(8000, train.nSamples());
        assertEquals(2000, test.nSamples());
        assertEquals(labels[8000], test.labels()[0]);
        assertEquals(mnist.x(8000, 300), test.x(0, 300));
    }

    @Test
    void csvSetsHaveTheReadmeShapesAndClassCounts() {
        // Class counts as documented by scikit-learn for these data sets.
        assertCsv(Datasets.iris(), 150, 4, 1, new int[] {50, 50, 50});
        assertCsv(Datasets.breastCancer(), 569, 30, 1, new int[] {212, 357});
        assertCsv(Datasets.wine(), 178, 13, 1, new int[] {59, 71, 48});
        assertCsv(Datasets.digits(), 1797, 64, 1,
                new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180});
        assertCsv(Datasets.diabetes(), 442, 10, 1, null);
        assertCsv(Datasets.linnerud(), 20, 3, 3, null);
    }

    @Test
    void csvFirstRowsEqualTheFileText() {
        for (String file : List.of("iris.csv", "wine.csv", "diabetes.csv", "linnerud.csv",
                "digits.csv", "breast_cancer.csv")) {
            String[] lines = text(file).split("\n");
            Dataset d = switch (file) {
                case "iris.csv" -> Datasets.iris();
                case "wine.csv" -> Datasets.wine();
                case "diabetes.csv" -> Datasets.diabetes();
                case "linnerud.csv" -> Datasets.linnerud();
                case "digits.csv" -> Datasets.digits();
                default -> Datasets.breastCancer();
            };
            String[] header = lines[0].strip().split(",");
            String[] first = lines[1].strip().split(",");
            assertEquals(Arrays.asList(header).subList(0, d.nFeatures()), d.featureNames(), file);
            for (int j = 0; j < d.nFeatures(); j++) {
                assertEquals(Double.parseDouble(first[j]), d.x(0, j), file + " column " + j);
            }
            for (int k = 0; k < d.nTargets(); k++) {
                assertEquals(Double.parseDouble(first[d.nFeatures() + k]), d.y()[k], file + " target " + k);
            }
        }
    }

    private static void assertCsv(Dataset d, int rows, int features, int targets, int[] classCounts) {
        assertEquals(rows, d.nSamples(), d.name());
        assertEquals(features, d.nFeatures(), d.name());
        assertEquals(targets, d.nTargets(), d.name());
        assertTrue(Arrays.stream(d.x()).allMatch(Double::isFinite), d.name());
        if (classCounts != null) {
            assertArrayEquals(classCounts, histogram(d.labels(), classCounts.length), d.name());
        }
    }

    private static int[] histogram(int[] labels, int classes) {
        int[] h = new int[classes];
        for (int label : labels) {
            h[label]++;
        }
        return h;
    }

    private static byte[] gunzip(String file) {
        try (InputStream in = new GZIPInputStream(Datasets.class.getResourceAsStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String file) {
        try (InputStream in = Datasets.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readersAndRowsRefuseBadArgumentsByName() {
        java.io.ByteArrayInputStream empty = new java.io.ByteArrayInputStream(new byte[0]);
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> Csv.read((java.nio.file.Path) null, 1),
                () -> Csv.read(null, "x", 1),
                () -> Csv.read(empty, null, 1),
                () -> Idx.readImages((java.nio.file.Path) null),
                () -> Idx.readImages(null, "x"),
                () -> Idx.readLabels((java.nio.file.Path) null),
                () -> Idx.readLabels(empty, null));
        for (org.junit.jupiter.api.function.Executable call : calls) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, call);
            assertTrue(e.getMessage().endsWith("must not be null"), e.getMessage());
        }
        Dataset iris = Datasets.iris();
        for (int[] range : new int[][] {{-1, 3}, {5, 4}, {0, 151}}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> iris.rows(range[0], range[1]));
            assertTrue(e.getMessage().contains("outside [0, 150]"), e.getMessage());
        }
        assertEquals(0, iris.rows(150, 150).nSamples());
    }

    @Test
    void datasetChecksIndicesLabelRangeAndNames() {
        Dataset d = new Dataset("d", 3, 2, new double[] {1, 2, 3, 4, 5, 6}, 1, new double[] {0, 1, 2},
                List.of("a", "b"), List.of("y"));
        assertEquals(6.0, d.x(2, 1));
        // x(0, 2) read x[2], the first value of the next row.
        for (int[] at : new int[][] {{0, 2}, {0, -1}, {-1, 0}, {3, 0}, {1, 5}}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> d.x(at[0], at[1]));
            assertTrue(e.getMessage().contains("x(" + at[0] + ", " + at[1] + ") outside [0, 3) x [0, 2)"),
                    e.getMessage());
        }
        // Integer.MIN_VALUE is an int: |v| > Integer.MAX_VALUE refused it.
        Dataset extremes = new Dataset("e", 2, 0, new double[0], 1,
                new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, List.of(), List.of("y"));
        assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, extremes.labels());
        for (double beyond : new double[] {Integer.MIN_VALUE - 1.0, Integer.MAX_VALUE + 1.0, Double.NaN,
            Double.NEGATIVE_INFINITY}) {
            Dataset bad = new Dataset("b", 1, 0, new double[0], 1, new double[] {beyond}, List.of(),
                    List.of("y"));
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalStateException.class, bad::labels, "label " + beyond);
            assertTrue(e.getMessage().contains("not an integer label"), e.getMessage());
        }
        // A null name threw NullPointerException from List.copyOf.
        IllegalArgumentException feature = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new Dataset("d", 1, 2, new double[2], 0, new double[0],
                        Arrays.asList("a", null), List.of()));
        assertEquals("Dataset: featureNames[1] must not be null", feature.getMessage());
        IllegalArgumentException target = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new Dataset("d", 1, 0, new double[0], 1, new double[1],
                        List.of(), Arrays.asList((String) null)));
        assertEquals("Dataset: targetNames[0] must not be null", target.getMessage());
    }
}
