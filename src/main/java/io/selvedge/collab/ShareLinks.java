package io.selvedge.collab;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Share links to a style or a workroom: a 256-bit token of which only a SHA-256 hash is kept, an expiry
 * of at most 90 days, an optional password (Argon2id). An expired, revoked or unknown link is not found,
 * and neither is one whose owner (its creator, or the admin who took it over) may no longer make links to
 * its target: such a link is listed as {@link ShareLink.State#SUSPENDED} until an admin takes it over.
 */
public interface ShareLinks {

    /** The longest a link may live. */
    java.time.Duration MAX_LIFETIME = java.time.Duration.ofDays(90);

    CreatedLink create(
            UUID targetId,
            String targetKind,
            Instant expiresAt,
            @Nullable String password,
            boolean allowDownload,
            UUID actor);

    /**
     * The unexpired, unrevoked links of a style or workroom, each saying whether it serves.
     *
     * @throws io.selvedge.content.NoSuchContentException if the target is gone or inside a deleted node
     */
    List<ShareLink> list(UUID targetId);

    /** The target of a link, live or not; empty for an unknown link. */
    Optional<UUID> targetOf(UUID linkId);

    void revoke(UUID linkId, UUID actor);

    /**
     * The actor (an admin, as the caller checked) takes an unexpired, unrevoked link over: it answers to them
     * from now on, and serves while they may make links to its target. Audited as {@link LinkTakenOver}.
     */
    ShareLink takeOver(UUID linkId, UUID actor);

    /** The live link of a token, without checking its password; empty if none. */
    Optional<ShareLink> find(String token);

    /** Records a use of a link already opened (a preview, a download) as an audited {@link LinkUsed}. */
    void recordUse(UUID linkId, String use);

    /**
     * Opens a link: the password when it has one (wrong: {@link LinkPasswordException}); audited as used.
     * Empty for an unknown, expired or revoked link.
     */
    Optional<OpenedLink> open(String token, @Nullable String password);
}
