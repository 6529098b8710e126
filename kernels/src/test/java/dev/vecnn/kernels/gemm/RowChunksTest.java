package dev.vecnn.kernels.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link GemmShapes#rowChunks}: how {@code DriverF32.panelsInRowChunks} cuts C's row tiles. Its
 * chunk {@code c} holds tiles {@code [tiles c / chunks, tiles (c + 1) / chunks)}; every chunk
 * must hold at least one tile and at most an MC block of them, and the count must be a multiple
 * of the thread count whenever the tiles allow it (so equal threads get equal ranges).
 */
class RowChunksTest {
    private static final GemmTuning FLOAT = GemmTuning.forLanes(16, Float.BYTES);
    private static final GemmTuning DOUBLE = GemmTuning.forLanes(8, Double.BYTES);

    @Test
    void chunksHoldOneToAnMcBlockOfTiles() {
        for (GemmTuning t : new GemmTuning[] {FLOAT, DOUBLE}) {
            int tilesPerMc = t.mc() / t.mr();
            for (int threads = 2; threads <= 8; threads++) {
                for (int tiles = 1; tiles <= 700; tiles++) {
                    int chunks = GemmShapes.rowChunks(tiles, threads, t);
                    String at = tiles + " tiles, " + threads + " threads: " + chunks + " chunks";
                    assertTrue(chunks >= 1 && chunks <= tiles, at);
                    int smallest = Integer.MAX_VALUE;
                    int largest = 0;
                    for (int c = 0; c < chunks; c++) {
                        int size = (int) ((long) tiles * (c + 1) / chunks) - (int) ((long) tiles * c / chunks);
                        smallest = Math.min(smallest, size);
                        largest = Math.max(largest, size);
                    }
                    assertTrue(smallest >= 1, at + ", an empty chunk");
                    assertTrue(largest <= tilesPerMc, at + ", a chunk of " + largest + " tiles");
                    if (tiles >= threads * GemmTuning.ROW_CHUNKS_PER_THREAD) {
                        assertEquals(0, chunks % threads, at + ", not a multiple of the threads");
                        assertTrue(chunks >= threads * GemmTuning.ROW_CHUNKS_PER_THREAD, at);
                    }
                }
            }
        }
    }

    @Test
    void a1024RowProductOnTwoThreadsTakesTheChunksPerThreadTheTilesAllow() {
        // 1024 rows: 86 tiles of 12 rows (the last of 4).
        int chunks = GemmShapes.rowChunks(86, 2, FLOAT);
        assertEquals(Math.min(86, 2 * GemmTuning.ROW_CHUNKS_PER_THREAD), chunks);
    }
}
