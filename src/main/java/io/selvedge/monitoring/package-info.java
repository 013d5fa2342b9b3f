/**
 * Metrics, security detections and alert routing. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package io.selvedge.monitoring;
