package io.selvedge.content.internal;

import io.selvedge.content.ContentTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link ContentTooLargeException} as soon as more than {@code limit} bytes are read. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String refusal;
    private long read;

    LimitedInputStream(InputStream in, long limit, String refusal) {
        super(in);
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("Skipping is not supported");
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new ContentTooLargeException(refusal);
        }
    }
}
