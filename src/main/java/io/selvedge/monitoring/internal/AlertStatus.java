package io.selvedge.monitoring.internal;

/** Where an alert stands: open, acknowledged by someone who is on it, or resolved. */
enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
