package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditPage;
import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.audit.ExportFormat;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's audit trail: {@code GET /api/v1/groups/{id}/audit-events} (filters, pages newest first, or
 * with {@code ?format=csv|jsonl} the whole matching trail streamed oldest first, as
 * {@code /audit-events/export} does) and {@code GET /api/v1/groups/{id}/audit-events/verify}.
 * Permission: {@link Action#READ_AUDIT} (group admin and group operator), checked by the access module
 * before the handler runs. An export is itself an entry on the trail.
 */
@RestController
@RequiredArgsConstructor
class AuditApi {

    private static final String BASE = "/api/v1/groups/{groupId}/audit-events";

    /** Targets that are nodes of the tree or content: their names are content, shown to who may view them. */
    private static final Set<String> CONTENT_KINDS = Set.of("company", "brand", "season", "workroom", "style");

    private final AuditTrail trail;
    private final Authorization authorization;
    private final Callers callers;

    @GetMapping(BASE)
    @Requires(value = Action.READ_AUDIT, target = "groupId")
    ResponseEntity<?> list(
            @PathVariable UUID groupId,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String targetKind,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletResponse response)
            throws IOException {
        AuditFilter filter = filter(actor, action, targetKind, target, outcome, from, to);
        if (format != null) {
            stream(groupId, filter, formatOf(format), response);
            return null;
        }
        AuditPage page = trail.find(groupId, filter, limit, cursor);
        return ResponseEntity.ok(
                new PageResponse(page.entries().stream().map(this::shown).toList(), page.nextCursor()));
    }

    @GetMapping(BASE + "/export")
    @Requires(value = Action.READ_AUDIT, target = "groupId")
    ResponseEntity<?> export(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "jsonl") String format,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String targetKind,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            HttpServletResponse response)
            throws IOException {
        stream(groupId, filter(actor, action, targetKind, target, outcome, from, to), formatOf(format), response);
        return null;
    }

    @GetMapping(BASE + "/verify")
    @Requires(value = Action.READ_AUDIT, target = "groupId")
    ResponseEntity<?> verify(@PathVariable UUID groupId) {
        AuditVerification result = trail.verify(groupId);
        return ResponseEntity.ok(
                new VerifyResponse(result.ok(), result.checked(), result.firstBadEntry(), result.problem()));
    }

    /** Streams the export straight to the response, a batch of entries at a time, on the request's thread. */
    private void stream(UUID groupId, AuditFilter filter, ExportFormat format, HttpServletResponse response)
            throws IOException {
        String extension = format == ExportFormat.CSV ? "csv" : "jsonl";
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(
                format == ExportFormat.CSV ? "text/csv;charset=UTF-8" : "application/jsonl;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + groupId + "." + extension + "\"");
        AuditActor reader = AuditActor.account(callers.current().orElseThrow().accountId());
        trail.export(groupId, filter, format, response.getOutputStream(), this::shown, reader);
        response.flushBuffer();
    }

    /**
     * The entry as this caller may see it: the name of a node of the tree (content) only for a caller who
     * may view that node now; a group operator reads the trail without them.
     */
    private AuditEntry shown(AuditEntry entry) {
        if (entry.targetName() == null || !CONTENT_KINDS.contains(entry.targetKind()) || entry.targetId() == null) {
            return entry;
        }
        try {
            return authorization.allows(Action.VIEW, UUID.fromString(entry.targetId()))
                    ? entry
                    : entry.withoutTargetName();
        } catch (IllegalArgumentException e) {
            return entry.withoutTargetName();
        }
    }

    private static ExportFormat formatOf(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> ExportFormat.CSV;
            case "jsonl" -> ExportFormat.JSONL;
            default -> throw new Refusal.Invalid("The format is csv or jsonl.");
        };
    }

    private static AuditFilter filter(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String targetKind,
            @Nullable String target,
            @Nullable String outcome,
            @Nullable String from,
            @Nullable String to) {
        AuditOutcome result = null;
        if (outcome != null) {
            try {
                result = AuditOutcome.valueOf(outcome.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refusal.Invalid("The outcome is succeeded, failed or denied.");
            }
        }
        return new AuditFilter(actor, action, targetKind, target, result, instant(from), instant(to));
    }

    @Nullable
    private static Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refusal.Invalid("A time is an ISO-8601 instant, e.g. 2026-11-27T01:00:00Z.");
        }
    }

    record PageResponse(List<AuditEntry> items, @Nullable String nextCursor) {}

    record VerifyResponse(
            boolean ok,
            long checked,
            @Nullable Long firstBadEntry,
            @Nullable String problem) {}
}
