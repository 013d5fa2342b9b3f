/**
 * Routing of alerts to the teams that must act: teams and their channels (e-mail through the outbox, signed
 * webhooks, Slack-compatible webhooks, PagerDuty Events API v2), rules from category and severity to teams,
 * a group's own security contacts, and durable deliveries retried with backoff until they are sent.
 */
@org.jspecify.annotations.NullMarked
package io.selvedge.monitoring.internal.routing;
