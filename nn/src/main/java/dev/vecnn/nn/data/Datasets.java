package dev.vecnn.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The data sets bundled with vecnn, read from the module's resources. See {@code README.md} next
 * to the files for provenance and licences. Each call reads the resource again and returns fresh
 * arrays.
 */
public final class Datasets {
    /** Rows of {@link #mnist10k()} that form the training split; the rest are the test split. */
    public static final int MNIST_TRAIN_ROWS = 8000;

    private Datasets() {
    }

    /**
     * 10,000 MNIST digits, 784 pixels each scaled to {@code [0, 1]}, labels 0-9. Shuffled once,
     * so rows {@code [0, 8000)} / {@code [8000, 10000)} make a train / test split.
     *
     * @return 10000 rows of 784 pixels ({@code pixel_0} ...) and one {@code label} column
     */
    public static Dataset mnist10k() {
        String images = "images-idx3-ubyte.gz";
        String labels = "labels-idx1-ubyte.gz";
        try (InputStream imageIn = open(images); InputStream labelIn = open(labels)) {
            IdxImages img = Idx.readImages(imageIn, resourceName(images));
            int[] lab = Idx.readLabels(labelIn, resourceName(labels));
            if (lab.length != img.count()) {
                throw new IOException("mnist10k: " + img.count() + " images but " + lab.length
                        + " labels");
            }
            double[] y = new double[lab.length];
            for (int i = 0; i < lab.length; i++) {
                y[i] = lab[i];
            }
            int features = img.rows() * img.cols();
            List<String> names = new ArrayList<>(features);
            for (int i = 0; i < features; i++) {
                names.add("pixel_" + i);
            }
            return new Dataset("mnist10k", img.count(), features, img.pixels(), 1, y, names,
                    List.of("label"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * scikit-learn's digits: 1797 8x8 images with values 0-16, labels 0-9.
     *
     * @return 1797 rows of 64 pixels and one label column
     */
    public static Dataset digits() {
        return csv("digits.csv", 1);
    }

    /**
     * Fisher's iris: 150 x 4, three classes 0-2.
     *
     * @return 150 rows of 4 features and one label column
     */
    public static Dataset iris() {
        return csv("iris.csv", 1);
    }

    /**
     * Wisconsin diagnostic breast cancer: 569 x 30, labels 0/1.
     *
     * @return 569 rows of 30 features and one label column
     */
    public static Dataset breastCancer() {
        return csv("breast_cancer.csv", 1);
    }

    /**
     * UCI wine: 178 x 13, three classes 0-2.
     *
     * @return 178 rows of 13 features and one label column
     */
    public static Dataset wine() {
        return csv("wine.csv", 1);
    }

    /**
     * Diabetes (raw, unscaled): 442 x 10, one regression target.
     *
     * @return 442 rows of 10 features and one target column
     */
    public static Dataset diabetes() {
        return csv("diabetes.csv", 1);
    }

    /**
     * Linnerud: 20 x 3 exercises, three physiological targets (multi-output regression).
     *
     * @return 20 rows of 3 features and 3 target columns
     */
    public static Dataset linnerud() {
        return csv("linnerud.csv", 3);
    }

    private static Dataset csv(String file, int targets) {
        try (InputStream in = open(file)) {
            return Csv.read(in, resourceName(file), targets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = Datasets.class.getResourceAsStream(file);
        if (in == null) {
            throw new IOException("bundled data set " + resourceName(file) + " is missing");
        }
        return in;
    }

    private static String resourceName(String file) {
        return "dev/vecnn/nn/data/" + file;
    }
}
