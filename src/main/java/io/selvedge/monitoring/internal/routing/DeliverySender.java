package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.monitoring.Alerts;
import io.selvedge.monitoring.internal.AlertChanged;
import io.selvedge.monitoring.internal.GroupAlertChanges;
import io.selvedge.storage.UnknownGroupException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, and on failure tries again later with a doubling wait (30 s, 1 min, ...
 * up to an hour); a delivery is never dropped, so a channel down for hours keeps its rows until it answers.
 * After {@code report-after-attempts} failed attempts of a delivery, an operations alert names its channel
 * (once per delivery; repeats fold into the open alert). Deliveries of that alert never raise it again, so a
 * failing operations channel does not loop on itself. A group's alert is read from the group's region when it
 * is sent (its delivery keeps only ids); a region that does not answer is a failed attempt like a channel's.
 */
@Component
class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    /** The detection of the alert about a failing channel. */
    static final String CHANNEL_FAILING = "alert-channel-failing";

    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final DeliveryRepository deliveries;
    private final RoutingRepository routing;
    private final ContactRepository contacts;
    private final ChannelTransport transport;
    private final Alerts alerts;
    private final GroupAlertChanges groupAlerts;
    private final RoutingProperties properties;
    private final Backoff backoff;
    private final Clock clock;

    DeliverySender(
            DeliveryRepository deliveries,
            RoutingRepository routing,
            ContactRepository contacts,
            ChannelTransport transport,
            Alerts alerts,
            GroupAlertChanges groupAlerts,
            RoutingProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.routing = routing;
        this.contacts = contacts;
        this.transport = transport;
        this.alerts = alerts;
        this.groupAlerts = groupAlerts;
        this.properties = properties;
        this.backoff = new Backoff(
                properties.delivery().firstRetry(), properties.delivery().longestRetry());
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${selvedge.monitoring.delivery.poll-every:5s}")
    @SchedulerLock(name = "monitoring.deliveries", lockAtMostFor = "10m")
    void sendDue() {
        Instant now = clock.instant();
        for (Delivery delivery : deliveries.claimDue(now, now.plus(CLAIM), BATCH)) {
            send(delivery);
        }
    }

    private void send(Delivery delivery) {
        Optional<Channel> channel;
        try {
            channel = delivery.channelGroupId() == null
                    ? routing.channel(delivery.channelId())
                    : contacts.channel(delivery.channelGroupId(), delivery.channelId());
        } catch (UnknownGroupException gone) {
            channel = Optional.empty();
        }
        if (channel.isEmpty()) {
            // The channel was removed since: there is no one left to send this to.
            deliveries.markSent(delivery.id(), clock.instant());
            log.info("Delivery {} dropped: its channel {} was removed", delivery.id(), delivery.channelId());
            return;
        }
        try {
            Optional<AlertChanged> alert = alertOf(delivery.facts());
            if (alert.isEmpty()) {
                // The group, or its alert, was deleted since: there is nothing left to send.
                deliveries.markSent(delivery.id(), clock.instant());
                log.info(
                        "Delivery {} dropped: its alert {} is gone",
                        delivery.id(),
                        delivery.facts().alertId());
                return;
            }
            transport.send(channel.get(), alert.get());
            deliveries.markSent(delivery.id(), clock.instant());
            log.info(
                    "Alert {} {} sent to channel {}",
                    delivery.facts().alertId(),
                    delivery.facts().change(),
                    delivery.channelId());
        } catch (ChannelTransport.ChannelFailedException | RuntimeException e) {
            failed(
                    delivery,
                    channel.get(),
                    e instanceof ChannelTransport.ChannelFailedException
                            ? e.getMessage()
                            : e.getClass().getSimpleName());
        }
    }

    /** The change as sent: the installation's as kept, a group's rebuilt from its alert in its region. */
    private Optional<AlertChanged> alertOf(Delivery.Facts facts) {
        if (facts.alert() != null) {
            return Optional.of(facts.alert());
        }
        if (facts.groupId() == null) {
            throw new IllegalStateException("A delivery of alert " + facts.alertId() + " keeps no alert");
        }
        try {
            return groupAlerts.of(facts.groupId(), facts.alertId(), facts.change(), facts.at(), facts.by());
        } catch (UnknownGroupException gone) {
            return Optional.empty();
        }
    }

    private void failed(Delivery delivery, Channel channel, String error) {
        int attempts = delivery.attempts() + 1;
        Instant next = clock.instant().plus(backoff.after(attempts));
        boolean report = !delivery.failureReported()
                && attempts >= properties.delivery().reportAfterAttempts()
                && !(delivery.facts().alert() != null
                        && CHANNEL_FAILING.equals(delivery.facts().alert().detection()));
        deliveries.markFailed(delivery.id(), attempts, error, next, delivery.failureReported() || report);
        log.warn(
                "Alert {} not sent to channel {} (attempt {}), next try at {}: {}",
                delivery.facts().alertId(),
                channel.id(),
                attempts,
                next,
                error);
        if (report) {
            alerts.raise(new AlertSignal(
                    CHANNEL_FAILING,
                    AlertSeverity.WARNING,
                    AlertCategory.OPERATIONS,
                    null,
                    CHANNEL_FAILING + ":" + channel.id(),
                    "An alert channel (" + channel.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + ") keeps failing; its alerts wait to be sent",
                    Map.of(
                            "channel", channel.id().toString(),
                            "kind", channel.kind().name(),
                            "attempts", Integer.toString(attempts),
                            "error", error)));
        }
    }
}
