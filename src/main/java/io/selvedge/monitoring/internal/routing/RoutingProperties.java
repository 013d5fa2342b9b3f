package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.AlertSeverity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code selvedge.monitoring.*}: where channels may point and how deliveries are retried.
 *
 * @param allowedHosts the hosts channel URLs may name ({@code SELVEDGE_MONITORING_ALLOWED_HOSTS}, comma-separated,
 *     {@code *.example.com} for subdomains); empty: any public host. A loopback or private address is refused
 *     unless its host is named here exactly.
 * @param trustedCertificates a PEM file of CA certificates trusted for channel URLs besides the JVM's
 * @param contactsMinSeverity the least severe alert of a group sent to its security contacts, until the
 *     group's admins choose
 */
@ConfigurationProperties("selvedge.monitoring")
public record RoutingProperties(
        @DefaultValue List<String> allowedHosts,
        @Nullable Path trustedCertificates,
        @DefaultValue("WARNING") AlertSeverity contactsMinSeverity,
        @DefaultValue Delivery delivery) {

    public RoutingProperties {
        allowedHosts = allowedHosts == null
                ? List.of()
                : allowedHosts.stream()
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .toList();
    }

    /**
     * @param pollEvery how often due deliveries are looked for
     * @param firstRetry the wait after a first failure, doubled after each further one up to {@code longestRetry}
     * @param reportAfterAttempts after this many failed attempts of a channel, an operations alert names it
     */
    public record Delivery(
            @DefaultValue("5s") Duration pollEvery,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("1h") Duration longestRetry,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("5") int reportAfterAttempts) {}
}
