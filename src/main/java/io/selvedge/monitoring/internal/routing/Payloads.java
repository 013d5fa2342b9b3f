package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.internal.AlertChanged;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What each kind of channel is sent for an alert's change: facts of the alert only, never customer content. */
final class Payloads {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {}

    /** The generic webhook's JSON body. */
    static String webhook(AlertChanged alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", alert.alertId().toString());
        body.put("change", alert.change().name());
        body.put("detection", alert.detection());
        body.put("severity", alert.severity().name());
        body.put("category", alert.category().name());
        body.put("groupId", alert.groupId() == null ? null : alert.groupId().toString());
        body.put("dedupKey", alert.dedupKey());
        body.put("summary", alert.summary());
        body.put("details", alert.details());
        body.put("count", alert.count());
        body.put("at", alert.at().toString());
        body.put("by", alert.by() == null ? null : alert.by().toString());
        return JSON.writeValueAsString(body);
    }

    /** A Slack-compatible incoming webhook's body: one line of text. */
    static String slack(AlertChanged alert) {
        return JSON.writeValueAsString(Map.of("text", line(alert)));
    }

    /**
     * A PagerDuty Events API v2 event: {@code trigger} when the alert opens or escalates, {@code acknowledge} and
     * {@code resolve} after; the alert's id is the {@code dedup_key}, so the three reach one incident.
     */
    static String pagerDuty(AlertChanged alert, String routingKey, String source) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", routingKey);
        event.put("event_action", pagerDutyAction(alert.change()));
        event.put("dedup_key", alert.alertId().toString());
        if (alert.change() == AlertChanged.Change.OPENED || alert.change() == AlertChanged.Change.ESCALATED) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", truncated(line(alert), 1024));
            payload.put("severity", alert.severity().name().toLowerCase(Locale.ROOT));
            payload.put("source", source);
            payload.put("component", alert.detection());
            payload.put("class", alert.category().name().toLowerCase(Locale.ROOT));
            payload.put("timestamp", alert.at().toString());
            payload.put("custom_details", alert.details());
            event.put("payload", payload);
        }
        return JSON.writeValueAsString(event);
    }

    static String pagerDutyAction(AlertChanged.Change change) {
        return switch (change) {
            case OPENED, ESCALATED -> "trigger";
            case ACKNOWLEDGED -> "acknowledge";
            case RESOLVED -> "resolve";
        };
    }

    /** The subject of an alert's mail: one line. */
    static String subject(AlertChanged alert) {
        return truncated(line(alert), 200);
    }

    /** The text of an alert's mail. */
    static String mailText(AlertChanged alert) {
        StringBuilder text = new StringBuilder()
                .append(line(alert))
                .append("\n\nAlert: ")
                .append(alert.alertId())
                .append("\nDetection: ")
                .append(alert.detection())
                .append("\nSeverity: ")
                .append(alert.severity())
                .append("\nCategory: ")
                .append(alert.category())
                .append("\nSignals so far: ")
                .append(alert.count())
                .append("\nAt: ")
                .append(alert.at());
        if (alert.groupId() != null) {
            text.append("\nGroup: ").append(alert.groupId());
        }
        alert.details()
                .forEach((key, value) ->
                        text.append('\n').append(key).append(": ").append(value));
        return text.append('\n').toString();
    }

    /** {@code [CRITICAL] security alert opened: password-spraying: <summary> (3 signals)}. */
    static String line(AlertChanged alert) {
        String line = "[" + alert.severity() + "] " + alert.category().name().toLowerCase(Locale.ROOT) + " alert "
                + alert.change().name().toLowerCase(Locale.ROOT) + ": " + alert.detection() + ": " + alert.summary()
                + (alert.count() > 1 ? " (" + alert.count() + " signals)" : "");
        return line.replaceAll("[\\r\\n]+", " ");
    }

    private static String truncated(String text, int longest) {
        return text.length() <= longest ? text : text.substring(0, longest - 1) + "…";
    }
}
