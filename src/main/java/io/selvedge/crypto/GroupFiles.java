package io.selvedge.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.UUID;

/**
 * A group's files, encrypted as they stream in and decrypted as they stream out, in the blob store of
 * the group's region. No plaintext byte reaches a disk; a file becomes visible only once all of it is
 * stored; a changed byte makes the read fail ({@link TamperedStreamException}), never deliver.
 */
public interface GroupFiles {

    /**
     * Stores {@code content} as the file {@code fileId} of the group, replacing nothing: a file id is
     * written once. Memory stays bounded whatever the size.
     *
     * @return the plaintext's size and SHA-256, computed on the way
     * @throws IOException if the content could not be read or stored; then nothing is visible
     */
    StoredFile write(UUID groupId, String fileId, InputStream content) throws IOException;

    /** The plaintext of a stored file, from its first byte. The caller closes it. */
    InputStream open(UUID groupId, String fileId) throws IOException;

    /** The plaintext as a read-only channel that can seek (for ranges). The caller closes it. */
    SeekableByteChannel openChannel(UUID groupId, String fileId) throws IOException;

    /** Deletes a stored file; true if it existed. */
    boolean delete(UUID groupId, String fileId) throws IOException;

    /** The ids of the group's stored files that start with {@code prefix}, in no promised order. */
    List<String> list(UUID groupId, String prefix) throws IOException;

    /** What {@link #write} stored. */
    record StoredFile(String fileId, long size, String sha256) {}
}
