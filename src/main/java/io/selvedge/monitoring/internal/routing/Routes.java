package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.internal.AlertChanged;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which teams an alert goes to: the teams of every rule it matches, each once. */
final class Routes {

    private Routes() {}

    static Set<UUID> teamsFor(AlertChanged alert, List<Rule> rules) {
        Set<UUID> teams = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.matches(alert)) {
                teams.add(rule.teamId());
            }
        }
        return teams;
    }

    /** Whether a group's alert reaches the group's security contacts, who chose the least severe they want. */
    static boolean toContacts(AlertChanged alert, AlertSeverity contactsMinSeverity) {
        return alert.groupId() != null && alert.severity().compareTo(contactsMinSeverity) >= 0;
    }
}
