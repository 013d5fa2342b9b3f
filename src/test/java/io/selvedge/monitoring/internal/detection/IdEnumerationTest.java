package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.AccessDenied;
import io.selvedge.access.Action;
import io.selvedge.access.Level;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdEnumerationTest {

    private final Fixtures given = new Fixtures();
    private final IdEnumeration detection =
            new IdEnumeration(new IdEnumeration.Settings(true, 30, Duration.ofMinutes(5)), given.windows, given.alerts);
    private final UUID group = UUID.randomUUID();
    private final UUID caller = UUID.randomUUID();

    private AccessDenied denied(int status) {
        return new AccessDenied(
                group, caller, Action.values()[0], UUID.randomUUID(), Level.STYLE, status, Fixtures.from("192.0.2.5"));
    }

    @Test
    void aBurstOf404sOnAGroupsIdsOpensOneAlertForTheGroup() {
        for (int i = 0; i < 100; i++) {
            detection.on(denied(404));
        }

        assertThat(given.alerts.open()).hasSize(1);
        assertThat(given.alerts.last().groupId()).isEqualTo(group);
        assertThat(given.alerts.last().details()).containsEntry("caller", "account " + caller);
    }

    @Test
    void refusalsTheCallerMaySeeAreNotEnumeration() {
        for (int i = 0; i < 100; i++) {
            detection.on(denied(403));
        }

        assertThat(given.alerts.signals).isEmpty();
    }
}
