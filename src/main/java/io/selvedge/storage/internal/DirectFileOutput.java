package io.selvedge.storage.internal;

import static io.selvedge.storage.internal.AlignedBuffers.ALIGNMENT;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A new file written with {@code O_DIRECT}: whole aligned blocks go from a pooled buffer to the disk without
 * passing through the page cache. Written through the page cache, a blob of gigabytes costs the kernel a copy
 * into pages it must first find (on a virtual machine whose host takes freed memory back, about 3 s of CPU per
 * GiB, most of an upload's) and pushes out of the cache what other readers use; written directly it costs a
 * transfer from the buffer and nothing else. The last partial block is written padded to a whole
 * {@link AlignedBuffers#ALIGNMENT} and the file cut to its length, so the file holds exactly what was written,
 * and {@link #close()} makes that durable.
 *
 * <p>Where the file system refuses {@code O_DIRECT}, or all {@value AlignedBuffers#COUNT} buffers are in use,
 * {@link #open} answers null and the caller writes through the page cache. {@link #flush()} writes nothing: a
 * partial block waits for more bytes or for {@link #close()}.
 */
final class DirectFileOutput extends OutputStream {

    private final FileChannel channel;
    private @Nullable ByteBuffer buffer;

    private DirectFileOutput(FileChannel channel, ByteBuffer buffer) {
        this.channel = channel;
        this.buffer = buffer;
    }

    /**
     * The existing, empty {@code file} opened for direct writes, or null where that cannot be done. Its folder
     * must be one {@link AlignedBuffers#fit} accepts.
     */
    static @Nullable DirectFileOutput open(Path file) {
        ByteBuffer buffer = AlignedBuffers.take();
        if (buffer == null) {
            return null;
        }
        try {
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT);
            return new DirectFileOutput(channel, buffer);
        } catch (IOException | UnsupportedOperationException e) {
            AlignedBuffers.giveBack(buffer); // this file system has no direct I/O (EINVAL): the page cache it is
            return null;
        }
    }

    @Override
    public void write(int b) throws IOException {
        ByteBuffer pending = pending();
        pending.put((byte) b);
        if (!pending.hasRemaining()) {
            writeBuffer();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            ByteBuffer pending = pending();
            int step = Math.min(length, pending.remaining());
            pending.put(bytes, offset, step);
            offset += step;
            length -= step;
            if (!pending.hasRemaining()) {
                writeBuffer();
            }
        }
    }

    /**
     * Writes the last partial block, padded, cuts the file to its length and makes both durable
     * ({@code fsync}) before closing it.
     */
    @Override
    public void close() throws IOException {
        ByteBuffer pending = buffer;
        if (pending == null) {
            return;
        }
        try (channel) {
            int tail = pending.position();
            if (tail > 0) {
                int padded = (tail + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
                while (pending.position() < padded) {
                    pending.put((byte) 0);
                }
                writeBuffer();
                channel.truncate(channel.position() - (padded - tail));
            }
            channel.force(true);
        } finally {
            buffer = null;
            AlignedBuffers.giveBack(pending);
        }
    }

    /** Lets go of the buffer and the file without writing what is left; for an upload thrown away. */
    void release() {
        ByteBuffer pending = buffer;
        buffer = null;
        if (pending != null) {
            AlignedBuffers.giveBack(pending);
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted next
        }
    }

    private ByteBuffer pending() throws IOException {
        ByteBuffer pending = buffer;
        if (pending == null) {
            throw new IOException("The direct write is closed");
        }
        return pending;
    }

    private void writeBuffer() throws IOException {
        ByteBuffer pending = pending();
        pending.flip();
        while (pending.hasRemaining()) {
            channel.write(pending);
        }
        pending.clear();
    }
}
