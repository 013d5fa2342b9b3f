package io.selvedge.crypto.internal;

import io.selvedge.crypto.TamperedStreamException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.function.BooleanSupplier;

/**
 * Wrappers that tell a failure of authentication from a failure of the storage underneath. Tink's
 * decrypting streams throw an {@link IOException} for both; the source wrappers note whether the
 * ciphertext's own stream failed, and any other failure of a read is tampering: it raises the alarm
 * (once) and becomes a {@link TamperedStreamException}.
 */
final class TamperEvidentStreams {

    private TamperEvidentStreams() {}

    /**
     * Tells a failure of the ciphertext's own source (passed on as it is: a storage error is not
     * tampering) from a failed authentication, which raises the alarm once and becomes a
     * {@link TamperedStreamException}.
     */
    static final class Verdict {

        private final BooleanSupplier sourceFailed;
        private final Runnable alarm;
        private boolean raised;

        Verdict(BooleanSupplier sourceFailed, Runnable alarm) {
            this.sourceFailed = sourceFailed;
            this.alarm = alarm;
        }

        synchronized IOException on(IOException e) {
            if (sourceFailed.getAsBoolean() || e instanceof TamperedStreamException) {
                return e;
            }
            if (!raised) {
                raised = true;
                alarm.run();
            }
            return new TamperedStreamException("The stored file failed authentication", e);
        }
    }

    /** The ciphertext stream, noting whether it failed by itself. */
    static final class Source extends FilterInputStream {

        private boolean failed;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        boolean failed() {
            return failed;
        }
    }

    /** The plaintext stream handed to the caller. */
    static final class Plaintext extends FilterInputStream {

        private final Verdict verdict;

        Plaintext(InputStream plaintext, Source source, Runnable alarm) {
            super(plaintext);
            this.verdict = new Verdict(source::failed, alarm);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw verdict.on(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw verdict.on(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw verdict.on(e);
            }
        }
    }

    /** A read-only channel over another: every call but {@code read} goes straight through. */
    abstract static class ReadOnlyChannel implements SeekableByteChannel {

        final SeekableByteChannel delegate;

        ReadOnlyChannel(SeekableByteChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int write(ByteBuffer source) {
            throw new NonWritableChannelException();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    /** The ciphertext channel, noting whether it failed by itself. */
    static final class SourceChannel extends ReadOnlyChannel {

        private volatile boolean failed;

        SourceChannel(SeekableByteChannel channel) {
            super(channel);
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            try {
                return delegate.read(destination);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        boolean failed() {
            return failed;
        }
    }

    /** The plaintext channel handed to the caller. */
    static final class PlaintextChannel extends ReadOnlyChannel {

        private final Verdict verdict;
        private boolean readOnce;

        PlaintextChannel(SeekableByteChannel plaintext, SourceChannel source, Runnable alarm) {
            super(plaintext);
            this.verdict = new Verdict(source::failed, alarm);
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            try {
                readOnce = true;
                return delegate.read(destination);
            } catch (IOException e) {
                throw verdict.on(e);
            }
        }

        @Override
        public long size() throws IOException {
            try {
                if (!readOnce) {
                    // Tink finds the file's key on the first read; before it, the size is unknown.
                    long position = delegate.position();
                    delegate.position(0);
                    read(ByteBuffer.allocate(1));
                    delegate.position(position);
                }
                return delegate.size();
            } catch (IOException e) {
                throw verdict.on(e);
            }
        }
    }
}
