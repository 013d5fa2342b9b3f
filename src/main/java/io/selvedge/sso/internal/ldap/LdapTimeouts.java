package io.selvedge.sso.internal.ldap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sign-in waits for a directory ({@code selvedge.sso.ldap.*}): {@code connectTimeout} for the TCP
 * connection and, again, for the TLS handshake; {@code readTimeout} for each answer (StartTLS, bind, search).
 */
@ConfigurationProperties("selvedge.sso.ldap")
public record LdapTimeouts(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public LdapTimeouts {
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("selvedge.sso.ldap timeouts must be positive: without them a dead"
                    + " directory would hold every sign-in to it.");
        }
    }
}
