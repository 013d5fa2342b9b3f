package io.selvedge.platform.internal.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The chunks of one transfer, passed between its two threads: filled ones from the producer to the
 * consumer, emptied ones back. A fixed number of chunks bounds the memory; either side can stop the
 * other by passing it a marker instead of a chunk.
 */
final class ChunkHandoff {

    static final int CHUNK_BYTES = 256 * 1024; // under G1's humongous size at a 1 MiB region (small heaps)
    static final int CHUNKS = 4;

    /** A piece of the file; {@link #length} bytes of {@link #bytes} are in use. */
    static final class Chunk {
        final byte[] bytes;
        int length;

        Chunk(int size) {
            bytes = new byte[size];
        }
    }

    /** The other side stopped before the transfer was complete; its own exception says why. */
    static final class OtherSideStopped extends IOException {
        private static final long serialVersionUID = 1L;

        OtherSideStopped() {
            super("The other side of the transfer stopped", null);
        }
    }

    private static final Chunk END = new Chunk(0);
    private static final Chunk STOP = new Chunk(0);

    private final BlockingQueue<Chunk> empty = new LinkedBlockingQueue<>();
    private final BlockingQueue<Chunk> filled = new LinkedBlockingQueue<>();

    ChunkHandoff() {
        for (int i = 0; i < CHUNKS; i++) {
            empty.add(new Chunk(CHUNK_BYTES));
        }
    }

    /** For the producer: a chunk to fill, waiting for one to come back if need be. */
    Chunk nextEmpty() throws IOException {
        return unlessStopped(take(empty));
    }

    /** For the producer: hands a filled chunk over. */
    void pass(Chunk chunk) {
        filled.add(chunk);
    }

    /** For the producer: there is nothing more. */
    void end() {
        filled.add(END);
    }

    /** For the consumer: the next filled chunk, or null at the end. */
    Chunk nextFilled() throws IOException {
        Chunk chunk = take(filled);
        return chunk == END ? null : unlessStopped(chunk);
    }

    /** For the consumer: gives a written chunk back to be filled again. */
    void recycle(Chunk chunk) {
        empty.add(chunk);
    }

    /** Either side: stops the other, which is or will be waiting for a chunk. */
    void stop() {
        empty.add(STOP);
        filled.add(STOP);
    }

    private static Chunk unlessStopped(Chunk chunk) throws OtherSideStopped {
        if (chunk == STOP) {
            throw new OtherSideStopped();
        }
        return chunk;
    }

    private static Chunk take(BlockingQueue<Chunk> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the other side of a transfer");
        }
    }
}
