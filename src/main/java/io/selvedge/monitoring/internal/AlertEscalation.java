package io.selvedge.monitoring.internal;

import io.selvedge.storage.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates the critical alerts nobody acknowledged within {@code selvedge.monitoring.alerts.escalate-after}
 * of opening, once each, in every store. Alerts are rows, so one that was due while no node ran escalates at
 * the next check after a start.
 */
@Component
@RequiredArgsConstructor
class AlertEscalation {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalation.class);

    private final Stores stores;
    private final AlertRows rows;
    private final AlertBook book;
    private final AlertProperties properties;
    private final Clock clock;

    @SchedulerLock(name = "monitoring.alert-escalation", lockAtMostFor = "10m")
    @Scheduled(
            fixedDelayString = "${selvedge.monitoring.alerts.escalation-check-every:1m}",
            initialDelayString = "${selvedge.monitoring.alerts.escalation-check-every:1m}")
    void check() {
        int escalated = escalateDue();
        if (escalated > 0) {
            log.info("Escalated {} unacknowledged critical alert(s)", escalated);
        }
    }

    /** Escalates what is due now; returns how many alerts escalated. */
    int escalateDue() {
        Instant now = clock.instant();
        List<AlertRows.Row> due = new ArrayList<>();
        stores.all()
                .forEach(store -> due.addAll(rows.escalationCandidates(
                        JdbcClient.create(store.dataSource()), now.minus(properties.escalateAfter()))));
        int escalated = 0;
        for (AlertRows.Row row : due) {
            if (!AlertRules.escalates(
                    row.severity(),
                    row.status(),
                    row.firstSeen(),
                    row.escalatedAt(),
                    now,
                    properties.escalateAfter())) {
                continue;
            }
            try {
                if (book.escalate(new AlertBook.AlertRef(row.id(), row.groupId()))) {
                    escalated++;
                }
            } catch (RuntimeException failed) {
                // One store briefly unreachable (or a group gone) must not hold back the others' escalations.
                log.warn(
                        "Could not escalate alert {}: {}",
                        row.id(),
                        failed.getClass().getSimpleName());
            }
        }
        return escalated;
    }
}
