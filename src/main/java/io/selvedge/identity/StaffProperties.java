package io.selvedge.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How platform staff sign in and how long their web sessions last ({@code selvedge.staff.*}). With
 * {@code passkeyRequired}, staff sign in with a passkey only (phishing-resistant): a password with or without a
 * one-time code is refused once they have one, and before that it reaches only the page where they register one.
 * Staff sessions end {@code idleTimeout} after their last request and {@code absoluteTimeout} after sign-in
 * (the shorter of these and the installation's {@code selvedge.sessions.*} holds), and, with
 * {@code sessionBoundToAddress}, as soon as a request comes from another client address than the sign-in's.
 */
@Validated
@ConfigurationProperties("selvedge.staff")
public record StaffProperties(
        @DefaultValue("false") boolean passkeyRequired,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("8h") Duration absoluteTimeout,
        @DefaultValue("true") boolean sessionBoundToAddress) {}
