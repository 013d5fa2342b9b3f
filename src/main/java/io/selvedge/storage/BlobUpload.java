package io.selvedge.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of one blob on their way in. Write them, then {@link #commit()} to publish the blob
 * atomically, or {@link #abort()} to drop them. {@link #close()} only ends writing and publishes
 * nothing, so the upload can sit under an encrypting stream that closes it when it finishes: commit
 * after that. Not thread-safe.
 *
 * <pre>{@code
 * BlobUpload upload = blobs.create(key);
 * try {
 *     try (OutputStream out = encryptingStream(upload)) { source.transferTo(out); }
 *     upload.commit();
 * } finally {
 *     upload.abort(); // no-op after commit
 * }
 * }</pre>
 */
public abstract class BlobUpload extends OutputStream {

    /**
     * Publishes the blob: all written bytes become visible at once under the key. After a failure
     * nothing is visible and the upload is aborted.
     *
     * @throws IOException if the blob could not be published; nothing was
     */
    public abstract void commit() throws IOException;

    /** Drops everything written; idempotent, never throws, and does nothing after a commit. */
    public abstract void abort();

    /** Ends writing without publishing; {@link #commit()} or {@link #abort()} must still follow. */
    @Override
    public abstract void close() throws IOException;
}
