package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.AccessRequestChanged;
import io.selvedge.access.BreakGlassAccountsChanged;
import io.selvedge.crypto.TamperDetected;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.protection.BlockAdded;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The detections that turn one event into one alert: tamper, break-glass changes, automatic blocks. */
class EventDetectionsTest {

    private final Fixtures given = new Fixtures();

    @Test
    void tamperDetectedIsCriticalForTheGroupAndRepeatedReadsFold() {
        UUID group = UUID.randomUUID();
        AuditTamper tamper = new AuditTamper(new AuditTamper.Settings(true), given.alerts);

        for (int i = 0; i < 3; i++) {
            tamper.on(new TamperDetected(group, "field", "styles.name#42", Fixtures.from("192.0.2.1")));
        }

        assertThat(given.alerts.open()).hasSize(1);
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(given.alerts.last().groupId()).isEqualTo(group);
    }

    @Test
    void breakGlassAccountsNamedAnewAreToldToTheGroupAndAnotherChangeFoldsIntoTheOpenAlert() {
        UUID group = UUID.randomUUID();
        StaffAccess detection = new StaffAccess(new StaffAccess.Settings(true), given.alerts);
        detection.on(new BreakGlassAccountsChanged(
                group, AuditActor.account(UUID.randomUUID()), 1, Fixtures.from("192.0.2.1")));
        detection.on(new BreakGlassAccountsChanged(
                group, AuditActor.account(UUID.randomUUID()), 2, Fixtures.from("192.0.2.1")));

        assertThat(given.alerts.open())
                .as("each request has its own id; the changes fold")
                .hasSize(1);
        assertThat(given.alerts.last().groupId()).isEqualTo(group);
        assertThat(given.alerts.last().details()).containsEntry("accounts", "2");
    }

    @Test
    void openedBreakGlassIsCriticalForTheGroupAndOnlyTheGroupTrailsCopyRaises() {
        UUID group = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        StaffAccess staff = new StaffAccess(new StaffAccess.Settings(true), given.alerts);
        AuditActor second = AuditActor.account(UUID.randomUUID());

        staff.on(new AccessRequestChanged(
                null, group, request, second, "break-glass-opened", Fixtures.from("192.0.2.1")));
        assertThat(given.alerts.open()).isEmpty();
        staff.on(new AccessRequestChanged(
                group, group, request, second, "break-glass-opened", Fixtures.from("192.0.2.1")));

        assertThat(given.alerts.open()).hasSize(1);
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(given.alerts.last().groupId()).isEqualTo(group);
        assertThat(given.alerts.last().details()).containsEntry("request", request.toString());
    }

    @Test
    void automaticBlocksAreNetworkAlertsAndManyMakeAStorm() {
        AutomaticBlocks blocks = new AutomaticBlocks(
                new AutomaticBlocks.Settings(true, 5, Duration.ofMinutes(10)), given.windows, given.alerts);

        blocks.on(new BlockAdded("address:192.0.2.9", UUID.randomUUID(), "staff", 1, Fixtures.from("192.0.2.1")));
        assertThat(given.alerts.signals).isEmpty();

        for (int i = 0; i < 8; i++) {
            blocks.on(new BlockAdded("address:192.0.2." + i, null, "not-found", 1, Fixtures.from("192.0.2." + i)));
        }

        assertThat(given.alerts.open()).hasSize(9).anyMatch(key -> key.startsWith("automatic-blocks:storm:"));
        assertThat(given.alerts.signals).allMatch(signal -> signal.category() == AlertCategory.NETWORK);
    }

    @Test
    void aDetectionThatFailsDoesNotStopTheOthers() {
        EventDetection failing = new EventDetection() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void on(AuditableEvent event) {
                throw new IllegalStateException("broken");
            }
        };
        AuditTamper tamper = new AuditTamper(new AuditTamper.Settings(true), given.alerts);

        new AuditedEventDetections(List.of(failing, tamper), Runnable::run)
                .on(new TamperDetected(null, "file", UUID.randomUUID().toString(), Fixtures.from("192.0.2.1")));

        assertThat(given.alerts.signals).hasSize(1);
    }
}
