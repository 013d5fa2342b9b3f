package io.selvedge.monitoring.internal.detection;

import static io.selvedge.monitoring.internal.detection.Fixtures.wrongPassword;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordSprayingTest {

    private final Fixtures given = new Fixtures();
    private final PasswordSpraying spraying = new PasswordSpraying(
            new PasswordSpraying.Settings(true, 10, Duration.ofMinutes(10)), given.windows, given.alerts);

    @Test
    void signInsOfManyAccountsFailingFromOneAddressOpenOneSecurityAlert() {
        for (int i = 0; i < 30; i++) {
            spraying.on(wrongPassword(UUID.randomUUID(), "203.0.113.9"));
        }

        assertThat(given.alerts.open()).hasSize(1);
        assertThat(given.alerts.signals).hasSize(20); // the 11th account on: repeats fold into the one alert
        assertThat(given.alerts.last().category()).isEqualTo(AlertCategory.SECURITY);
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(given.alerts.last().details()).containsEntry("address", "203.0.113.9");
        assertThat(given.alerts.last().groupId()).isNull();
    }

    @Test
    void oneAccountMistypingItsPasswordAgainAndAgainIsNotSpraying() {
        UUID account = UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            spraying.on(wrongPassword(account, "203.0.113.9"));
        }

        assertThat(given.alerts.signals).isEmpty();
    }

    @Test
    void failuresSpreadOverHoursAndAddressesRaiseNothing() {
        for (int i = 0; i < 30; i++) {
            spraying.on(wrongPassword(UUID.randomUUID(), "203.0.113." + (i % 5)));
            given.clock.advance(Duration.ofMinutes(1));
        }

        assertThat(given.alerts.signals).isEmpty();
    }

    @Test
    void unknownUsernamesCountAsAccounts() {
        for (int i = 0; i < 11; i++) {
            spraying.on(new io.selvedge.identity.SignInFailed(
                    null, "password", "unknown-account", Fixtures.from("198.51.100.7")));
        }

        assertThat(given.alerts.open()).hasSize(1);
    }

    @Test
    void wrongCodesRefusedPasskeysAndADirectoryOutageFromOneAddressAreNotSpraying() {
        for (int i = 0; i < 30; i++) {
            spraying.on(Fixtures.wrongCode(UUID.randomUUID(), "203.0.113.9"));
            spraying.on(new io.selvedge.identity.SignInFailed(
                    null, "passkey", "passkey-rejected", Fixtures.from("203.0.113.9")));
            spraying.on(new io.selvedge.identity.SignInFailed(
                    UUID.randomUUID(), "ldap", "directory-unreachable", Fixtures.from("203.0.113.9")));
        }

        assertThat(given.alerts.signals).isEmpty();
    }

    @Test
    void passwordsTheDirectoryRefusesCount() {
        for (int i = 0; i < 11; i++) {
            spraying.on(new io.selvedge.identity.SignInFailed(
                    UUID.randomUUID(), "ldap", "wrong-password", Fixtures.from("203.0.113.9")));
        }

        assertThat(given.alerts.open()).hasSize(1);
    }

    @Test
    void aLaterAttackInAnotherWindowIsAnotherAlert() {
        for (int i = 0; i < 11; i++) {
            spraying.on(wrongPassword(UUID.randomUUID(), "203.0.113.9"));
        }
        given.clock.advance(Duration.ofHours(2));
        for (int i = 0; i < 11; i++) {
            spraying.on(wrongPassword(UUID.randomUUID(), "203.0.113.9"));
        }

        assertThat(given.alerts.open()).hasSize(2);
    }
}
