package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import io.selvedge.storage.NoSuchBlobException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import lombok.RequiredArgsConstructor;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects in one bucket of an S3-compatible store. Uploads are multipart uploads, one part
 * buffered at a time, completed on commit and aborted otherwise, so an object appears whole or not at
 * all; a crash leaves only an incomplete multipart upload, which S3 never lists or serves (a bucket
 * lifecycle rule removes them). Random reads are ranged GETs.
 */
@RequiredArgsConstructor
final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final String HEALTH_PREFIX = ".selvedge-health/";

    private final S3Client s3;
    private final String bucket;
    private final URI endpoint;
    private final int partSize;

    @Override
    public BlobUpload create(String key) {
        return new S3Upload(s3, bucket, BlobKeys.validate(key), partSize);
    }

    @Override
    public InputStream open(String key) throws IOException {
        BlobKeys.validate(key);
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(get -> get.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
        return new AbortingInputStream(body);
    }

    @Override
    public SeekableByteChannel openChannel(String key) throws IOException {
        HeadObjectResponse head = head(key);
        return new S3ReadChannel(s3, bucket, key, head.contentLength(), head.eTag());
    }

    @Override
    public long size(String key) throws IOException {
        return head(key).contentLength();
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            head(key);
            return true;
        } catch (NoSuchBlobException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        if (!exists(key)) {
            return false;
        }
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public Stream<String> list(String prefix) {
        BlobKeys.validatePrefix(prefix);
        Iterator<S3Object> objects = s3.listObjectsV2Paginator(
                        list -> list.bucket(bucket).prefix(prefix))
                .contents()
                .iterator();
        Iterator<String> keys = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return objects.hasNext();
                } catch (SdkException e) {
                    throw new UncheckedIOException(failure("list", prefix, e));
                }
            }

            @Override
            public String next() {
                return objects.next().key();
            }
        };
        // Folder markers ("a/b/") that some tools and stores create are not blobs.
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED), false)
                .filter(BlobKeys::isKey);
    }

    @Override
    public void checkWritable() throws IOException {
        String probe = HEALTH_PREFIX + UUID.randomUUID();
        try {
            s3.headBucket(head -> head.bucket(bucket));
            s3.putObject(put -> put.bucket(bucket).key(probe), RequestBody.fromString("probe"));
            s3.deleteObject(delete -> delete.bucket(bucket).key(probe));
        } catch (SdkException e) {
            throw failure("write a probe to", probe, e);
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + " at " + endpoint;
    }

    @Override
    public void close() {
        s3.close();
    }

    private HeadObjectResponse head(String key) throws IOException {
        BlobKeys.validate(key);
        try {
            return s3.headObject(head -> head.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    private IOException failure(String action, String key, SdkException e) {
        if (e instanceof NoSuchKeyException || (e instanceof S3Exception s3e && s3e.statusCode() == 404)) {
            NoSuchBlobException missing = new NoSuchBlobException(key, location());
            missing.initCause(e);
            return missing;
        }
        return new IOException("Cannot " + action + " " + key + " in " + location(), e);
    }

    /**
     * Closing before the end aborts the connection instead of draining what is left: a client that
     * stops reading a multi-gigabyte object must not make the server read the rest.
     */
    private static final class AbortingInputStream extends FilterInputStream {

        private final ResponseInputStream<?> body;
        private boolean ended;

        AbortingInputStream(ResponseInputStream<?> body) {
            super(body);
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                body.abort();
            }
            super.close();
        }
    }
}
