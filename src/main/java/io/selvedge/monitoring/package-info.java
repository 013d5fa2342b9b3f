/**
 * Metrics, security detections and alert routing. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package io.selvedge.monitoring;
