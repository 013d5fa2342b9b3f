package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.internal.AlertChanged;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One alert change to send to one channel; kept until it is sent.
 *
 * @param channelGroupId the group whose security contacts own the channel, null for an installation team's
 */
record Delivery(
        UUID id,
        Facts facts,
        UUID channelId,
        @Nullable UUID channelGroupId,
        int attempts,
        Instant nextAttemptAt,
        boolean failureReported) {

    /**
     * What a delivery keeps of its change in the global store. Nothing of a group may rest there: for a group's
     * alert only the ids and the change's metadata, and the sender rebuilds the message from the alert in the
     * group's region; the installation's alert keeps its message.
     *
     * @param alert the change as sent, for an installation's alert only (null for a group's)
     */
    record Facts(
            UUID alertId,
            @Nullable UUID groupId,
            AlertChanged.Change change,
            Instant at,
            @Nullable UUID by,
            @Nullable AlertChanged alert) {

        static Facts of(AlertChanged alert) {
            return new Facts(
                    alert.alertId(),
                    alert.groupId(),
                    alert.change(),
                    alert.at(),
                    alert.by(),
                    alert.groupId() == null ? alert : null);
        }
    }
}
