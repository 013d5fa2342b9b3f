package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;

/**
 * Event deliveries failing: more than {@code failed} outbox publications (in every store) whose listener
 * failed, still waiting for their retry. One alert per day while it lasts.
 */
@Component("monitoring.eventDeliveriesFailing")
class EventDeliveriesFailing extends Detection implements MetricDetection {

    static final String NAME = "event-deliveries-failing";

    @ConfigurationProperties("selvedge.monitoring.detections.event-deliveries-failing")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0") int failed) {}

    /** How many publications failed now; the outbox's count in production. */
    @FunctionalInterface
    interface FailedPublications {
        int count();
    }

    private final Settings settings;
    private final FailedPublications publications;
    private final Clock clock;

    @Autowired
    EventDeliveriesFailing(
            Settings settings, ObjectProvider<EventPublicationRepository> outbox, Alerts alerts, Clock clock) {
        this(settings, () -> outbox.getObject().countByStatus(EventPublication.Status.FAILED), alerts, clock);
    }

    EventDeliveriesFailing(Settings settings, FailedPublications publications, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.publications = publications;
        this.clock = clock;
    }

    @Override
    public void evaluate() {
        int failed = publications.count();
        if (failed > settings.failed()) {
            raise(
                    AlertSeverity.WARNING,
                    AlertCategory.OPERATIONS,
                    null,
                    day(clock),
                    "Event deliveries are failing",
                    Map.of("failed publications", Integer.toString(failed)));
        }
    }
}
