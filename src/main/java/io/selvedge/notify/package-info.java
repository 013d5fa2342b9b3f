/**
 * E-mail over TLS (STARTTLS required by default) through the mail outbox, so nothing is lost while the SMTP
 * server is down.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "crypto"})
@org.jspecify.annotations.NullMarked
package io.selvedge.notify;
