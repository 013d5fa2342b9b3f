package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditExported;
import io.selvedge.audit.ExportFormat;
import io.selvedge.content.VersionDownloaded;
import io.selvedge.platform.AuditActor;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MassDownloadTest {

    private final Fixtures given = new Fixtures();
    private final MassDownload detection = new MassDownload(
            new MassDownload.Settings(true, 20, 5, Duration.ofHours(1), DataSize.ofGigabytes(1)),
            given.windows,
            given.alerts);
    private final UUID group = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();

    private void downloads(int count) {
        downloads(count, 1024 * 1024);
    }

    private void downloads(int count, long bytes) {
        for (int i = 0; i < count; i++) {
            detection.on(new VersionDownloaded(
                    group,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    false,
                    bytes,
                    AuditActor.account(account),
                    Fixtures.from("192.0.2.1")));
        }
    }

    @Test
    void anAccountDownloadingFarMoreThanItsMinimumOpensOneAlertForItsGroup() {
        downloads(40);

        assertThat(given.alerts.open()).hasSize(1);
        assertThat(given.alerts.last().groupId()).isEqualTo(group);
        assertThat(given.alerts.last().details()).containsEntry("account", account.toString());
    }

    @Test
    void anAccountThatUsuallyDownloadsMuchIsMeasuredAgainstItsOwnRate() {
        for (int hour = 0; hour < 24; hour++) {
            downloads(30);
            given.clock.advance(Duration.ofHours(1));
        }
        int raisedWhileUsual = given.alerts.open().size();

        downloads(100); // its usual rate, give or take
        assertThat(given.alerts.open()).hasSize(raisedWhileUsual);

        given.clock.advance(Duration.ofHours(1));
        downloads(400);
        assertThat(given.alerts.open()).hasSize(raisedWhileUsual + 1);
    }

    @Test
    void aFewHugeDownloadsPastTheMinimumBytesOpenAnAlertTheCountWouldNot() {
        downloads(3, 300L * 1024 * 1024);
        assertThat(given.alerts.open()).isEmpty();

        downloads(1, 300L * 1024 * 1024); // 1.2 GiB in four downloads, past the 1 GiB minimum

        assertThat(given.alerts.open()).hasSize(1);
        assertThat(given.alerts.last().details()).containsEntry("bytes", Long.toString(1200L * 1024 * 1024));
    }

    @Test
    void exportsOfATrailCountAsWell() {
        for (int i = 0; i < 21; i++) {
            detection.on(new AuditExported(
                    group, ExportFormat.CSV, AuditActor.account(account), Fixtures.from("192.0.2.1")));
        }

        assertThat(given.alerts.open()).hasSize(1);
    }

    @Test
    void downloadsThroughShareLinksHaveNoAccountAndAreNotCounted() {
        for (int i = 0; i < 40; i++) {
            detection.on(new VersionDownloaded(
                    group,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    false,
                    1024,
                    AuditActor.link(UUID.randomUUID()),
                    Fixtures.from("192.0.2.1")));
        }

        assertThat(given.alerts.signals).isEmpty();
    }
}
