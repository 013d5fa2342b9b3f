/**
 * E-mail over TLS through the outbox, and webhooks. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package io.selvedge.notify;
