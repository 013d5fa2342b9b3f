package io.selvedge.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Random access to one object: reads from an open-ended ranged GET at the current position, kept open
 * while reading goes on in order; a seek drops it and the next read starts a new one there. Each GET is
 * pinned to the ETag seen when the channel opened, so an object replaced meanwhile fails the read
 * instead of mixing two versions.
 */
final class S3ReadChannel extends ReadOnlyBlobChannel {

    private static final int CHUNK = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String etag;
    private ResponseInputStream<?> body;

    S3ReadChannel(S3Client s3, String bucket, String key, long size, String etag) {
        super(size);
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.etag = etag;
    }

    @Override
    int readSome(ByteBuffer destination) throws IOException {
        InputStream in = body();
        int n;
        if (destination.hasArray()) {
            n = in.read(destination.array(), destination.arrayOffset() + destination.position(), (int)
                    Math.min(destination.remaining(), left()));
            if (n > 0) {
                destination.position(destination.position() + n);
            }
        } else {
            byte[] chunk = new byte[(int) Math.min(Math.min(destination.remaining(), CHUNK), left())];
            n = in.read(chunk);
            if (n > 0) {
                destination.put(chunk, 0, n);
            }
        }
        if (n < 0) {
            throw new IOException("The object " + key + " in bucket " + bucket + " ended before its size");
        }
        advance(n);
        return n;
    }

    private InputStream body() throws IOException {
        if (body == null) {
            long from = at();
            try {
                body = s3.getObject(get ->
                        get.bucket(bucket).key(key).ifMatch(etag).range("bytes=" + from + "-" + (from + left() - 1)));
            } catch (SdkException e) {
                throw new IOException("Cannot read " + key + " in bucket " + bucket + " from byte " + from, e);
            }
        }
        return body;
    }

    @Override
    void moved() {
        dropBody();
    }

    @Override
    void closed() {
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
}
