package io.selvedge.content;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The colorways of live styles, their names and swatches encrypted under the group's keys. A colorway is
 * named within its style by its {@code id} and the style's: one of another style (or group) is not found.
 * Permissions on the style are the caller's to check. A glTF version that carries
 * {@code KHR_materials_variants} adds the colorways it names when it is stored (matched by name).
 */
public interface Colorways {

    /** The most colorways a style has. */
    int MAX_PER_STYLE = 100;

    /** A live style's colorways, oldest first. */
    List<Colorway> list(UUID styleId);

    /** @throws NoSuchContentException if the style has no such colorway */
    Colorway get(UUID styleId, UUID colorwayId);

    /**
     * Adds a colorway, in review.
     *
     * @param swatch {@code #rrggbb}
     * @param imageVersionId one of the style's versions that is an image, or null
     * @throws InvalidContentException for a bad name, swatch or image
     * @throws ContentRefusedException if the style has a colorway of that name, or already the most
     */
    Colorway create(UUID styleId, String name, String swatch, @Nullable UUID imageVersionId, UUID actor);

    /** Renames, recolours or changes the image of a colorway; a null field stays as it is. */
    Colorway change(UUID styleId, UUID colorwayId, ColorwayChange change, UUID actor);

    void delete(UUID styleId, UUID colorwayId, UUID actor);

    /**
     * Sets a colorway's approval status (who and when), inside the unit of work of the caller when one is
     * open: the collab module records the approval's history with it.
     */
    Colorway setStatus(UUID styleId, UUID colorwayId, StyleStatus status, UUID actor);

    /**
     * What to change of a colorway; null leaves a field as it is.
     *
     * @param clearImage true to remove the image ({@code imageVersionId} then null)
     */
    record ColorwayChange(
            @Nullable String name,
            @Nullable String swatch,
            @Nullable UUID imageVersionId,
            boolean clearImage) {

        public boolean isEmpty() {
            return name == null && swatch == null && imageVersionId == null && !clearImage;
        }
    }
}
