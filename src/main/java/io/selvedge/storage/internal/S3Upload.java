package io.selvedge.storage.internal;

import io.selvedge.storage.BlobUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One object on its way into a bucket. Bytes fill a buffer of one part; a full buffer becomes a part
 * of a multipart upload, started with the first full part. Commit sends the last part and completes
 * the upload (or, for an object smaller than a part, sends it whole in one PUT); abort or any failure
 * aborts the multipart upload, so S3 never shows a partial object.
 */
final class S3Upload extends BlobUpload {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final byte[] buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private int buffered;
    private String uploadId;
    private boolean closed;
    private boolean committed;
    private boolean aborted;

    S3Upload(S3Client s3, String bucket, String key, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.buffer = new byte[partSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed || aborted || committed) {
            throw new IOException("The upload of " + key + " is closed");
        }
        while (length > 0) {
            int n = Math.min(length, buffer.length - buffered);
            System.arraycopy(bytes, offset, buffer, buffered, n);
            buffered += n;
            offset += n;
            length -= n;
            if (buffered == buffer.length) {
                sendPart();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        if (aborted) {
            throw new IOException("The upload of " + key + " was aborted");
        }
        closed = true;
        try {
            if (uploadId == null) {
                s3.putObject(put -> put.bucket(bucket).key(key), body());
            } else {
                if (buffered > 0) {
                    sendPart();
                }
                s3.completeMultipartUpload(complete -> complete.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(parts)));
            }
            committed = true;
        } catch (SdkException e) {
            abort();
            throw new IOException("Cannot store " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public void abort() {
        if (committed || aborted) {
            return;
        }
        aborted = true;
        closed = true;
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException ignored) {
                // never visible either way; the bucket's lifecycle rule removes what S3 still keeps
            }
        }
    }

    private void sendPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(
                                create -> create.bucket(bucket).key(key))
                        .uploadId();
            }
            int number = parts.size() + 1;
            String etag = s3.uploadPart(
                            part -> part.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(number),
                            body())
                    .eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            buffered = 0;
        } catch (SdkException e) {
            abort();
            throw new IOException("Cannot store " + key + " in bucket " + bucket, e);
        }
    }

    /** The buffered bytes, re-readable for retries and never copied. */
    private RequestBody body() {
        int length = buffered;
        return RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream");
    }
}
