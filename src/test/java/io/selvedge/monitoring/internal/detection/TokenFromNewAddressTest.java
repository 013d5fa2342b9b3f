package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.TokenUsedFromNewAddress;
import io.selvedge.monitoring.AlertSeverity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenFromNewAddressTest {

    private final Fixtures given = new Fixtures();
    private final TokenFromNewAddress detection =
            new TokenFromNewAddress(new TokenFromNewAddress.Settings(true, AlertSeverity.WARNING), given.alerts);

    @Test
    void aTokenUsedFromANewAddressOpensOneAlertPerTokenAndAddress() {
        UUID account = UUID.randomUUID();
        UUID token = UUID.randomUUID();

        detection.on(new TokenUsedFromNewAddress(account, token, Fixtures.from("198.51.100.20")));
        detection.on(new TokenUsedFromNewAddress(account, token, Fixtures.from("198.51.100.20")));
        detection.on(new TokenUsedFromNewAddress(account, token, Fixtures.from("198.51.100.21")));

        assertThat(given.alerts.open()).hasSize(2);
        assertThat(given.alerts.last().details())
                .containsEntry("token", token.toString())
                .containsEntry("address", "198.51.100.21");
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.WARNING);
    }
}
