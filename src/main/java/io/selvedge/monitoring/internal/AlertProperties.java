package io.selvedge.monitoring.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code selvedge.monitoring.alerts.*}: when an unacknowledged critical alert escalates, how often that is
 * checked ({@code escalation-check-every}, read by the job's schedule), and where the runbook of a detection
 * is ({@code <runbook-base><detection>.md}).
 */
@ConfigurationProperties("selvedge.monitoring.alerts")
record AlertProperties(
        @DefaultValue("15m") Duration escalateAfter,
        @DefaultValue("1m") Duration escalationCheckEvery,
        @DefaultValue("docs/runbooks/") String runbookBase) {

    AlertProperties {
        if (escalateAfter.isNegative() || escalateAfter.isZero()) {
            throw new IllegalArgumentException("selvedge.monitoring.alerts.escalate-after must be positive");
        }
    }

    String runbookOf(String detection) {
        return runbookBase + detection + ".md";
    }
}
