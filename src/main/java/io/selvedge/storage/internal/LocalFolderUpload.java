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

/** Writes to a hidden temporary file, flushed to disk and renamed over the target on commit. */
final class LocalFolderUpload extends BlobUpload {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean closed;
    private boolean committed;
    private boolean aborted;

    LocalFolderUpload(Path target, Path temporary) throws IOException {
        this.target = target;
        this.temporary = temporary;
        this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
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
        try {
            closed = true;
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
