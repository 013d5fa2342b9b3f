package io.selvedge.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Encrypts files as they stream (AES256-GCM-HKDF, 1 MiB segments), so no plaintext ever touches a
 * disk. The {@code fileId} is authenticated with the content: a ciphertext read under another id
 * fails. Thread-safe.
 *
 * <p>Tamper evidence: a changed, reordered, swapped or truncated segment (at a segment boundary too)
 * makes the read throw {@link TamperedStreamException} and publishes {@link TamperDetected}; the
 * stream never delivers the bytes of a segment that failed.
 */
public interface FileCipher {

    /**
     * A stream that encrypts what is written to it into {@code ciphertextSink}. Closing it writes the
     * last segment and closes the sink; a ciphertext whose stream was not closed is incomplete and
     * will not decrypt.
     */
    OutputStream encrypting(OutputStream ciphertextSink, String fileId) throws IOException;

    /** A stream of the plaintext of {@code ciphertext}; closing it closes {@code ciphertext}. */
    InputStream decrypting(InputStream ciphertext, String fileId) throws IOException;

    /**
     * Random access to the plaintext of {@code ciphertext} (ranges, resumed downloads): read-only,
     * {@code size()} is the plaintext size; closing it closes {@code ciphertext}.
     */
    SeekableByteChannel decrypting(SeekableByteChannel ciphertext, String fileId) throws IOException;
}
