package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;

/** The metric and health detections, over meters registered as the application registers them. */
class MetricDetectionsTest {

    private final Fixtures given = new Fixtures();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Meters meters = new Meters(registry);

    @Test
    void aStoreWhoseHealthCheckIsDownOpensOneCriticalAlertPerDay() {
        AtomicInteger downs = new AtomicInteger();
        HealthIndicator eu =
                () -> downs.get() > 0 ? Health.down().build() : Health.up().build();
        DefaultHealthContributorRegistry health = new DefaultHealthContributorRegistry();
        health.registerContributor(
                "stores", CompositeHealthContributor.fromMap(java.util.Map.of("eu", eu, "global", (HealthIndicator)
                        () -> Health.up().build())));
        StoreUnhealthy detection = new StoreUnhealthy(
                new StoreUnhealthy.Settings(true, List.of("stores")), health, given.alerts, given.clock);

        detection.evaluate();
        assertThat(given.alerts.signals).isEmpty();

        downs.set(1);
        detection.evaluate();
        detection.evaluate();

        assertThat(given.alerts.open()).singleElement().asString().startsWith("store-unhealthy:stores/eu:");
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(given.alerts.last().category()).isEqualTo(AlertCategory.OPERATIONS);
    }

    @Test
    void newDeadLettersAndAnOutboxThatDoesNotDrainAreRaised() {
        AtomicLong dead = new AtomicLong(3);
        AtomicLong pending = new AtomicLong(0);
        Gauge.builder(MailOutbox.METER, dead, AtomicLong::get)
                .tag("status", "dead")
                .register(registry);
        Gauge.builder(MailOutbox.METER, pending, AtomicLong::get)
                .tag("status", "pending")
                .register(registry);
        MailOutbox detection = new MailOutbox(
                new MailOutbox.Settings(true, 50, Duration.ofMinutes(15)), meters, given.alerts, given.clock);

        detection.evaluate(); // the dead letters already there were raised by an earlier run
        assertThat(given.alerts.signals).isEmpty();

        dead.set(4);
        detection.evaluate();
        assertThat(given.alerts.open()).singleElement().asString().startsWith("mail-outbox:dead:");

        pending.set(80);
        for (int i = 0; i < 40; i++) {
            given.clock.advance(Duration.ofSeconds(30));
            detection.evaluate();
        }
        assertThat(given.alerts.open()).hasSize(2).anyMatch(key -> key.startsWith("mail-outbox:stuck:"));
    }

    @Test
    void anOutboxWithMuchWaitingThatDrainsIsNotStuck() {
        AtomicLong pending = new AtomicLong(500);
        Gauge.builder(MailOutbox.METER, pending, AtomicLong::get)
                .tag("status", "pending")
                .register(registry);
        MailOutbox detection = new MailOutbox(
                new MailOutbox.Settings(true, 50, Duration.ofMinutes(15)), meters, given.alerts, given.clock);

        for (int i = 0; i < 40; i++) {
            pending.addAndGet(-10);
            given.clock.advance(Duration.ofSeconds(30));
            detection.evaluate();
        }

        assertThat(given.alerts.signals).isEmpty();
    }

    @Test
    void failedEventPublicationsAreRaised() {
        AtomicInteger failed = new AtomicInteger();
        EventDeliveriesFailing detection = new EventDeliveriesFailing(
                new EventDeliveriesFailing.Settings(true, 0), failed::get, given.alerts, given.clock);

        detection.evaluate();
        failed.set(2);
        detection.evaluate();

        assertThat(given.alerts.last().details()).containsEntry("failed publications", "2");
    }

    @Test
    void aDiskWithLessThanATenthFreeIsRaisedAndCriticalUnderATwentieth() {
        AtomicLong free = new AtomicLong(500);
        Gauge.builder("disk.free", free, AtomicLong::get).tag("path", "/data").register(registry);
        Gauge.builder("disk.total", () -> 1000).tag("path", "/data").register(registry);
        DiskNearFull detection =
                new DiskNearFull(new DiskNearFull.Settings(true, 10), meters, given.alerts, given.clock);

        detection.evaluate();
        free.set(80);
        detection.evaluate();
        free.set(30);
        detection.evaluate();

        assertThat(given.alerts.signals)
                .extracting(signal -> signal.severity())
                .containsExactly(AlertSeverity.WARNING, AlertSeverity.CRITICAL);
    }

    @Test
    void aCertificateExpiringWithin21DaysIsRaised() {
        AtomicLong secondsLeft = new AtomicLong(Duration.ofDays(60).toSeconds());
        TimeGauge.builder(CertificateExpiring.METER, secondsLeft, TimeUnit.SECONDS, AtomicLong::get)
                .tags("bundle", "server", "certificate", "1f", "chain", "server")
                .register(registry);
        CertificateExpiring detection = new CertificateExpiring(
                new CertificateExpiring.Settings(true, Duration.ofDays(21), Duration.ofDays(3)), meters, given.alerts);

        detection.evaluate();
        assertThat(given.alerts.signals).isEmpty();

        secondsLeft.set(Duration.ofDays(20).toSeconds());
        detection.evaluate();

        assertThat(given.alerts.last().details())
                .containsEntry("days left", "20")
                .containsEntry("bundle", "server");
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.WARNING);
    }

    @Test
    void aStormOfRefusedRequestsBetweenTwoEvaluationsIsRaised() {
        Counter limited = registry.counter("selvedge.rate.limited", "limit", "api");
        RateLimitStorm detection =
                new RateLimitStorm(new RateLimitStorm.Settings(true, 100), meters, given.alerts, given.clock);

        detection.evaluate();
        limited.increment(50);
        detection.evaluate();
        assertThat(given.alerts.signals).isEmpty();

        limited.increment(300);
        detection.evaluate();
        assertThat(given.alerts.last().category()).isEqualTo(AlertCategory.NETWORK);
    }

    @Test
    void serverErrorsAboveTheRateAndSlowRequestsAreRaised() {
        Timer ok = registry.timer(HttpErrorsAndLatency.METER, "outcome", "SUCCESS", "status", "200");
        Timer failed = registry.timer(HttpErrorsAndLatency.METER, "outcome", "SERVER_ERROR", "status", "500");
        HttpErrorsAndLatency detection = new HttpErrorsAndLatency(
                new HttpErrorsAndLatency.Settings(true, 20, 5, Duration.ofSeconds(2)),
                meters,
                given.alerts,
                given.clock);
        detection.evaluate();

        for (int i = 0; i < 95; i++) {
            ok.record(Duration.ofMillis(50));
        }
        for (int i = 0; i < 3; i++) {
            failed.record(Duration.ofMillis(50));
        }
        detection.evaluate();
        assertThat(given.alerts.signals).isEmpty();

        for (int i = 0; i < 20; i++) {
            failed.record(Duration.ofMillis(10));
            ok.record(Duration.ofSeconds(9));
        }
        detection.evaluate();

        assertThat(given.alerts.signals)
                .extracting(signal -> signal.detection())
                .containsExactlyInAnyOrder(HttpErrorsAndLatency.ERROR_RATE, HttpErrorsAndLatency.LATENCY);
    }

    @Test
    void aSurgeOfFailedTlsHandshakesIsRaised() {
        Counter protocol = registry.counter(TlsHandshakeFailures.METER, "reason", "SSLHandshakeException");
        TlsHandshakeFailures detection = new TlsHandshakeFailures(
                new TlsHandshakeFailures.Settings(true, 50), meters, given.alerts, given.clock);

        protocol.increment(500); // before the first evaluation: counted since the start, not a surge
        detection.evaluate();
        protocol.increment(10);
        detection.evaluate();
        assertThat(given.alerts.signals).isEmpty();

        protocol.increment(80);
        detection.evaluate();
        assertThat(given.alerts.last().details()).containsEntry("failed", "80");
    }

    @Test
    void aReEncryptionJobThatStopsOnAFailureIsRaised() {
        Counter stopped = registry.counter(KeyRotationFailing.METER);
        KeyRotationFailing detection =
                new KeyRotationFailing(new KeyRotationFailing.Settings(true), meters, given.alerts, given.clock);

        detection.evaluate();
        detection.evaluate();
        assertThat(given.alerts.signals).isEmpty();

        stopped.increment();
        detection.evaluate();
        assertThat(given.alerts.last().severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(given.alerts.last().details()).containsEntry("jobs stopped", "1");
    }
}
