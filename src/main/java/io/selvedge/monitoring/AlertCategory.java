package io.selvedge.monitoring;

/** Which kind of team owns an alert: routing rules map a category and a severity to teams. */
public enum AlertCategory {
    SECURITY,
    OPERATIONS,
    NETWORK
}
