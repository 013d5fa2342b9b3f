package io.selvedge.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.stream.Stream;

/**
 * A store of opaque byte objects under string keys: a local folder or an S3-compatible bucket. It
 * never interprets the bytes; callers store ciphertext (the crypto module wraps a store in streaming
 * encryption), so no provider ever needs to see plaintext.
 *
 * <p>The contract every provider keeps, and the contract test checks:
 *
 * <ul>
 *   <li><b>Keys</b> are {@code /}-separated segments of {@code [A-Za-z0-9_-][A-Za-z0-9._-]*}, at most 1024
 *       characters: no {@code .} or {@code ..}, no absolute path, no backslash, no control character.
 *       Any other key is refused with {@link InvalidBlobKeyException} before the backend is touched. A key
 *       must not also be the folder of another key ({@code a} and {@code a/b}).
 *   <li><b>Never null</b>: no method returns null; a missing blob is {@link NoSuchBlobException}.
 *   <li><b>Atomic writes</b>: bytes written to a {@link BlobUpload} become visible only when
 *       {@link BlobUpload#commit()} returns, all at once, replacing any blob of that key; until then
 *       readers see the old blob or none. An upload that is aborted, fails, or is abandoned by a crash
 *       leaves no visible object, whole or partial.
 *   <li><b>Bounded memory</b>: whatever the size of a blob, a provider holds at most a fixed buffer per
 *       open upload or read (S3: one part), never the object.
 *   <li><b>What must be closed</b>: every {@link InputStream}, {@link SeekableByteChannel} and
 *       {@link Stream} returned, and every {@link BlobUpload} must end in {@code commit()} or
 *       {@code abort()} (use {@link #write} where you can).
 *   <li><b>Failures</b> of the backend are {@link IOException}s (unchecked {@link java.io.UncheckedIOException}
 *       while iterating a listing); their messages name the key and store, never a credential.
 * </ul>
 */
public interface BlobStore {

    /** Starts writing the blob {@code key}; nothing is visible until the upload is committed. */
    BlobUpload create(String key) throws IOException;

    /** The blob's bytes from the start. */
    InputStream open(String key) throws IOException;

    /** The blob's bytes for random access (HTTP Range, seeking decryption); read-only. */
    SeekableByteChannel openChannel(String key) throws IOException;

    /** The blob's size in bytes. */
    long size(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Deletes the blob; true if there was one. */
    boolean delete(String key) throws IOException;

    /**
     * The keys that start with {@code prefix}, in no promised order, lazily; close the stream. Uploads in
     * progress are never listed.
     */
    Stream<String> list(String prefix) throws IOException;

    /** Proves the store takes writes now (health): writes and deletes a probe outside the key space. */
    void checkWritable() throws IOException;

    /** Where the store is, for reports and health: a folder, or {@code s3://bucket} and its endpoint. */
    String location();

    /**
     * Writes a blob in one go: runs {@code writer}, then commits; aborts if anything fails on the way, so
     * a failed write leaves nothing behind. The writer may close the stream it is given.
     */
    default void write(String key, Writer writer) throws IOException {
        BlobUpload upload = create(key);
        try {
            writer.writeTo(upload);
            upload.commit();
        } finally {
            upload.abort(); // nothing to do once committed
        }
    }

    /** Writes the bytes of one blob. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
