/**
 * The tamper-evident audit trail, a listener of every module's events. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "storage"})
package io.selvedge.audit;
