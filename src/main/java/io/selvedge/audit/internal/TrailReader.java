package io.selvedge.audit.internal;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditExported;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditPage;
import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.audit.ExportFormat;
import io.selvedge.crypto.CiphertextTamperedException;
import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.PageCursor;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads trails: pages newest first, exports oldest first in batches (constant memory), verification. */
@Service
@RequiredArgsConstructor
class TrailReader implements AuditTrail {

    private static final int EXPORT_BATCH = 500;
    static final String UNREADABLE = "(unreadable: altered)";

    private final Trails trails;
    private final TrailVerifier verifier;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PlatformTransactionManager> transactions;

    @Override
    public AuditPage find(@Nullable UUID groupId, AuditFilter filter, int limit, @Nullable String cursor) {
        if (limit < 1 || limit > LONGEST_PAGE) {
            throw new Refusal.Invalid("The limit is 1 to " + LONGEST_PAGE + ".");
        }
        Long before = null;
        if (cursor != null) {
            before = PageCursor.position(cursor);
        }
        Trail trail = trails.of(groupId);
        List<StoredEntry> rows = TrailRepository.select(trail, filter, before, null, null, "desc", limit + 1);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            entries.add(decrypted(trail, rows.get(i)));
        }
        String next = rows.size() > limit ? PageCursor.of(rows.get(limit - 1).seq()) : null;
        return new AuditPage(entries, next);
    }

    @Override
    public void export(
            @Nullable UUID groupId,
            AuditFilter filter,
            ExportFormat format,
            OutputStream out,
            UnaryOperator<AuditEntry> shown,
            AuditActor by)
            throws IOException {
        Trail trail = trails.of(groupId);
        // The export is the trail as it stood when asked for: its own entry, appended after the commit of
        // the record below, may land while the lines are read, and is not among them.
        long head = TrailRepository.lastSeq(trail);
        recordExport(groupId, format, by);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (format == ExportFormat.CSV) {
            writer.write(ExportLines.CSV_HEADER);
        }
        Long after = null;
        while (true) {
            List<StoredEntry> rows = TrailRepository.select(trail, filter, null, after, head, "asc", EXPORT_BATCH);
            for (StoredEntry row : rows) {
                AuditEntry entry = shown.apply(decrypted(trail, row));
                writer.write(format == ExportFormat.CSV ? ExportLines.csv(entry) : ExportLines.json(entry));
            }
            if (rows.size() < EXPORT_BATCH) {
                break;
            }
            after = rows.get(rows.size() - 1).seq();
        }
        writer.flush();
    }

    @Override
    public List<UUID> groupTrails() {
        return trails.all().stream()
                .map(Trail::groupId)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    @Override
    public AuditVerification verify(@Nullable UUID groupId) {
        return verifier.verify(trails.of(groupId));
    }

    /** The export is an audited action: recorded (through the outbox) before the first line is sent. */
    private void recordExport(@Nullable UUID groupId, ExportFormat format, AuditActor by) {
        AuditExported exported = new AuditExported(groupId, format, by, RequestOrigin.current());
        PlatformTransactionManager manager = transactions.getIfAvailable();
        if (manager == null) {
            events.publishEvent(exported);
        } else {
            new TransactionTemplate(manager).executeWithoutResult(status -> events.publishEvent(exported));
        }
    }

    private static AuditEntry decrypted(Trail trail, StoredEntry row) {
        return new AuditEntry(
                row.seq(),
                row.occurredAt(),
                AuditActor.Kind.valueOf(row.actorKind()),
                row.actorId(),
                decrypt(trail, row.actorName(), TrailRepository.ACTOR_NAME, row.seq()),
                decrypt(trail, row.address(), TrailRepository.ADDRESS, row.seq()),
                decrypt(trail, row.userAgent(), TrailRepository.USER_AGENT, row.seq()),
                row.action(),
                row.targetKind(),
                row.targetId(),
                decrypt(trail, row.targetName(), TrailRepository.TARGET_NAME, row.seq()),
                AuditOutcome.valueOf(row.outcome()),
                row.requestId(),
                row.hash());
    }

    /**
     * A field's plaintext; a ciphertext that fails authentication (altered, or moved to another entry)
     * reads as {@link #UNREADABLE}: the read raised the tamper alarm, and the verification names the entry.
     */
    @Nullable
    private static String decrypt(Trail trail, @Nullable String ciphertext, EncryptedColumn column, long seq) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return column.decrypt(trail.cipher(), ciphertext, trail.rowId(seq));
        } catch (CiphertextTamperedException e) {
            return UNREADABLE;
        }
    }
}
