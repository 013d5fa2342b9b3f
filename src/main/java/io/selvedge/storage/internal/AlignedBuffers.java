package io.selvedge.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The buffers of direct I/O ({@link DirectFileOutput}, {@link DirectReadChannel}): at most {@value #COUNT} of
 * {@value #SIZE} bytes, off the heap, each starting at a multiple of the largest block size accepted, so that
 * the memory they take is bounded however many transfers run. A transfer that finds none free goes through the
 * page cache instead.
 */
final class AlignedBuffers {

    static final int SIZE = 1024 * 1024;
    static final int COUNT = 32;
    /**
     * Every buffer starts at a multiple of this, and direct I/O reads and writes whole multiples of it at
     * multiples of it in the file: a whole number of blocks on any file system whose block is at most this.
     */
    static final int ALIGNMENT = 64 * 1024;

    private static final BlockingQueue<ByteBuffer> FREE = new ArrayBlockingQueue<>(COUNT);
    private static final AtomicInteger ALLOCATED = new AtomicInteger();

    private AlignedBuffers() {}

    /**
     * Whether direct I/O in {@link #ALIGNMENT}s fits the file system of this folder: its block is a power of two
     * no larger. (Whether it takes direct I/O at all is known only when a file is opened.) Asked once per
     * store: finding a path's file system reads the mount table.
     */
    static boolean fit(Path folder) {
        try {
            long blockSize = Files.getFileStore(folder).getBlockSize();
            return blockSize > 0 && blockSize <= ALIGNMENT && Long.bitCount(blockSize) == 1;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A free buffer, cleared; null if all {@value #COUNT} are in use. */
    static @Nullable ByteBuffer take() {
        ByteBuffer free = FREE.poll();
        while (free == null) {
            int allocated = ALLOCATED.get();
            if (allocated >= COUNT) {
                return null;
            }
            if (ALLOCATED.compareAndSet(allocated, allocated + 1)) {
                free = ByteBuffer.allocateDirect(SIZE + ALIGNMENT)
                        .alignedSlice(ALIGNMENT)
                        .slice(0, SIZE);
            }
        }
        return free.clear();
    }

    static void giveBack(ByteBuffer buffer) {
        FREE.offer(buffer.clear());
    }
}
