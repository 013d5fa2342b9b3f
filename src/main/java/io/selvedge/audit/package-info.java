/**
 * The tamper-evident audit trail: a listener (through the outbox) of every module's
 * {@link io.selvedge.platform.AuditableEvent}s, one hash-chained trail per group in its region and a
 * platform trail in the global store, sealed and verified ({@link io.selvedge.audit.AuditTrail}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "storage", "crypto"})
@org.jspecify.annotations.NullMarked
package io.selvedge.audit;
