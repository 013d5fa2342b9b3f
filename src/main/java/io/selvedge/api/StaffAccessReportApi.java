package io.selvedge.api;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequests;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditPage;
import io.selvedge.audit.AuditTrail;
import io.selvedge.platform.CsvLines;
import io.selvedge.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/groups/{groupId}/staff-access-report}: for the group's admins and their auditors, every
 * staff access to the group (Customer Lockbox requests and break-glass), its decisions, and what the staff
 * member did under it and from where (the entries of the group's trail they made while it was open), as JSON
 * ({@code format=json}, the default) or CSV ({@code format=csv}, one line per entry).
 */
@RestController
@RequiredArgsConstructor
class StaffAccessReportApi {

    static final String PATH = "/api/v1/groups/{groupId}/staff-access-report";
    private static final List<String> CSV_COLUMNS = List.of(
            "access_request_id",
            "kind",
            "requester_id",
            "scope",
            "node_id",
            "reason",
            "ticket",
            "status",
            "requested_at",
            "decided_by",
            "decided_at",
            "expires_at",
            "revoked_by",
            "revoked_at",
            "time",
            "action",
            "outcome",
            "address",
            "user_agent",
            "http_request_id");

    private final AccessRequests requests;
    private final AuditTrail trail;
    private final Clock clock;

    /** One staff access and what was done under it. */
    record Access(AccessRequestsApi.AccessRequestView request, List<Activity> activity) {}

    /** An entry of the group's trail the staff member made while the access was open. */
    record Activity(
            Instant time,
            String action,
            String outcome,
            @Nullable String address,
            @Nullable String userAgent,
            @Nullable String requestId) {

        static Activity of(AuditEntry entry) {
            return new Activity(
                    entry.time(),
                    entry.action(),
                    entry.outcome().name(),
                    entry.address(),
                    entry.userAgent(),
                    entry.requestId());
        }
    }

    record Report(UUID groupId, Instant generatedAt, List<Access> accesses) {}

    @GetMapping(PATH)
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    ResponseEntity<?> report(@PathVariable UUID groupId, @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new Refusal.Invalid("The format is json or csv.");
        }
        Instant now = clock.instant();
        List<Access> accesses = new ArrayList<>();
        for (AccessRequest request : requests.ofGroup(groupId)) {
            accesses.add(new Access(AccessRequestsApi.AccessRequestView.of(request, now), activity(request)));
        }
        Report report = new Report(groupId, now, accesses);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"staff-access-" + groupId + "." + format + "\"");
        return format.equals("csv")
                ? answer.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .body(csv(report))
                : answer.contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /**
     * What the requester did under the request: their entries on the group's trail naming it (the request, its
     * decisions, each use), and every other entry of the same HTTP requests (what a use did, such as a support
     * action). Matched by ids, not by time: an entry is written after its action, on the audit module's thread.
     */
    private List<Activity> activity(AccessRequest request) {
        AuditFilter filter =
                new AuditFilter(request.requesterId().toString(), null, null, null, null, request.requestedAt(), null);
        List<AuditEntry> mine = new ArrayList<>();
        String cursor = null;
        do {
            AuditPage page = trail.find(request.groupId(), filter, AuditTrail.LONGEST_PAGE, cursor);
            mine.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        String id = request.id().toString();
        java.util.Set<String> httpRequests = new java.util.HashSet<>();
        for (AuditEntry entry : mine) {
            if (namesRequest(entry, id) && entry.requestId() != null) {
                httpRequests.add(entry.requestId());
            }
        }
        return mine.stream()
                .filter(entry -> namesRequest(entry, id) || httpRequests.contains(entry.requestId()))
                .map(Activity::of)
                .toList();
    }

    private static boolean namesRequest(AuditEntry entry, String accessRequestId) {
        return entry.targetKind().equals("access-request") && accessRequestId.equals(entry.targetId());
    }

    private static String csv(Report report) {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Access access : report.accesses()) {
            AccessRequestsApi.AccessRequestView r = access.request();
            List<Object> request = List.of(
                    r.id(),
                    r.kind(),
                    r.requesterId(),
                    r.scope(),
                    r.nodeId(),
                    r.reason(),
                    r.ticket(),
                    r.status(),
                    r.requestedAt());
            List<@Nullable Object> decision =
                    java.util.Arrays.asList(r.decidedBy(), r.decidedAt(), r.expiresAt(), r.revokedBy(), r.revokedAt());
            if (access.activity().isEmpty()) {
                csv.append(line(request, decision, java.util.Arrays.asList(null, null, null, null, null, null)));
            }
            for (Activity done : access.activity()) {
                csv.append(line(
                        request,
                        decision,
                        java.util.Arrays.asList(
                                done.time(),
                                done.action(),
                                done.outcome(),
                                done.address(),
                                done.userAgent(),
                                done.requestId())));
            }
        }
        return csv.toString();
    }

    private static String line(List<?> request, List<?> decision, List<?> activity) {
        List<@Nullable Object> cells = new ArrayList<>(request);
        cells.addAll(decision);
        cells.addAll(activity);
        return CsvLines.line(cells);
    }
}
