package io.selvedge.monitoring.internal.detection;

import io.selvedge.platform.AuditableEvent;

/** A rule over the audited events as they are published (after their transaction commits). */
interface EventDetection {

    /** The rule's name: its settings {@code selvedge.monitoring.detections.<name>.*} and runbook page. */
    String name();

    boolean enabled();

    /** Looks at one event; raises a signal when the rule fires. Events it does not know are ignored. */
    void on(AuditableEvent event);
}
