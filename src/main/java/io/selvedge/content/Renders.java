package io.selvedge.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Thumbnails and turntables of 3D versions, rendered by the browser of the first person who views the
 * version and sent back: one render per (version, colorway), the first that arrives wins (a newer file is a
 * newer version, with renders of its own). The images are re-encoded here and stored encrypted like every
 * file. An image uploaded as the version's thumbnail ({@link Versions#setThumbnail}) wins over a render.
 * Permissions are the caller's to check (viewing the version is enough to send or see a render).
 *
 * <p>Colorways: {@code colorwayId} null is the version's own look; a colorway named must be one of the
 * version's style ({@link NoSuchContentException} otherwise), and its renders go when it is deleted.
 */
public interface Renders {

    /** The most frames a turntable may have, and the fewest. */
    int MAX_FRAMES = 48;

    int MIN_FRAMES = 8;

    /** How many renders (colorways) one version may hold: a bound on what a viewer can make us store. */
    int MAX_PER_VERSION = 32;

    /**
     * Stores a render from a turntable image: {@code frames} frames side by side, left to right, the first
     * facing the model's front (it becomes the thumbnail), in PNG or JPEG (checked by the bytes), each frame
     * 64 to 512 pixels a side, the image at most the configured thumbnail size.
     *
     * @throws InvalidContentException if it is no PNG or JPEG image, or cannot be read
     * @throws UnusableImageException if its size does not hold the frames it says
     * @throws ContentTooLargeException past the size limit
     * @throws ContentRefusedException if the version has a render in that colorway already, or too many
     * @throws NoSuchContentException if the version is unknown, the viewer cannot show it in 3D, or the colorway
     *     is none of its style's
     */
    Render store(
            UUID versionId, @Nullable UUID colorwayId, int frames, InputStream image, long declaredLength, UUID actor)
            throws IOException;

    /** The version's renders, its own look first, then by colorway id. */
    List<Render> list(UUID versionId);

    /**
     * The renders of a version the caller has just read live (a workroom's cards): the same as {@link #list(UUID)},
     * without reading the version again.
     */
    List<Render> list(Version version);

    /**
     * The version's picture: the uploaded thumbnail if there is one, else the render in the colorway, else
     * the render of its own look. Publishes {@link VersionPreviewed}.
     *
     * @throws NoSuchContentException without any
     */
    Versions.Thumbnail picture(UUID versionId, @Nullable UUID colorwayId, UUID actor) throws IOException;

    /**
     * The turntable image of the render in the colorway (else of its own look). Publishes {@link VersionPreviewed}.
     *
     * @throws NoSuchContentException without one
     */
    Turntable turntable(UUID versionId, @Nullable UUID colorwayId, UUID actor) throws IOException;

    /**
     * Whether the viewer about to see the version (in the colorway) should render it: yes for a 3D version
     * without a render whose rendering nobody was asked for, or whose asked viewer has not delivered it in
     * time (see {@link #markUnrendered}). Answering yes notes the ask, so that the viewers who follow are not
     * all asked at once.
     */
    boolean ask(UUID versionId, @Nullable UUID colorwayId);

    /**
     * Marks the renders asked of a viewer longer ago than the configured wait and still not delivered, so
     * that the next viewer's page asks again; returns how many.
     */
    int markUnrendered();

    /** A turntable's image and the frames in it. */
    record Turntable(Render render, byte[] bytes, String contentType) {}
}
