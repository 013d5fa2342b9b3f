package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The mail outbox ({@code selvedge.mail.outbox{status}}, notify's gauge): dead letters added since the last
 * evaluation, or more than {@code pending} mails waiting for {@code stuckFor} without their number going down.
 */
@Component("monitoring.mailOutbox")
class MailOutbox extends Detection implements MetricDetection {

    static final String NAME = "mail-outbox";
    static final String METER = "selvedge.mail.outbox";

    @ConfigurationProperties("selvedge.monitoring.detections.mail-outbox")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") int pending,
            @DefaultValue("15m") Duration stuckFor) {}

    private final Settings settings;
    private final Meters meters;
    private final Clock clock;
    private final Increase dead = new Increase();
    private double lowestPending = Double.MAX_VALUE;
    private Instant pendingSince = Instant.MAX;

    MailOutbox(Settings settings, Meters meters, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public synchronized void evaluate() {
        Instant now = clock.instant();
        double died = dead.of(meters.sum(METER, meter -> Meters.tagged(meter, "status", "dead")));
        if (died > 0) {
            raise(
                    AlertSeverity.WARNING,
                    AlertCategory.OPERATIONS,
                    null,
                    "dead:" + day(now),
                    "Mails became dead letters",
                    Map.of("new dead letters", whole(died)));
        }
        double pending = meters.sum(METER, meter -> Meters.tagged(meter, "status", "pending"));
        if (pending <= settings.pending()) {
            pendingSince = Instant.MAX;
            return;
        }
        if (pendingSince.equals(Instant.MAX) || pending < lowestPending) {
            // many waiting since now, or draining: the wait starts again
            pendingSince = now;
            lowestPending = pending;
            return;
        }
        if (!pendingSince.isAfter(now.minus(settings.stuckFor()))) {
            raise(
                    AlertSeverity.WARNING,
                    AlertCategory.OPERATIONS,
                    null,
                    "stuck:" + pendingSince,
                    "The mail outbox is not draining",
                    Map.of("pending", whole(pending), "since", pendingSince.toString()));
        }
    }
}
