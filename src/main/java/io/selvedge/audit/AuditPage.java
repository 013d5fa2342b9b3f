package io.selvedge.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of entries, newest first.
 *
 * @param nextCursor what to pass for the next (older) page; null on the last page
 */
public record AuditPage(List<AuditEntry> entries, @Nullable String nextCursor) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
