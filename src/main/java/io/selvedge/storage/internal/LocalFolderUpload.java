package io.selvedge.storage.internal;

import io.selvedge.storage.BlobUpload;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Writes to a hidden temporary file, flushed to disk and renamed over the target on commit: with direct I/O
 * where the file system allows it ({@link DirectFileOutput}), else through the page cache.
 */
final class LocalFolderUpload extends BlobUpload {

    private final Path target;
    private final Path temporary;
    private final @Nullable DirectFileOutput direct;
    private final @Nullable FileChannel channel;
    private final OutputStream out;
    private boolean closed;
    private boolean committed;
    private boolean aborted;

    /** {@code tryDirect}: whether to try direct I/O, in a folder {@link AlignedBuffers#fit} accepts. */
    LocalFolderUpload(Path target, Path temporary, boolean tryDirect) throws IOException {
        this.target = target;
        this.temporary = temporary;
        this.direct = tryDirect ? DirectFileOutput.open(temporary) : null;
        if (direct != null) {
            this.channel = null;
            this.out = direct;
        } else {
            FileChannel buffered = FileChannel.open(temporary, StandardOpenOption.WRITE);
            this.channel = buffered;
            this.out = new BufferedOutputStream(Channels.newOutputStream(buffered), 64 * 1024);
        }
    }

    /** Whether this upload goes around the page cache. */
    boolean writesDirectly() {
        return direct != null;
    }

    @Override
    public void write(int b) throws IOException {
        writable();
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        writable();
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (channel == null) {
                out.close(); // the direct output forces the file itself
                return;
            }
            try {
                out.flush();
                channel.force(true);
            } finally {
                out.close();
            }
        }
    }

    @Override
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        if (aborted) {
            throw new IOException("The upload of " + target.getFileName() + " was aborted");
        }
        try {
            close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
        } finally {
            if (!committed) {
                abort();
            }
        }
        syncFolder();
    }

    @Override
    public void abort() {
        if (committed || aborted) {
            return;
        }
        aborted = true;
        closed = true;
        if (direct != null) {
            direct.release();
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted next; nothing written to it matters any more
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a left-over temporary file is never served and is deleted at the next start
        }
    }

    private void writable() throws IOException {
        if (closed || aborted || committed) {
            throw new IOException("The upload of " + target.getFileName() + " is closed");
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, which is fine. */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException ignored) {
            // best effort: the data itself was forced before the rename
        }
    }
}
