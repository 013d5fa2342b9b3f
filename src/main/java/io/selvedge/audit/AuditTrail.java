package io.selvedge.audit;

import io.selvedge.platform.AuditActor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Reading and verifying the audit trails: one per group (in the group's region), and the platform trail
 * (global store) for events of no group, named by a null group id. Who may read is the caller's check
 * (the access module's "read audit" permission).
 */
public interface AuditTrail {

    int LONGEST_PAGE = 500;

    /**
     * A page of the trail's entries that match the filter, newest first.
     *
     * @param cursor null for the first page, else a page's {@link AuditPage#nextCursor}
     * @throws io.selvedge.platform.Refusal.Invalid for a bad limit; {@link io.selvedge.platform.InvalidCursorException}
     *     for a cursor this trail did not hand out
     */
    AuditPage find(@Nullable UUID groupId, AuditFilter filter, int limit, @Nullable String cursor);

    /**
     * Writes every matching entry, oldest first, to {@code out} as it reads them (constant memory, any
     * size), and records the export on the trail, {@code by} as its actor.
     */
    default void export(
            @Nullable UUID groupId, AuditFilter filter, ExportFormat format, OutputStream out, AuditActor by)
            throws IOException {
        export(groupId, filter, format, out, UnaryOperator.identity(), by);
    }

    /**
     * Like {@link #export(UUID, AuditFilter, ExportFormat, OutputStream, AuditActor)}, each entry passed through
     * {@code shown} first (e.g. without the names the reader may not see).
     */
    void export(
            @Nullable UUID groupId,
            AuditFilter filter,
            ExportFormat format,
            OutputStream out,
            UnaryOperator<AuditEntry> shown,
            AuditActor by)
            throws IOException;

    /** The groups that have a trail, in every region (the platform trail, named by null, is not among them). */
    List<UUID> groupTrails();

    /** Recomputes the trail's chain from its start (or its retention checkpoint) and checks its seals. */
    AuditVerification verify(@Nullable UUID groupId);
}
