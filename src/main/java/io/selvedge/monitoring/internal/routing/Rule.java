package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.internal.AlertChanged;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Alerts of a category, at least this severe (and of this group, when one is named), go to the team. */
public record Rule(
        UUID id,
        AlertCategory category,
        AlertSeverity minSeverity,
        @Nullable UUID groupId,
        UUID teamId) {

    boolean matches(AlertChanged alert) {
        return alert.category() == category
                && alert.severity().compareTo(minSeverity) >= 0
                && (groupId == null || groupId.equals(alert.groupId()));
    }
}
