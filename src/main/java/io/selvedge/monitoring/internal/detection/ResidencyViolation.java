package io.selvedge.monitoring.internal.detection;

import io.selvedge.audit.AuditTrail;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReports;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A residency violation: the nightly residency scan of every group (storage's report: its data searched for in
 * every region but its own) found some of it elsewhere. Critical, for the group and the installation's security
 * team. No event reports a violation as it happens: the scan is the check.
 */
@Component("monitoring.residencyViolation")
class ResidencyViolation extends Detection {

    static final String NAME = "residency-violation";
    private static final Logger log = LoggerFactory.getLogger(ResidencyViolation.class);

    @ConfigurationProperties("selvedge.monitoring.detections.residency-violation")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 0 4 * * *") String cron) {}

    private final AuditTrail trails;
    private final ResidencyReports reports;
    private final Clock clock;

    ResidencyViolation(Settings settings, AuditTrail trails, ResidencyReports reports, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.trails = trails;
        this.reports = reports;
        this.clock = clock;
    }

    @SchedulerLock(name = "monitoring.residency-report", lockAtMostFor = "3h")
    @Scheduled(cron = "${selvedge.monitoring.detections.residency-violation.cron:0 0 4 * * *}")
    void nightly() {
        if (enabled()) {
            for (UUID group : trails.groupTrails()) { // every group has a trail: its creation is on it
                try {
                    check(reports.of(group));
                } catch (RuntimeException e) {
                    log.warn("Could not scan the residency of group {}: {}", group, e.toString());
                }
            }
        }
    }

    void check(ResidencyReport report) {
        if (report.clean()) {
            return;
        }
        String where = report.elsewhere().stream()
                .map(found -> found.kind().id() + " in " + found.region())
                .distinct()
                .collect(Collectors.joining(", "));
        raise(
                AlertSeverity.CRITICAL,
                AlertCategory.SECURITY,
                report.groupId(),
                report.groupId() + ":" + day(clock),
                "A group's data was found outside its region",
                Map.of("home region", report.region(), "found", where));
    }
}
