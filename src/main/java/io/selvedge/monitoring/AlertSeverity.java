package io.selvedge.monitoring;

/** How urgently an alert needs a person; critical alerts escalate when nobody acknowledges them. */
public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL
}
