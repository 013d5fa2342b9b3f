package io.selvedge.audit;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a trail, decrypted for its reader.
 *
 * @param seq the entry's position in its trail, from 1
 * @param actorName the account's username when the entry was written
 * @param targetName the target's readable name when the entry was written
 * @param hash the entry's hash (hex SHA-256), which the next entry carries as its previous hash
 */
public record AuditEntry(
        long seq,
        Instant time,
        AuditActor.Kind actorKind,
        @Nullable String actorId,
        @Nullable String actorName,
        @Nullable String address,
        @Nullable String userAgent,
        String action,
        String targetKind,
        @Nullable String targetId,
        @Nullable String targetName,
        AuditOutcome outcome,
        @Nullable String requestId,
        String hash) {

    /** The same entry without the target's name, for a reader who may not see the target. */
    public AuditEntry withoutTargetName() {
        return new AuditEntry(
                seq,
                time,
                actorKind,
                actorId,
                actorName,
                address,
                userAgent,
                action,
                targetKind,
                targetId,
                null,
                outcome,
                requestId,
                hash);
    }
}
