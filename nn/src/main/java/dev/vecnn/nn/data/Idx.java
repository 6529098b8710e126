package dev.vecnn.nn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for gzip-compressed IDX files, the MNIST format: a big-endian int32 magic
 * ({@code 0x00000803} for images, {@code 0x00000801} for labels), one big-endian int32 per
 * dimension, then the unsigned bytes row-major. Every error names the file and the problem.
 */
public final class Idx {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /**
     * Reads a gzip-compressed IDX3 image file; pixels are scaled by 1/255.
     *
     * @param file the {@code .gz} IDX3 file
     * @return the images, pixels in {@code [0, 1]}
     * @throws IOException if the file cannot be read or is not a valid IDX3 image file
     */
    public static IdxImages readImages(Path file) throws IOException {
        DataArguments.notNull("file", file);
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        }
    }

    /**
     * Reads a gzip-compressed IDX3 image stream; {@code name} identifies it in errors. The stream
     * is not closed.
     *
     * @param gzipped the gzip-compressed IDX3 bytes
     * @param name    the source's name, used in messages
     * @return the images, pixels in {@code [0, 1]}
     * @throws IOException if reading fails or the data is not a valid IDX3 image file
     */
    public static IdxImages readImages(InputStream gzipped, String name) throws IOException {
        return read(gzipped, name, (data, n) -> {
            int[] dims = header(data, name, IMAGES_MAGIC, 3);
            byte[] raw = body(data, name, (long) dims[0] * dims[1] * dims[2]);
            double[] pixels = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xff) / 255.0;
            }
            return new IdxImages(dims[0], dims[1], dims[2], pixels);
        });
    }

    /**
     * Reads a gzip-compressed IDX1 label file.
     *
     * @param file the {@code .gz} IDX1 file
     * @return one label per item, each in {@code [0, 255]}
     * @throws IOException if the file cannot be read or is not a valid IDX1 label file
     */
    public static int[] readLabels(Path file) throws IOException {
        DataArguments.notNull("file", file);
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /**
     * Reads a gzip-compressed IDX1 label stream; {@code name} identifies it in errors. The stream
     * is not closed.
     *
     * @param gzipped the gzip-compressed IDX1 bytes
     * @param name    the source's name, used in messages
     * @return one label per item, each in {@code [0, 255]}
     * @throws IOException if reading fails or the data is not a valid IDX1 label file
     */
    public static int[] readLabels(InputStream gzipped, String name) throws IOException {
        return read(gzipped, name, (data, n) -> {
            int[] dims = header(data, name, LABELS_MAGIC, 1);
            byte[] raw = body(data, name, dims[0]);
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        });
    }

    private interface Body<T> {
        T read(DataInputStream data, String name) throws IOException;
    }

    private static <T> T read(InputStream gzipped, String name, Body<T> body) throws IOException {
        DataArguments.notNull("gzipped", gzipped);
        DataArguments.notNull("name", name);
        try {
            GZIPInputStream gz = new GZIPInputStream(new BufferedInputStream(gzipped));
            DataInputStream data = new DataInputStream(gz);
            T result = body.read(data, name);
            if (data.read() != -1) {
                throw new IOException(name + ": trailing bytes after the IDX data");
            }
            return result;
        } catch (EOFException e) {
            throw new IOException(name + ": truncated IDX file (unexpected end of data)", e);
        } catch (ZipException e) {
            throw new IOException(name + ": not a valid gzip stream (" + e.getMessage() + ")", e);
        }
    }

    private static int[] header(DataInputStream data, String name, int magic, int rank)
            throws IOException {
        int got = data.readInt();
        if (got != magic) {
            throw new IOException(String.format(
                    "%s: bad IDX magic 0x%08x, expected 0x%08x (%s)", name, got, magic,
                    magic == IMAGES_MAGIC ? "unsigned-byte images, 3 dimensions"
                            : "unsigned-byte labels, 1 dimension"));
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = data.readInt();
            if (dims[i] < 0) {
                throw new IOException(name + ": negative IDX dimension " + i + ": " + dims[i]);
            }
        }
        return dims;
    }

    private static byte[] body(DataInputStream data, String name, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": IDX data of " + size + " bytes is too large");
        }
        byte[] raw = new byte[(int) size];
        data.readFully(raw);
        return raw;
    }
}
