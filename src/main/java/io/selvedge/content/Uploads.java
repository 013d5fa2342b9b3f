package io.selvedge.content;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Resumable uploads (the tus 1.0 protocol's state): each appended chunk is encrypted as it arrives and
 * stored as its own part, so the offset survives a dropped connection and a restart; when the last
 * byte is in, the parts become one version exactly like {@link Versions#upload}. Only the account that
 * created an upload sees it.
 */
public interface Uploads {

    /**
     * Starts an upload of {@code length} bytes into a live style, reserving its room in the group's quota
     * until it becomes a version, is ended or expires.
     *
     * @throws ContentTooLargeException past the per-file limit or the group's quota
     */
    Upload create(UUID styleId, long length, @Nullable String filename, @Nullable String contentType, UUID actor);

    /** An upload of the actor's that has not expired. */
    Upload get(UUID uploadId, UUID actor);

    /**
     * Appends a chunk at {@code offset}. Bytes read before the connection dropped are kept.
     *
     * @throws ContentRefusedException if {@code offset} is not the upload's current offset (409)
     * @throws ContentTooLargeException if the chunk would pass the declared length
     */
    Upload append(UUID uploadId, long offset, InputStream chunk, UUID actor) throws IOException;

    /** Ends an upload and drops its parts. */
    void terminate(UUID uploadId, UUID actor) throws IOException;

    /**
     * Drops the uploads past their expiry and their quota reservations, and deletes the encrypted parts
     * that no upload records (left by a crash); returns how many uploads and parts went.
     */
    int purgeExpired();

    /**
     * An upload's state.
     *
     * @param versionId the version it became, once complete; else null
     */
    record Upload(
            UUID id,
            UUID styleId,
            long length,
            long offset,
            Instant expiresAt,
            @Nullable UUID versionId) {

        public boolean complete() {
            return offset == length;
        }
    }
}
