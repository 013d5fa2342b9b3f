package io.selvedge.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who did an audited action.
 *
 * @param id the account's id, or the share link's id; null for the system
 */
public record AuditActor(Kind kind, @Nullable UUID id) {

    public enum Kind {
        ACCOUNT,
        LINK,
        SYSTEM
    }

    public static AuditActor account(UUID accountId) {
        return new AuditActor(Kind.ACCOUNT, accountId);
    }

    public static AuditActor link(UUID linkId) {
        return new AuditActor(Kind.LINK, linkId);
    }

    public static AuditActor system() {
        return new AuditActor(Kind.SYSTEM, null);
    }
}
