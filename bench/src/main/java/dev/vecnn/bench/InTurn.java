package dev.vecnn.bench;

/**
 * Contenders timed in turn inside one JVM, so that their ratio is taken in the same moments of
 * this shared machine: per operation each contender, in an order that rotates from one
 * operation to the next (so that none always finds the caches as another left them), makes one
 * untimed call and then a timed block of calls sized to last about {@code blockNanos}.
 */
final class InTurn {
    /** One contender's call; what it returns is kept so that the JIT cannot drop the work. */
    interface Contender {
        float call();
    }

    private final Contender[] contenders;
    private final long blockNanos;
    private final int[] perBlock;
    private final long[] calls;
    private final long[] nanos;
    private int rotation;
    private float sink;

    InTurn(long blockNanos, Contender... contenders) {
        this.contenders = contenders.clone();
        this.blockNanos = blockNanos;
        perBlock = new int[contenders.length];
        java.util.Arrays.fill(perBlock, 1);
        calls = new long[contenders.length];
        nanos = new long[contenders.length];
    }

    /** One operation: every contender's block, timed. */
    float run() {
        rotation = (rotation + 1) % contenders.length;
        for (int j = 0; j < contenders.length; j++) {
            int i = (rotation + j) % contenders.length;
            int n = perBlock[i];
            sink += contenders[i].call();
            long t0 = System.nanoTime();
            for (int c = 0; c < n; c++) {
                sink += contenders[i].call();
            }
            long ns = System.nanoTime() - t0;
            calls[i] = n;
            nanos[i] = ns;
            perBlock[i] = (int) Math.max(1, Math.min(1 << 20, blockNanos * n / Math.max(1, ns)));
        }
        return sink;
    }

    /** The last operation's number of timed calls per contender (overwritten by the next). */
    long[] calls() {
        return calls;
    }

    /** The last operation's time per contender in nanoseconds (overwritten by the next). */
    long[] nanos() {
        return nanos;
    }
}
