package io.selvedge.content;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A version of a style: one stored file, decrypted metadata.
 *
 * @param filename the original file name, made safe (no path, no control characters, at most 255)
 * @param contentType the media type served, chosen from the extension (never the client's guess)
 * @param sha256 the plaintext's SHA-256, lower-case hex, computed as it streamed in
 * @param thumbnailType the thumbnail's media type, or null without one
 */
public record Version(
        UUID id,
        UUID groupId,
        UUID styleId,
        int number,
        String filename,
        String contentType,
        long size,
        String sha256,
        @Nullable String thumbnailType,
        UUID createdBy,
        Instant createdAt) {

    /** Whether the web viewer can show it in 3D (.glb, .gltf, .obj). */
    public boolean previewable() {
        return MediaTypes.previewable(filename);
    }
}
