/**
 * Security and operations detections, alerts with a life cycle, and their routing to the teams that must act.
 * Other modules never call in here: detections listen to the audited events and read the metrics and health
 * checks, and raise {@link io.selvedge.monitoring.AlertSignal}s through {@link io.selvedge.monitoring.Alerts}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "protection",
            "identity",
            "access",
            "audit",
            "crypto",
            "content",
            "storage",
            "notify",
            "web"
        })
@org.jspecify.annotations.NullMarked
package io.selvedge.monitoring;
