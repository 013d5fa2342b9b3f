/**
 * E-mail over TLS through the outbox, and webhooks. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "crypto"})
package io.selvedge.notify;
