package io.selvedge.storage.internal;

import static io.selvedge.storage.internal.AlignedBuffers.ALIGNMENT;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * A stored file read with {@code O_DIRECT}, a block of {@value AlignedBuffers#SIZE} bytes at a time into a
 * pooled aligned buffer, at any position the reader asks for. Blobs are written around the page cache
 * ({@link DirectFileOutput}), so a read through it would find nothing there and fill it page by page (570 MB/s
 * here, against 2.4 GB/s read directly); a blob of gigabytes is seldom read twice soon enough to gain from the
 * cache anyway. {@link #open} answers null where direct I/O cannot be used, and the caller reads through the
 * page cache.
 */
final class DirectReadChannel extends ReadOnlyBlobChannel {

    private final FileChannel file;
    private final ByteBuffer block;
    /** Where the block's bytes start in the file; its limit is how many it holds. */
    private long blockStart;

    private DirectReadChannel(FileChannel file, ByteBuffer block) throws IOException {
        super(file.size());
        this.file = file;
        this.block = block.limit(0);
    }

    /** The file opened for direct reads, or null; its folder must be one {@link AlignedBuffers#fit} accepts. */
    static @Nullable DirectReadChannel open(Path path) {
        ByteBuffer buffer = AlignedBuffers.take();
        if (buffer == null) {
            return null;
        }
        FileChannel file = null;
        try {
            file = FileChannel.open(
                    path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS, ExtendedOpenOption.DIRECT);
            return new DirectReadChannel(file, buffer);
        } catch (IOException | UnsupportedOperationException e) {
            AlignedBuffers.giveBack(buffer);
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // never read from
                }
            }
            return null;
        }
    }

    @Override
    int readSome(ByteBuffer destination) throws IOException {
        int copied = 0;
        while (destination.hasRemaining() && left() > 0) {
            long offset = at() - blockStart;
            if (offset < 0 || offset >= block.limit()) {
                fill();
                offset = at() - blockStart;
                if (offset >= block.limit()) {
                    break; // the file was cut shorter while being read
                }
            }
            int step = (int) Math.min(destination.remaining(), block.limit() - offset);
            destination.put(destination.position(), block, (int) offset, step);
            destination.position(destination.position() + step);
            advance(step);
            copied += step;
        }
        return copied == 0 ? -1 : copied;
    }

    /** The aligned block holding the position, read whole (or to the end of the file). */
    private void fill() throws IOException {
        blockStart = at() - at() % ALIGNMENT;
        block.clear();
        while (block.hasRemaining()) {
            if (file.read(block, blockStart + block.position()) < 0) {
                break;
            }
            if (block.position() % ALIGNMENT != 0) {
                break; // a short read ends only at the end of the file
            }
        }
        block.flip();
    }

    @Override
    void closed() throws IOException {
        AlignedBuffers.giveBack(block);
        file.close();
    }
}
