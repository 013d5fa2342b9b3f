package io.selvedge.collab;

import java.time.Instant;
import java.util.UUID;

/** A share link as its managers see it: never its token or password. */
public record ShareLink(
        UUID id,
        UUID targetId,
        String targetKind,
        boolean passwordProtected,
        boolean allowDownload,
        Instant expiresAt,
        UUID createdBy,
        Instant createdAt) {}
