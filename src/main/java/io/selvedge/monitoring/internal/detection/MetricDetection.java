package io.selvedge.monitoring.internal.detection;

/** A rule over the metrics and health checks, evaluated by {@link MetricEvaluator} every 30 s by default. */
interface MetricDetection {

    /** The rule's name: its settings {@code selvedge.monitoring.detections.<name>.*} and runbook page. */
    String name();

    boolean enabled();

    /** Reads what it watches now; raises a signal when over its threshold. */
    void evaluate();
}
