package dev.vecnn.nn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for gzip-compressed IDX files, the MNIST format: a big-endian int32 magic
 * ({@code 0x00000803} for images, {@code 0x00000801} for labels), one big-endian int32 per
 * dimension, then the unsigned bytes row-major. Every error names the file and the problem.
 *
 * <p>The data must be exactly what the header declares: a body shorter or longer than the
 * product of the dimensions, or bytes after the gzip data (the JDK's {@link GZIPInputStream}
 * skips those silently), are errors. The declared size is not trusted for allocation: the body is
 * read in growing chunks, so a small file that declares gigabytes fails as truncated after
 * reading what it holds, not with an {@link OutOfMemoryError}.
 */
public final class Idx {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The longest array the JVM allocates (HotSpot's limit, a few below Integer.MAX_VALUE). */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** The first chunk of the body; each later one doubles what has arrived, up to the declared size. */
    private static final int FIRST_CHUNK = 1 << 16;

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
     * is read to its end (it must hold the gzip data and nothing after it) and not closed.
     *
     * @param gzipped the gzip-compressed IDX3 bytes
     * @param name    the source's name, used in messages
     * @return the images, pixels in {@code [0, 1]}
     * @throws IOException if reading fails or the data is not a valid IDX3 image file
     */
    public static IdxImages readImages(InputStream gzipped, String name) throws IOException {
        return read(gzipped, name, (data, n) -> {
            int[] dims = header(data, name, IMAGES_MAGIC, 3);
            byte[] raw = body(data, name, size(dims, name));
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
     * is read to its end (it must hold the gzip data and nothing after it) and not closed.
     *
     * @param gzipped the gzip-compressed IDX1 bytes
     * @param name    the source's name, used in messages
     * @return one label per item, each in {@code [0, 255]}
     * @throws IOException if reading fails or the data is not a valid IDX1 label file
     */
    public static int[] readLabels(InputStream gzipped, String name) throws IOException {
        return read(gzipped, name, (data, n) -> {
            int[] dims = header(data, name, LABELS_MAGIC, 1);
            byte[] raw = body(data, name, size(dims, name));
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
            StrictGzip gz = new StrictGzip(new BufferedInputStream(gzipped));
            DataInputStream data = new DataInputStream(gz);
            T result = body.read(data, name);
            if (data.read() != -1) {
                throw new IOException(name + ": trailing bytes after the IDX data");
            }
            if (gz.bytesAfterLastMember()) {
                throw new IOException(name + ": trailing bytes after the gzip data (not another gzip member)");
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

    /** The product of the dimensions, refused when no Java array holds that many bytes. */
    private static int size(int[] dims, String name) throws IOException {
        long size = 1;
        try {
            for (int d : dims) {
                size = Math.multiplyExact(size, (long) d);
            }
        } catch (ArithmeticException e) {
            size = Long.MAX_VALUE;
        }
        if (size > MAX_ARRAY_LENGTH) {
            throw new IOException(name + ": IDX dimensions " + Arrays.toString(dims) + " declare "
                    + (size == Long.MAX_VALUE ? "more than 2^63 - 1" : String.valueOf(size))
                    + " bytes, more than a Java array holds (" + MAX_ARRAY_LENGTH + ")");
        }
        return (int) size;
    }

    /**
     * The {@code size} bytes of the body, read in chunks that at most double what has arrived, so
     * that the allocation follows the data rather than the header's claim.
     */
    private static byte[] body(DataInputStream data, String name, int size) throws IOException {
        byte[] raw = new byte[Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (filled < size) {
            if (filled == raw.length) {
                raw = Arrays.copyOf(raw, (int) Math.min(size, 2L * raw.length));
            }
            int n = data.read(raw, filled, raw.length - filled);
            if (n < 0) {
                throw new IOException(name + ": truncated IDX file (" + filled + " of the " + size
                        + " data bytes its header declares)");
            }
            filled += n;
        }
        return raw;
    }

    /**
     * A {@link GZIPInputStream} that tells whether bytes followed its last member. The JDK's stream
     * tries to read another member header after each member's trailer and, when the bytes there
     * are not one, ends as if they were absent. At the end of a clean stream, what was consumed
     * after the last member's compressed data is its 8-byte trailer and nothing else: the bytes
     * still in the inflater's input buffer, plus those read from the input since the buffer was
     * last filled (the trailer, or its end, when it straddled a refill). Anything more was skipped.
     */
    private static final class StrictGzip extends GZIPInputStream {
        /** The gzip trailer: CRC-32 and length of the member's data. */
        private static final int TRAILER = 8;
        private final Counting input;
        /** Bytes read from the input when the inflater's buffer was last filled. */
        private long readAtLastFill;

        StrictGzip(InputStream in) throws IOException {
            this(new Counting(in));
        }

        private StrictGzip(Counting in) throws IOException {
            super(in);
            this.input = in;
        }

        @Override
        protected void fill() throws IOException {
            super.fill();
            readAtLastFill = input.count;
        }

        /** Whether the stream has ended and consumed more than the last member's trailer. */
        boolean bytesAfterLastMember() {
            return eos && inf.getRemaining() + (input.count - readAtLastFill) > TRAILER;
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
