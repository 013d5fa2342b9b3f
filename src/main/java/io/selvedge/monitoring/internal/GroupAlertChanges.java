package io.selvedge.monitoring.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.storage.GroupDataPlanes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A group's alert change as routing sends it, rebuilt from the alert in the group's region at send time: a
 * delivery waiting in the global store keeps only the change's ids and metadata, never what the alert says.
 */
@Service
public class GroupAlertChanges {

    private final GroupDataPlanes planes;
    private final AlertRows rows;
    private final AlertSeals seals;

    GroupAlertChanges(GroupDataPlanes planes, AlertRows rows, FieldCiphers ciphers) {
        this.planes = planes;
        this.rows = rows;
        this.seals = new AlertSeals(ciphers);
    }

    /**
     * The change of the group's alert as it reads now (its count: the signals folded in so far); empty when the
     * alert is gone.
     *
     * @throws io.selvedge.storage.UnknownGroupException when the group is gone
     */
    public Optional<AlertChanged> of(
            UUID groupId, UUID alertId, AlertChanged.Change change, Instant at, @Nullable UUID by) {
        return rows.find(planes.of(groupId).jdbc(), groupId, alertId)
                .map(seals::open)
                .map(alert -> alert.changed(change, at, by));
    }
}
