package io.selvedge.content;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A material file (.mtl) of an OBJ version, decrypted: one colourway of the model.
 *
 * @param colorwayId the colorway it shows; null once that colorway was deleted
 */
public record VersionMaterial(
        UUID id,
        UUID versionId,
        String filename,
        @Nullable UUID colorwayId,
        long size,
        UUID createdBy,
        Instant createdAt) {}
