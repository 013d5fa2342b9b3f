package io.selvedge.identity;

import io.selvedge.protection.ProtectionProperties;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sign-in, web sessions and API tokens behave: {@code selvedge.sign-in.*}, {@code selvedge.sessions.*}
 * and {@code selvedge.tokens.*}.
 */
@Validated
@ConfigurationProperties("selvedge")
public record IdentityProperties(
        @DefaultValue SignIn signIn,
        @DefaultValue Sessions sessions,
        @DefaultValue Tokens tokens) {

    /**
     * Throttling of failed sign-ins (never a lock-out): after {@code freeFailures} failures of one factor for
     * an account, or {@code freeFailuresPerAddress} from one client address, each attempt waits
     * {@code firstDelay}, doubled with every further failure up to {@code longestDelay}. Counts older than
     * {@code forgetAfter} start again from zero. Failures for usernames no account has spend budgets of their own
     * ({@code unknownNamesPerAddress}, and {@code unknownNames} across all addresses, past which each address may
     * try once per {@code sprayedAddressEvery}), checked for every name alike so that none tells a name exists.
     */
    public record SignIn(
            @DefaultValue("5") @Min(1) int freeFailures,
            @DefaultValue("20") @Min(1) int freeFailuresPerAddress,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("15m") Duration longestDelay,
            @DefaultValue("24h") Duration forgetAfter,
            @DefaultValue("10/10m") ProtectionProperties.Limit unknownNamesPerAddress,
            @DefaultValue("100/1m") ProtectionProperties.Limit unknownNames,
            @DefaultValue("1m") Duration sprayedAddressEvery) {}

    /** Web sessions end after {@code idleTimeout} without a request, and {@code absoluteTimeout} after sign-in. */
    public record Sessions(
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("12h") Duration absoluteTimeout) {}

    /**
     * API tokens live {@code defaultLifetime} unless asked otherwise, at most {@code longestLifetime}; a node
     * trusts what it read of a token for {@code cacheFor} (so a revocation reaches the other nodes within it).
     */
    public record Tokens(
            @DefaultValue("90d") Duration defaultLifetime,
            @DefaultValue("365d") Duration longestLifetime,
            @DefaultValue("10s") Duration cacheFor,
            @DefaultValue("1m") Duration recordUseEvery) {}
}
