package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditPage;
import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.audit.ExportFormat;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.ResidencyReport;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The nightly verification of every trail, and the nightly residency scan. */
class NightlyChecksTest {

    private final Fixtures given = new Fixtures();
    private final UUID clean = UUID.randomUUID();
    private final UUID tampered = UUID.randomUUID();

    /** Trails whose verification answers as set: the audit module's own verification is tested there. */
    private static final class Trails implements AuditTrail {
        final Map<@Nullable UUID, AuditVerification> results = new HashMap<>();

        @Override
        public AuditPage find(@Nullable UUID groupId, AuditFilter filter, int limit, @Nullable String cursor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void export(
                @Nullable UUID groupId,
                AuditFilter filter,
                ExportFormat format,
                OutputStream out,
                UnaryOperator<AuditEntry> shown,
                AuditActor by) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UUID> groupTrails() {
            return results.keySet().stream().filter(id -> id != null).toList();
        }

        @Override
        public AuditVerification verify(@Nullable UUID groupId) {
            AuditVerification result = results.get(groupId);
            if (result == null) {
                throw new IllegalStateException("store unreachable");
            }
            return result;
        }
    }

    @Test
    void aTrailThatFailsVerificationRaisesACriticalSecurityAlertForItsGroup() {
        Trails trails = new Trails();
        trails.results.put(null, AuditVerification.passed(10));
        trails.results.put(clean, AuditVerification.passed(5));
        trails.results.put(tampered, AuditVerification.failed(7, 4, "altered"));
        TrailVerification verification =
                new TrailVerification(new TrailVerification.Settings(true, "-"), trails, given.alerts, given.clock);

        assertThat(verification.verifyAll()).isEqualTo(1);

        assertThat(given.alerts.signals).singleElement().satisfies(signal -> {
            assertThat(signal.groupId()).isEqualTo(tampered);
            assertThat(signal.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(signal.category()).isEqualTo(AlertCategory.SECURITY);
            assertThat(signal.details()).containsEntry("first bad entry", "4").containsEntry("problem", "altered");
        });
    }

    @Test
    void aTrailThatCannotBeReadIsAnOperationsWarningAndTheOthersAreStillVerified() {
        Trails trails = new Trails();
        trails.results.put(tampered, AuditVerification.failed(7, 4, "removed"));
        TrailVerification verification =
                new TrailVerification(new TrailVerification.Settings(true, "-"), trails, given.alerts, given.clock);

        verification.verifyAll(); // the platform trail has no answer: unreadable

        assertThat(given.alerts.signals)
                .extracting(signal -> signal.category())
                .containsExactlyInAnyOrder(AlertCategory.OPERATIONS, AlertCategory.SECURITY);
    }

    @Test
    void dataOfAGroupFoundOutsideItsRegionIsAResidencyViolation() {
        ResidencyViolation residency = new ResidencyViolation(
                new ResidencyViolation.Settings(true, "-"), new Trails(), id -> null, given.alerts, given.clock);
        ResidencyReport report = new ResidencyReport(
                tampered,
                "eu",
                List.of(),
                List.of(new ResidencyReport.Finding("us", ResidencyReport.Kind.BLOB_STORE, "s3://us", "files/", 3)),
                Instant.now());

        residency.check(new ResidencyReport(clean, "eu", List.of(), List.of(), Instant.now()));
        residency.check(report);

        assertThat(given.alerts.signals).singleElement().satisfies(signal -> {
            assertThat(signal.groupId()).isEqualTo(tampered);
            assertThat(signal.details()).containsEntry("found", "blob-store in us");
        });
    }
}
