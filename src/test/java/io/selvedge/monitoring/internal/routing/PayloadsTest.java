package io.selvedge.monitoring.internal.routing;

import static io.selvedge.monitoring.internal.routing.Alerts.anAlert;
import static io.selvedge.monitoring.internal.routing.Alerts.changed;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.internal.AlertChanged;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PayloadsTest {

    final AlertChanged opened = anAlert(AlertCategory.SECURITY, AlertSeverity.CRITICAL, UUID.randomUUID());

    @Test
    void pagerDutyIsTriggeredWithTheAlertIdAsDedupKeyAndASummarySeverityAndSource() {
        JsonNode event = json(Payloads.pagerDuty(opened, "R0UT1NGKEY0000000000000000000000", "selvedge.example"));
        assertThat(event.get("routing_key").asString()).isEqualTo("R0UT1NGKEY0000000000000000000000");
        assertThat(event.get("event_action").asString()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asString()).isEqualTo(opened.alertId().toString());
        JsonNode payload = event.get("payload");
        assertThat(payload.get("summary").asString())
                .isEqualTo("[CRITICAL] security alert opened: password-spraying: Many accounts failing from"
                        + " 203.0.113.7 (3 signals)");
        assertThat(payload.get("severity").asString()).isEqualTo("critical");
        assertThat(payload.get("source").asString()).isEqualTo("selvedge.example");
        assertThat(payload.get("custom_details").get("address").asString()).isEqualTo("203.0.113.7");
    }

    @Test
    void pagerDutyAcknowledgesAndResolvesTheSameIncident() {
        JsonNode acknowledged = json(Payloads.pagerDuty(
                changed(opened, AlertChanged.Change.ACKNOWLEDGED), "R0UT1NGKEY0000000000000000000000", "s"));
        JsonNode resolved = json(Payloads.pagerDuty(
                changed(opened, AlertChanged.Change.RESOLVED), "R0UT1NGKEY0000000000000000000000", "s"));
        assertThat(acknowledged.get("event_action").asString()).isEqualTo("acknowledge");
        assertThat(resolved.get("event_action").asString()).isEqualTo("resolve");
        assertThat(acknowledged.get("dedup_key").asString())
                .isEqualTo(opened.alertId().toString());
        assertThat(resolved.get("dedup_key").asString())
                .isEqualTo(opened.alertId().toString());
        assertThat(resolved.has("payload")).isFalse();
        assertThat(Payloads.pagerDutyAction(AlertChanged.Change.ESCALATED)).isEqualTo("trigger");
    }

    @Test
    void slackGetsOneLineOfText() {
        JsonNode body = json(Payloads.slack(opened));
        assertThat(body.propertyNames()).containsExactly("text");
        assertThat(body.get("text").asString())
                .startsWith("[CRITICAL] security alert opened: password-spraying: ")
                .doesNotContain("\n");
    }

    @Test
    void theWebhookCarriesTheAlertsFacts() {
        JsonNode body = json(Payloads.webhook(opened));
        assertThat(body.get("alertId").asString()).isEqualTo(opened.alertId().toString());
        assertThat(body.get("change").asString()).isEqualTo("OPENED");
        assertThat(body.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(body.get("category").asString()).isEqualTo("SECURITY");
        assertThat(body.get("groupId").asString()).isEqualTo(opened.groupId().toString());
        assertThat(body.get("count").asLong()).isEqualTo(3);
        assertThat(body.get("details").get("accounts").asString()).isEqualTo("40");
    }

    @Test
    void aSummaryWithLineBreaksStaysOneLineInTheMailSubject() {
        AlertChanged broken = new AlertChanged(
                opened.alertId(),
                opened.change(),
                opened.detection(),
                opened.severity(),
                opened.category(),
                null,
                opened.dedupKey(),
                "two\r\nlines",
                opened.details(),
                1,
                opened.at(),
                null);
        assertThat(Payloads.subject(broken))
                .doesNotContain("\n")
                .doesNotContain("\r")
                .endsWith("two lines");
    }

    private static JsonNode json(String text) {
        return Payloads.JSON.readTree(text);
    }
}
