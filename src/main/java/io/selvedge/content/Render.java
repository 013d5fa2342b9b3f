package io.selvedge.content;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A version's model as a viewer's browser rendered it: a thumbnail, and a turntable of {@code frames}
 * pictures around the model, each {@code frameWidth} x {@code frameHeight}, side by side in one image.
 *
 * @param colorwayId the colorway it shows; null for the version's own look
 */
public record Render(
        UUID versionId,
        @Nullable UUID colorwayId,
        int frames,
        int frameWidth,
        int frameHeight,
        UUID renderedBy,
        Instant renderedAt) {}
