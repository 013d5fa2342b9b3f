package io.selvedge.storage;

import java.util.Optional;
import java.util.UUID;

/**
 * Which outbox publication a listener is being handed. Delivery is at least once (a node that dies
 * after a listener's work but before the publication is marked complete delivers it again at its next
 * start), so a listener whose work must happen once records this id with its work and drops a delivery
 * whose id it has seen.
 */
public interface EventDeliveries {

    /**
     * The id of the publication of this event (the very instance the listener was handed) to the
     * listener with this id; empty for an event that did not come through the outbox.
     */
    Optional<UUID> publicationOf(Object event, String listenerId);
}
