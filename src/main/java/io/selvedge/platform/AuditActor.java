package io.selvedge.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who did an audited action.
 *
 * @param id the account's id, the share link's id, or the SCIM client's token id; null for the system
 */
public record AuditActor(Kind kind, @Nullable UUID id) {

    public enum Kind {
        ACCOUNT,
        LINK,
        SYSTEM,
        SCIM_CLIENT
    }

    public static AuditActor account(UUID accountId) {
        return new AuditActor(Kind.ACCOUNT, accountId);
    }

    /** The account, or the system where no account acted (an unknown username, a trigger, a scheduled job). */
    public static AuditActor accountOrSystem(@Nullable UUID accountId) {
        return accountId == null ? system() : account(accountId);
    }

    public static AuditActor link(UUID linkId) {
        return new AuditActor(Kind.LINK, linkId);
    }

    /** A group's directory, through its SCIM bearer token (named by the token's id). */
    public static AuditActor scimClient(UUID tokenId) {
        return new AuditActor(Kind.SCIM_CLIENT, tokenId);
    }

    public static AuditActor system() {
        return new AuditActor(Kind.SYSTEM, null);
    }
}
