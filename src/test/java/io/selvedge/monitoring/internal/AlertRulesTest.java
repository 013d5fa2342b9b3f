package io.selvedge.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.platform.Refusal;
import io.selvedge.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @Test
    void repeatsFoldIntoAnOpenOrAcknowledgedAlertButAResolvedKeyOpensANewOne() {
        assertThat(AlertRules.foldsRepeats(AlertStatus.OPEN)).isTrue();
        assertThat(AlertRules.foldsRepeats(AlertStatus.ACKNOWLEDGED)).isTrue();
        assertThat(AlertRules.foldsRepeats(AlertStatus.RESOLVED)).isFalse();
    }

    @Test
    void anOpenAlertIsAcknowledgedOnceAndAResolvedOneCannotBe() {
        assertThat(AlertRules.acknowledges(AlertStatus.OPEN)).isTrue();
        assertThat(AlertRules.acknowledges(AlertStatus.ACKNOWLEDGED))
                .as("already on it: no change")
                .isFalse();
        assertThatThrownBy(() -> AlertRules.acknowledges(AlertStatus.RESOLVED)).isInstanceOf(Refusal.Conflict.class);
    }

    @Test
    void anOpenOrAcknowledgedAlertIsResolvedOnce() {
        assertThat(AlertRules.resolves(AlertStatus.OPEN)).isTrue();
        assertThat(AlertRules.resolves(AlertStatus.ACKNOWLEDGED)).isTrue();
        assertThat(AlertRules.resolves(AlertStatus.RESOLVED)).isFalse();
    }

    @Test
    void aCriticalAlertNobodyAcknowledgedEscalatesWhenItsTimeIsUpAndOnlyOnce() {
        MovableClock clock = new MovableClock();
        Instant opened = clock.instant();
        clock.advance(FIFTEEN_MINUTES.minusSeconds(1));
        assertThat(escalates(AlertSeverity.CRITICAL, AlertStatus.OPEN, opened, null, clock))
                .isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(escalates(AlertSeverity.CRITICAL, AlertStatus.OPEN, opened, null, clock))
                .isTrue();
        assertThat(escalates(AlertSeverity.CRITICAL, AlertStatus.OPEN, opened, clock.instant(), clock))
                .as("escalated before")
                .isFalse();
    }

    @Test
    void anAcknowledgedResolvedOrLessThanCriticalAlertNeverEscalates() {
        MovableClock clock = new MovableClock();
        Instant opened = clock.instant();
        clock.advance(Duration.ofDays(1));
        assertThat(escalates(AlertSeverity.CRITICAL, AlertStatus.ACKNOWLEDGED, opened, null, clock))
                .isFalse();
        assertThat(escalates(AlertSeverity.CRITICAL, AlertStatus.RESOLVED, opened, null, clock))
                .isFalse();
        assertThat(escalates(AlertSeverity.WARNING, AlertStatus.OPEN, opened, null, clock))
                .isFalse();
        assertThat(escalates(AlertSeverity.INFO, AlertStatus.OPEN, opened, null, clock))
                .isFalse();
    }

    @Test
    void aSignalThatCannotNameARunbookOrCarriesTooMuchIsRefused() {
        assertThat(AlertRules.checked(signal("password-spraying", "203.0.113.9", "Spraying", Map.of())))
                .isNotNull();
        assertThatThrownBy(() -> AlertRules.checked(signal("../etc/passwd", "k", "s", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertRules.checked(signal("Spraying", "k", "s", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertRules.checked(signal("x", " ", "s", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertRules.checked(signal("x", "k".repeat(501), "s", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertRules.checked(signal("x", "k", "", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= AlertRules.MAX_DETAILS; i++) {
            many.put("d" + i, "v");
        }
        assertThatThrownBy(() -> AlertRules.checked(signal("x", "k", "s", many)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertRules.checked(signal("x", "k", "s", Map.of("d", "v".repeat(1001)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRunbookOfADetectionIsItsPageUnderTheConfiguredBase() {
        AlertProperties properties = new AlertProperties(FIFTEEN_MINUTES, Duration.ofMinutes(1), "docs/runbooks/");
        assertThat(properties.runbookOf("password-spraying")).isEqualTo("docs/runbooks/password-spraying.md");
        assertThatThrownBy(() -> new AlertProperties(Duration.ZERO, Duration.ofMinutes(1), "docs/runbooks/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean escalates(
            AlertSeverity severity, AlertStatus status, Instant opened, Instant escalatedAt, MovableClock clock) {
        return AlertRules.escalates(severity, status, opened, escalatedAt, clock.instant(), FIFTEEN_MINUTES);
    }

    private static AlertSignal signal(String detection, String key, String summary, Map<String, String> details) {
        return new AlertSignal(detection, AlertSeverity.CRITICAL, AlertCategory.SECURITY, null, key, summary, details);
    }
}
