package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MfaCodeGuessingTest {

    private final Fixtures given = new Fixtures();
    private final MfaCodeGuessing guessing = new MfaCodeGuessing(
            new MfaCodeGuessing.Settings(true, 5, Duration.ofMinutes(10)), given.windows, given.alerts);

    @Test
    void wrongCodesForOneAccountOpenOneAlert() {
        UUID account = UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            guessing.on(Fixtures.wrongCode(account, "192.0.2." + i));
        }

        assertThat(given.alerts.open()).singleElement().asString().startsWith("mfa-code-guessing:" + account);
    }

    @Test
    void wrongPasswordsAreNotCodeGuessing() {
        UUID account = UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            guessing.on(Fixtures.wrongPassword(account, "192.0.2.1"));
        }

        assertThat(given.alerts.signals).isEmpty();
    }

    @Test
    void aDisabledDetectionIsNotListenedTo() {
        MfaCodeGuessing off = new MfaCodeGuessing(
                new MfaCodeGuessing.Settings(false, 5, Duration.ofMinutes(10)), given.windows, given.alerts);
        AuditedEventDetections listener = new AuditedEventDetections(java.util.List.of(off), Runnable::run);
        UUID account = UUID.randomUUID();

        for (int i = 0; i < 12; i++) {
            listener.on(Fixtures.wrongCode(account, "192.0.2.1"));
        }

        assertThat(given.alerts.signals).isEmpty();
    }
}
