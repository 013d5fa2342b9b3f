package io.selvedge.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Random access to one object: reads from an open-ended ranged GET at the current position, kept open
 * while reading goes on in order; a seek drops it and the next read starts a new one there. Each GET is
 * pinned to the ETag seen when the channel opened, so an object replaced meanwhile fails the read
 * instead of mixing two versions.
 */
final class S3ReadChannel implements SeekableByteChannel {

    private static final int CHUNK = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long size;
    private final String etag;
    private long position;
    private ResponseInputStream<?> body;
    private boolean open = true;

    S3ReadChannel(S3Client s3, String bucket, String key, long size, String etag) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.size = size;
        this.etag = etag;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        if (!destination.hasRemaining()) {
            return 0;
        }
        InputStream in = body();
        int n;
        if (destination.hasArray()) {
            n = in.read(destination.array(), destination.arrayOffset() + destination.position(), (int)
                    Math.min(destination.remaining(), size - position));
            if (n > 0) {
                destination.position(destination.position() + n);
            }
        } else {
            byte[] chunk = new byte[(int) Math.min(Math.min(destination.remaining(), CHUNK), size - position)];
            n = in.read(chunk);
            if (n > 0) {
                destination.put(chunk, 0, n);
            }
        }
        if (n < 0) {
            throw new IOException("The object " + key + " in bucket " + bucket + " ended before its size");
        }
        position += n;
        return n;
    }

    private InputStream body() throws IOException {
        if (body == null) {
            long from = position;
            try {
                body = s3.getObject(
                        get -> get.bucket(bucket).key(key).ifMatch(etag).range("bytes=" + from + "-" + (size - 1)));
            } catch (SdkException e) {
                throw new IOException("Cannot read " + key + " in bucket " + bucket + " from byte " + from, e);
            }
        }
        return body;
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (newPosition != position) {
            dropBody();
            position = newPosition;
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        dropBody();
    }

    private void dropBody() {
        if (body != null) {
            body.abort(); // never drain the rest of a large object
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection was aborted already
            }
            body = null;
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
