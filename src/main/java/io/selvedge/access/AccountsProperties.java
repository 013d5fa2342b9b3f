package io.selvedge.access;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who owns accounts and groups: {@code selvedge.accounts.*}.
 *
 * @param dnsServer {@code host:port} of the DNS server (UDP) that domain verification asks
 *     ({@code SELVEDGE_DNS_SERVER}); blank for the system's resolvers
 * @param groupCreation who may create a group: {@code platform-admins} (through the staff console, the
 *     default) or {@code self-service} (any signed-in customer account, which becomes its admin)
 */
@ConfigurationProperties("selvedge.accounts")
public record AccountsProperties(
        @Nullable String dnsServer,
        @DefaultValue("platform-admins") GroupCreation groupCreation) {

    public enum GroupCreation {
        PLATFORM_ADMINS,
        SELF_SERVICE
    }
}
