package io.selvedge.monitoring.internal.routing;

import static io.selvedge.monitoring.internal.routing.Alerts.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutesTest {

    static final List<Rule> DEFAULTS = List.of(
            new Rule(UUID.randomUUID(), AlertCategory.SECURITY, AlertSeverity.INFO, null, Team.SECURITY),
            new Rule(UUID.randomUUID(), AlertCategory.OPERATIONS, AlertSeverity.INFO, null, Team.OPERATIONS),
            new Rule(UUID.randomUUID(), AlertCategory.NETWORK, AlertSeverity.INFO, null, Team.NETWORK));

    @Test
    void eachCategoryGoesToItsTeamByDefault() {
        assertThat(Routes.teamsFor(anAlert(AlertCategory.SECURITY, AlertSeverity.INFO, null), DEFAULTS))
                .containsExactly(Team.SECURITY);
        assertThat(Routes.teamsFor(anAlert(AlertCategory.OPERATIONS, AlertSeverity.WARNING, null), DEFAULTS))
                .containsExactly(Team.OPERATIONS);
        assertThat(Routes.teamsFor(anAlert(AlertCategory.NETWORK, AlertSeverity.CRITICAL, null), DEFAULTS))
                .containsExactly(Team.NETWORK);
    }

    @Test
    void aRuleWithAMinimumSeverityTakesOnlyAlertsAtLeastThatSevere() {
        UUID onCall = UUID.randomUUID();
        List<Rule> rules = List.of(
                DEFAULTS.get(0),
                new Rule(UUID.randomUUID(), AlertCategory.SECURITY, AlertSeverity.CRITICAL, null, onCall));
        assertThat(Routes.teamsFor(anAlert(AlertCategory.SECURITY, AlertSeverity.WARNING, null), rules))
                .containsExactly(Team.SECURITY);
        assertThat(Routes.teamsFor(anAlert(AlertCategory.SECURITY, AlertSeverity.CRITICAL, null), rules))
                .containsExactly(Team.SECURITY, onCall);
    }

    @Test
    void aRuleNamingAGroupTakesOnlyThatGroupsAlerts() {
        UUID group = UUID.randomUUID();
        UUID accountTeam = UUID.randomUUID();
        List<Rule> rules =
                List.of(new Rule(UUID.randomUUID(), AlertCategory.SECURITY, AlertSeverity.INFO, group, accountTeam));
        assertThat(Routes.teamsFor(anAlert(AlertCategory.SECURITY, AlertSeverity.INFO, group), rules))
                .containsExactly(accountTeam);
        assertThat(Routes.teamsFor(anAlert(AlertCategory.SECURITY, AlertSeverity.INFO, UUID.randomUUID()), rules))
                .isEmpty();
        assertThat(Routes.teamsFor(anAlert(AlertCategory.SECURITY, AlertSeverity.INFO, null), rules))
                .isEmpty();
    }

    @Test
    void twoRulesToOneTeamSendItOnce() {
        List<Rule> rules = List.of(
                DEFAULTS.get(0),
                new Rule(UUID.randomUUID(), AlertCategory.SECURITY, AlertSeverity.WARNING, null, Team.SECURITY));
        assertThat(Routes.teamsFor(anAlert(AlertCategory.SECURITY, AlertSeverity.CRITICAL, null), rules))
                .containsExactly(Team.SECURITY);
    }

    @Test
    void aGroupsContactsGetItsAlertsFromTheSeverityTheyChose() {
        UUID group = UUID.randomUUID();
        assertThat(Routes.toContacts(anAlert(AlertCategory.NETWORK, AlertSeverity.INFO, group), AlertSeverity.WARNING))
                .isFalse();
        assertThat(Routes.toContacts(
                        anAlert(AlertCategory.NETWORK, AlertSeverity.WARNING, group), AlertSeverity.WARNING))
                .isTrue();
        assertThat(Routes.toContacts(anAlert(AlertCategory.SECURITY, AlertSeverity.INFO, group), AlertSeverity.INFO))
                .isTrue();
        assertThat(Routes.toContacts(anAlert(AlertCategory.SECURITY, AlertSeverity.CRITICAL, null), AlertSeverity.INFO))
                .as("an installation alert has no group contacts")
                .isFalse();
    }
}
