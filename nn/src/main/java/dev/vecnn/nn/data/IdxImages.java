package dev.vecnn.nn.data;

/**
 * Images read from an IDX3 file.
 *
 * @param count  number of images
 * @param rows   pixel rows per image
 * @param cols   pixel columns per image
 * @param pixels {@code count * rows * cols} values in {@code [0, 1]} (byte / 255), image after
 *               image, each row-major
 */
public record IdxImages(int count, int rows, int cols, double[] pixels) {
    /** Checks the pixel count. */
    public IdxImages {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels for " + count
                    + " images of " + rows + " x " + cols);
        }
    }
}
