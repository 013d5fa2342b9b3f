package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.internal.AlertChanged;
import io.selvedge.storage.UnknownGroupException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns each alert change into deliveries: one row per channel of every team the rules route it to, and of the
 * group's security contacts when the alert is at least as severe as they asked. An
 * {@link ApplicationModuleListener}: the event registry delivers the change at least once (again after a crash),
 * and the rows' unique key makes a repeated delivery record nothing twice. Nothing is sent here: the
 * {@link DeliverySender} sends, so a channel that is down holds up no one.
 */
@Component
@RequiredArgsConstructor
class AlertRouter {

    private static final Logger log = LoggerFactory.getLogger(AlertRouter.class);

    static final String ID = "io.selvedge.monitoring.routing";

    private final RoutingRepository routing;
    private final ContactRepository contacts;
    private final DeliveryRepository deliveries;
    private final RoutingProperties properties;
    private final Clock clock;

    @ApplicationModuleListener(id = ID)
    void on(AlertChanged alert) {
        int recorded = 0;
        for (Channel channel : channelsFor(alert)) {
            if (deliveries.record(alert, channel, clock.instant())) {
                recorded++;
            }
        }
        log.info("Alert {} {}: {} deliveries recorded", alert.alertId(), alert.change(), recorded);
    }

    List<Channel> channelsFor(AlertChanged alert) {
        List<Channel> channels = new ArrayList<>();
        for (UUID team : Routes.teamsFor(alert, routing.rules())) {
            channels.addAll(routing.channelsOf(team));
        }
        if (alert.groupId() != null) {
            try {
                if (Routes.toContacts(
                        alert, contacts.minSeverity(alert.groupId()).orElse(properties.contactsMinSeverity()))) {
                    channels.addAll(contacts.channels(alert.groupId()));
                }
            } catch (UnknownGroupException gone) {
                log.warn(
                        "Alert {} names group {}, which no longer exists: no contacts",
                        alert.alertId(),
                        alert.groupId());
            }
        }
        return channels;
    }
}
