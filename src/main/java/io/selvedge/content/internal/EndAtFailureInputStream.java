package io.selvedge.content.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a request body where the connection dropped instead of failing: a resumable upload keeps what
 * arrived (TLS authenticated every byte of it) and the client resumes from there.
 */
final class EndAtFailureInputStream extends FilterInputStream {

    private boolean ended;

    EndAtFailureInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (ended) {
            return -1;
        }
        try {
            return super.read();
        } catch (IOException e) {
            ended = true;
            return -1;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            ended = true;
            return -1;
        }
    }
}
