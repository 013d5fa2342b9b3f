package io.selvedge.platform;

import org.jspecify.annotations.Nullable;

/**
 * What an audited action was done to.
 *
 * @param kind a lower-case noun: {@code account}, {@code group}, {@code company}, {@code style}...
 * @param id the target's id, or null when there is none (a sign-in attempt for an unknown username)
 */
public record AuditTarget(String kind, @Nullable String id) {

    public static AuditTarget of(String kind, @Nullable Object id) {
        return new AuditTarget(kind, id == null ? null : id.toString());
    }
}
