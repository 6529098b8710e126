package dev.vecnn.nn.data;

/**
 * Images read from an IDX3 file.
 *
 * @param count  number of images
 * @param rows   pixel rows per image
 * @param cols   pixel columns per image
 * @param pixels {@code count * rows * cols} values in {@code [0, 1]} (byte / 255), image after
 *               image, each row-major; shared, not copied
 */
public record IdxImages(int count, int rows, int cols, double[] pixels) {
    /**
     * Checks the shape and the pixel count.
     *
     * @throws IllegalArgumentException if {@code pixels} is null, a size is negative, or
     *                                  {@code pixels} does not hold {@code count * rows * cols} values
     */
    public IdxImages {
        DataArguments.notNull("pixels", pixels);
        String negative = count < 0 ? "count" : rows < 0 ? "rows" : cols < 0 ? "cols" : null;
        if (negative != null) {
            throw new IllegalArgumentException(negative + " must be >= 0, got " + count + " images of "
                    + rows + " x " + cols);
        }
        long size;
        try {
            size = Math.multiplyExact(Math.multiplyExact((long) count, (long) rows), (long) cols);
        } catch (ArithmeticException e) {
            size = -1;
        }
        if (size != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels for " + count
                    + " images of " + rows + " x " + cols);
        }
    }
}
