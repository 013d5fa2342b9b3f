package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.content.GroupUsage;
import io.selvedge.content.VersionUploaded;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.platform.AuditActor;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuotaNearFullTest {

    private final Fixtures given = new Fixtures();
    private final UUID group = UUID.randomUUID();
    private final AtomicLong used = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final GroupUsage usage = id -> {
        reads.incrementAndGet();
        return new GroupUsage.Usage(used.get(), 1000);
    };
    private final QuotaNearFull detection = new QuotaNearFull(
            new QuotaNearFull.Settings(true, 90, Duration.ofMinutes(10)), given.windows, usage, given.alerts);

    private void upload() {
        detection.on(new VersionUploaded(
                group,
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                10,
                AuditActor.account(UUID.randomUUID()),
                Fixtures.from("192.0.2.1")));
    }

    @Test
    void anUploadThatTakesTheGroupPastNinetyPercentOfItsQuotaIsRaisedForTheGroup() {
        used.set(500);
        upload();
        assertThat(given.alerts.signals).isEmpty();

        used.set(950);
        given.clock.advance(Duration.ofMinutes(11));
        upload();

        assertThat(given.alerts.last().groupId()).isEqualTo(group);
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(given.alerts.last().details()).containsEntry("used", "95.0%");
    }

    @Test
    void aBurstOfUploadsReadsTheUsageOnce() {
        for (int i = 0; i < 50; i++) {
            upload();
        }

        assertThat(reads).hasValue(1);
    }
}
