package io.selvedge.collab;

import java.time.Instant;
import java.util.UUID;

/**
 * A share link as its managers see it: never its token or password. {@code ownedBy} is the account it
 * answers to (its creator, or the admin who took it over); the link serves only while that account may
 * still make links to its target, else it is {@link State#SUSPENDED}.
 */
public record ShareLink(
        UUID id,
        UUID targetId,
        String targetKind,
        boolean passwordProtected,
        boolean allowDownload,
        Instant expiresAt,
        UUID createdBy,
        Instant createdAt,
        UUID ownedBy,
        State state) {

    /** Whether the link serves. */
    public enum State {
        /** It opens for whoever holds it. */
        LIVE,
        /** Its owner lost the right to make links here: it opens for nobody until an admin takes it over. */
        SUSPENDED
    }
}
