package io.selvedge.monitoring.internal.detection;

import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly verification of every trail: the platform trail and each group's, recomputed from their start (or
 * retention checkpoint) with their seals checked. A trail that does not verify raises a critical security alert,
 * for its group (so that its admins see it too); one that could not be read raises an operations warning.
 */
@Component("monitoring.trailVerification")
class TrailVerification extends Detection {

    static final String NAME = "trail-verification-failed";
    private static final Logger log = LoggerFactory.getLogger(TrailVerification.class);

    @ConfigurationProperties("selvedge.monitoring.detections.trail-verification-failed")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 30 3 * * *") String cron) {}

    private final AuditTrail trails;
    private final Clock clock;

    TrailVerification(Settings settings, AuditTrail trails, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.trails = trails;
        this.clock = clock;
    }

    @SchedulerLock(name = "monitoring.trail-verification", lockAtMostFor = "3h")
    @Scheduled(cron = "${selvedge.monitoring.detections.trail-verification-failed.cron:0 30 3 * * *}")
    void nightly() {
        if (enabled()) {
            verifyAll();
        }
    }

    /** Verifies every trail; how many did not verify. */
    int verifyAll() {
        List<@Nullable UUID> all = new ArrayList<>();
        all.add(null);
        all.addAll(trails.groupTrails());
        String night = day(clock);
        int failed = 0;
        for (UUID group : all) {
            String trail = group == null ? "platform" : group.toString();
            try {
                AuditVerification result = trails.verify(group);
                if (!result.ok()) {
                    failed++;
                    Map<String, String> details = new HashMap<>();
                    details.put("trail", trail);
                    details.put("first bad entry", String.valueOf(result.firstBadEntry()));
                    details.put("problem", Objects.requireNonNullElse(result.problem(), "unknown"));
                    details.put("checked", Long.toString(result.checked()));
                    raise(
                            AlertSeverity.CRITICAL,
                            AlertCategory.SECURITY,
                            group,
                            trail + ":" + night,
                            "An audit trail failed its verification",
                            details);
                }
            } catch (RuntimeException e) {
                log.warn("Could not verify the {} trail: {}", trail, e.toString());
                raise(
                        AlertSeverity.WARNING,
                        AlertCategory.OPERATIONS,
                        null,
                        "unreadable:" + trail + ":" + night,
                        "An audit trail could not be verified",
                        Map.of("trail", trail, "error", e.getClass().getSimpleName()));
            }
        }
        log.info("Verified {} audit trail(s), {} failed", all.size(), failed);
        return failed;
    }
}
