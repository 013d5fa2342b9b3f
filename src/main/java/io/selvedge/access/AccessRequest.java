package io.selvedge.access;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A staff member's request for access to one group (Customer Lockbox): its scope on one node, why, the
 * ticket it serves and how long it may last. Only the group's admins decide it; an approved request grants
 * its scope from {@code decidedAt} until {@code expiresAt} unless revoked. Break-glass ({@link Kind#BREAK_GLASS})
 * is approved by a second platform admin instead ({@code decidedBy}), and needs a {@code followUp} note.
 */
public record AccessRequest(
        UUID id,
        UUID groupId,
        UUID requesterId,
        AccessScope scope,
        UUID nodeId,
        String reason,
        String ticket,
        Duration duration,
        Status status,
        Instant requestedAt,
        @Nullable UUID decidedBy,
        @Nullable Instant decidedAt,
        @Nullable Instant expiresAt,
        @Nullable UUID revokedBy,
        @Nullable Instant revokedAt,
        Kind kind,
        @Nullable String followUp) {

    /** The longest access a request may ask for. */
    public static final Duration LONGEST = Duration.ofHours(8);

    /** The longest break-glass access. */
    public static final Duration LONGEST_BREAK_GLASS = Duration.ofHours(1);

    /** A new request, pending: nobody has decided, revoked or followed it up yet. */
    public static AccessRequest pending(
            UUID groupId,
            UUID requesterId,
            AccessScope scope,
            UUID nodeId,
            String reason,
            String ticket,
            Duration duration,
            Instant requestedAt,
            Kind kind) {
        return new AccessRequest(
                UUID.randomUUID(),
                groupId,
                requesterId,
                scope,
                nodeId,
                reason,
                ticket,
                duration,
                Status.PENDING,
                requestedAt,
                null,
                null,
                null,
                null,
                null,
                kind,
                null);
    }

    /** A request the group's admins decide, or break-glass, which a second platform admin approves. */
    public enum Kind {
        REQUEST,
        BREAK_GLASS
    }

    public enum Status {
        PENDING,
        APPROVED,
        DENIED,
        REVOKED
    }

    /** Whether it grants its scope at that instant: approved, not revoked, not expired. */
    public boolean openAt(Instant now) {
        return status == Status.APPROVED && expiresAt != null && now.isBefore(expiresAt);
    }

    /** The status as a reader sees it at that instant: an approved request past its end is expired. */
    public String shownStatus(Instant now) {
        if (status == Status.APPROVED && !openAt(now)) {
            return "EXPIRED";
        }
        return status.name();
    }
}
