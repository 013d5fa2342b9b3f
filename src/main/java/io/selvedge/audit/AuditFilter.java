package io.selvedge.audit;

import io.selvedge.platform.AuditOutcome;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to read; every null criterion matches all.
 *
 * @param actorId the acting account's or link's id
 * @param action an exact action, e.g. {@code company.created}
 * @param targetKind e.g. {@code company}
 * @param targetId the target's id
 * @param from entries at or after this time
 * @param to entries before this time
 */
public record AuditFilter(
        @Nullable String actorId,
        @Nullable String action,
        @Nullable String targetKind,
        @Nullable String targetId,
        @Nullable AuditOutcome outcome,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
