package io.selvedge.monitoring.internal.routing;

/** How a channel reaches its team. */
public enum ChannelKind {
    /** A mail to an address, through the mail outbox. */
    EMAIL,
    /** A JSON POST signed with HMAC-SHA256 over the timestamp and the body. */
    WEBHOOK,
    /** A Slack-compatible incoming webhook: {@code {"text": ...}}. */
    SLACK,
    /** PagerDuty Events API v2: trigger, acknowledge and resolve, deduplicated by the alert's id. */
    PAGERDUTY
}
