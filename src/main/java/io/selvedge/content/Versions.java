package io.selvedge.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The versions of styles. A version's bytes stream through the group's file encryption straight into
 * its region's blob store: memory stays bounded whatever the size, no plaintext touches a disk, and the
 * version exists only once every byte is stored (an interrupted upload leaves nothing visible).
 * Permissions are the caller's to check; these check existence, limits and quota.
 */
public interface Versions {

    /**
     * Stores a new version of a live style, numbered after the last.
     *
     * @param declaredLength the body's declared length, or -1 if unknown (checked against the limits
     *     before a byte is read; the limits hold for what is read too)
     * @throws ContentTooLargeException past the per-file limit or the group's quota; nothing is kept
     * @throws IOException if the body could not be read or stored; nothing is kept
     */
    Version upload(
            UUID styleId,
            @Nullable String filename,
            @Nullable String contentType,
            long declaredLength,
            InputStream body,
            UUID actor)
            throws IOException;

    /** The versions of a live style, newest first. */
    List<Version> list(UUID styleId);

    Version get(UUID versionId);

    /**
     * The version's content, for a download of {@code range} (null: the whole file); publishes
     * {@link VersionDownloaded} with the bytes the download sends.
     */
    VersionContent download(UUID versionId, UUID actor, FileResponses.@Nullable Span range) throws IOException;

    /**
     * The version's 3D model, for the viewer; publishes {@link VersionPreviewed}.
     *
     * @throws NoSuchContentException if it is not a .glb, .gltf or .obj file
     */
    VersionContent preview(UUID versionId, UUID actor) throws IOException;

    /**
     * Sets a version's thumbnail: a PNG, JPEG, GIF or WebP image (checked by its first bytes) up to the
     * configured size; replaces the one before.
     *
     * @return the image's media type
     * @throws InvalidContentException if it is not one of those images
     */
    String setThumbnail(UUID versionId, InputStream image, long declaredLength, UUID actor) throws IOException;

    /**
     * The version's thumbnail.
     *
     * @throws NoSuchContentException without one
     */
    Thumbnail thumbnail(UUID versionId, UUID actor) throws IOException;

    /** A thumbnail's bytes (small: read whole) and media type. */
    record Thumbnail(byte[] bytes, String contentType) {}
}
