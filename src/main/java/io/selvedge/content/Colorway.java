package io.selvedge.content;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A colorway of a style, decrypted: the unit a collection is reviewed in, with its own approval status.
 *
 * @param swatch the swatch colour, {@code #rrggbb} in lower case
 * @param imageVersionId one of the style's versions (an image) that shows the colorway, or null
 * @param statusBy who set the status last; null while it is the initial {@link StyleStatus#IN_REVIEW}
 */
public record Colorway(
        UUID id,
        UUID styleId,
        String name,
        String swatch,
        @Nullable UUID imageVersionId,
        StyleStatus status,
        @Nullable UUID statusBy,
        @Nullable Instant statusAt,
        UUID createdBy,
        Instant createdAt) {}
