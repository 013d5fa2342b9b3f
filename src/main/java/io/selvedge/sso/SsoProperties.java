package io.selvedge.sso;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on: {@code selvedge.sso.*}.
 *
 * @param allowedHosts the hosts connections may name ({@code SELVEDGE_SSO_ALLOWED_HOSTS}, comma-separated;
 *     {@code *.example.com} allows its subdomains); empty: any host
 */
@ConfigurationProperties("selvedge.sso")
public record SsoProperties(@DefaultValue List<String> allowedHosts) {

    public SsoProperties {
        allowedHosts = allowedHosts == null
                ? List.of()
                : allowedHosts.stream()
                        .map(String::strip)
                        .filter(host -> !host.isEmpty())
                        .toList();
    }
}
