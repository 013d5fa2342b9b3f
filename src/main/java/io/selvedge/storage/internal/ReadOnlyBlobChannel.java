package io.selvedge.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import lombok.RequiredArgsConstructor;

/**
 * A stored blob of a known size read from any position: the bookkeeping every store's read channel shares
 * (position, size, open or closed, no writing, what a read past the end or into a full buffer answers). A
 * subclass reads at {@link #at()} and {@link #advance}s.
 */
@RequiredArgsConstructor
abstract class ReadOnlyBlobChannel implements SeekableByteChannel {

    private final long size;
    private long position;
    private boolean open = true;

    /**
     * Reads some of the {@link #left()} bytes (at least one) into {@code destination}, which has room, and
     * answers how many.
     */
    abstract int readSome(ByteBuffer destination) throws IOException;

    /** Lets go of what the subclass holds; called once, by the first {@link #close()}. */
    abstract void closed() throws IOException;

    /** A seek moved the position away from where reading would have gone on. */
    void moved() {}

    final long at() {
        return position;
    }

    final long left() {
        return size - position;
    }

    final void advance(long bytes) {
        position += bytes;
    }

    final void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public final int read(ByteBuffer destination) throws IOException {
        ensureOpen();
        if (left() <= 0) {
            return -1;
        }
        if (!destination.hasRemaining()) {
            return 0;
        }
        return readSome(destination);
    }

    @Override
    public final long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public final SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (newPosition != position) {
            position = newPosition;
            moved();
        }
        return this;
    }

    @Override
    public final long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public final int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public final SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    @Override
    public final void close() throws IOException {
        if (open) {
            open = false;
            closed();
        }
    }
}
