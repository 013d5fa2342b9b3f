package io.selvedge.monitoring.internal;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts in the API. Staff whose role allows {@link StaffAction#SEE_ALERTS} list every alert of the
 * installation ({@code /api/v1/alerts}) and read one with its timeline; those allowed
 * {@link StaffAction#MANAGE_ALERTS} acknowledge and resolve. A group's admins do the same for the group's
 * alerts under {@code /api/v1/groups/{groupId}/alerts} ({@link Action#SEE_ALERTS}, {@link Action#MANAGE_ALERTS}).
 * Anyone else finds no alert (404).
 */
@RestController
@RequiredArgsConstructor
class AlertsApi {

    static final String STAFF = "/api/v1/alerts";
    static final String GROUP = "/api/v1/groups/{groupId}/alerts";
    private static final String BY_STAFF = "platform staff whose role allows SEE_ALERTS (MANAGE_ALERTS to change),"
            + " checked by the handler; anyone else finds no alert";

    private final AlertConsole console;
    private final AlertBook book;
    private final Callers callers;
    private final AlertProperties properties;

    @GetMapping(STAFF)
    @AnyCaller(BY_STAFF)
    ResponseEntity<AlertPage> everyAlert(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor,
            Authentication authentication) {
        staff(authentication, StaffAction.SEE_ALERTS);
        return noStore(page(console.everyAlert(filter(status, severity, category), limit, cursor)));
    }

    @GetMapping(STAFF + "/{alertId}")
    @AnyCaller(BY_STAFF)
    ResponseEntity<AlertDetail> anyAlert(@PathVariable UUID alertId, Authentication authentication) {
        staff(authentication, StaffAction.SEE_ALERTS);
        return noStore(detail(console.anyAlert(alertId).orElseThrow(AlertNotFound::new)));
    }

    @PostMapping(STAFF + "/{alertId}/acknowledge")
    @AnyCaller(BY_STAFF)
    ResponseEntity<AlertView> acknowledgeAny(@PathVariable UUID alertId, Authentication authentication) {
        Caller caller = staff(authentication, StaffAction.MANAGE_ALERTS);
        Alert alert = console.anyAlert(alertId).orElseThrow(AlertNotFound::new).alert();
        return noStore(view(book.acknowledge(new AlertBook.AlertRef(alertId, alert.groupId()), caller.accountId())));
    }

    @PostMapping(STAFF + "/{alertId}/resolve")
    @AnyCaller(BY_STAFF)
    ResponseEntity<AlertView> resolveAny(@PathVariable UUID alertId, Authentication authentication) {
        Caller caller = staff(authentication, StaffAction.MANAGE_ALERTS);
        Alert alert = console.anyAlert(alertId).orElseThrow(AlertNotFound::new).alert();
        return noStore(view(book.resolve(new AlertBook.AlertRef(alertId, alert.groupId()), caller.accountId())));
    }

    @GetMapping(GROUP)
    @Requires(value = Action.SEE_ALERTS, target = "groupId")
    ResponseEntity<AlertPage> alertsOf(
            @PathVariable UUID groupId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return noStore(page(console.alertsOf(groupId, filter(status, severity, category), limit, cursor)));
    }

    @GetMapping(GROUP + "/{alertId}")
    @Requires(value = Action.SEE_ALERTS, target = "groupId")
    ResponseEntity<AlertDetail> alertOf(@PathVariable UUID groupId, @PathVariable UUID alertId) {
        return noStore(detail(console.alertOf(groupId, alertId).orElseThrow(AlertNotFound::new)));
    }

    @PostMapping(GROUP + "/{alertId}/acknowledge")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    ResponseEntity<AlertView> acknowledge(
            @PathVariable UUID groupId, @PathVariable UUID alertId, Authentication authentication) {
        UUID by = callers.of(authentication).orElseThrow(AlertNotFound::new).accountId();
        return noStore(view(book.acknowledge(new AlertBook.AlertRef(alertId, groupId), by)));
    }

    @PostMapping(GROUP + "/{alertId}/resolve")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    ResponseEntity<AlertView> resolve(
            @PathVariable UUID groupId, @PathVariable UUID alertId, Authentication authentication) {
        UUID by = callers.of(authentication).orElseThrow(AlertNotFound::new).accountId();
        return noStore(view(book.resolve(new AlertBook.AlertRef(alertId, groupId), by)));
    }

    private Caller staff(Authentication authentication, StaffAction action) {
        return AlertNotFound.unlessStaffMay(action, callers, authentication);
    }

    static AlertRows.Filter filter(@Nullable String status, @Nullable String severity, @Nullable String category) {
        return new AlertRows.Filter(
                choice(AlertStatus.class, status, "status"),
                choice(AlertSeverity.class, severity, "severity"),
                choice(AlertCategory.class, category, "category"));
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Refusal.Invalid("Unknown " + name + ": one of " + List.of(type.getEnumConstants()));
        }
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private AlertPage page(AlertConsole.Page page) {
        return new AlertPage(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    private AlertView view(Alert alert) {
        return new AlertView(
                alert.id(),
                alert.groupId(),
                alert.detection(),
                alert.severity(),
                alert.category(),
                alert.summary(),
                alert.details(),
                alert.signals(),
                alert.firstSeen(),
                alert.lastSeen(),
                alert.status(),
                alert.acknowledgedBy(),
                alert.acknowledgedAt(),
                alert.resolvedBy(),
                alert.resolvedAt(),
                alert.escalatedAt(),
                properties.runbookOf(alert.detection()));
    }

    private AlertDetail detail(AlertConsole.Detailed found) {
        return new AlertDetail(
                view(found.alert()),
                found.timeline().stream()
                        .map(step -> new StepView(step.at(), step.kind().name(), step.signals(), step.by()))
                        .toList());
    }

    /** A page of alerts, newest first. */
    record AlertPage(List<AlertView> items, @Nullable String nextCursor) {}

    /**
     * An alert: what a detection saw (no customer content), how many signals folded into it, and its life cycle.
     *
     * @param count the signals folded in so far
     * @param runbook where the detection's runbook is
     */
    record AlertView(
            UUID id,
            @Nullable UUID groupId,
            String detection,
            AlertSeverity severity,
            AlertCategory category,
            String summary,
            Map<String, String> details,
            long count,
            Instant firstSeen,
            Instant lastSeen,
            AlertStatus status,
            @Nullable UUID acknowledgedBy,
            @Nullable Instant acknowledgedAt,
            @Nullable UUID resolvedBy,
            @Nullable Instant resolvedAt,
            @Nullable Instant escalatedAt,
            String runbook) {}

    /** An alert and its timeline, oldest step first. */
    record AlertDetail(AlertView alert, List<StepView> timeline) {}

    /** A step of the timeline: OPENED, REPEATED (a run of repeats, up to {@code count}), ACKNOWLEDGED... */
    record StepView(
            Instant at, String change, long count, @Nullable UUID by) {}
}
