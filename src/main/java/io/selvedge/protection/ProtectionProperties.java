package io.selvedge.protection;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * The application's layer of defence behind the edge: {@code selvedge.protection.*}. {@code trustedProxies}
 * ({@code SELVEDGE_TRUSTED_PROXIES}) lists the CIDR blocks, or {@code cloudflare}, whose forwarded headers name
 * the client; {@code redisUrl} ({@code SELVEDGE_REDIS_URL}) shares every limit and throttle between nodes.
 */
@Validated
@ConfigurationProperties("selvedge.protection")
public record ProtectionProperties(
        @DefaultValue List<String> trustedProxies, @Nullable String redisUrl) {}
