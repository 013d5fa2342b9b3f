package io.selvedge.protection;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The application's layer of defence behind the edge: {@code selvedge.protection.*}. {@code trustedProxies}
 * ({@code SELVEDGE_TRUSTED_PROXIES}) lists the CIDR blocks, or {@code cloudflare}, whose forwarded headers name
 * the client; {@code redisUrl} ({@code SELVEDGE_REDIS_URL}) shares every limit and throttle between nodes.
 */
@Validated
@ConfigurationProperties("selvedge.protection")
public record ProtectionProperties(
        @DefaultValue List<String> trustedProxies,
        @Nullable String redisUrl,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue AutoBlocks blocks,
        @DefaultValue Connections connections,
        @DefaultValue PasswordChecks passwordChecks) {

    /**
     * The password hashes (Argon2id, each some tens of milliseconds of a core and 19 MiB) this node checks at once:
     * {@code concurrent} (0: half the node's cores, at least one, so that a flood of guesses leaves the other half to
     * everyone else's requests); a check that finds them all busy waits {@code waitAtMost} at most, then is answered
     * 429 with {@code Retry-After}.
     */
    public record PasswordChecks(
            @DefaultValue("0") int concurrent,
            @DefaultValue("500ms") Duration waitAtMost) {

        public PasswordChecks {
            if (concurrent < 0 || waitAtMost.isNegative()) {
                throw new IllegalArgumentException(
                        "password checks: concurrent is 0 (the cores) or more, wait-at-most >= 0");
            }
        }

        /** The number of checks at once, {@code concurrent} or half the node's cores (at least one). */
        public int permits() {
            return concurrent > 0
                    ? concurrent
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    /** A limit: {@code requests} per {@code per}, written {@code 30/1m} in settings. */
    public record Limit(long requests, Duration per) {

        public Limit {
            if (requests < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a limit is at least one request per a positive duration");
            }
        }

        /** Parses {@code 30/1m} (requests per a duration: {@code s}, {@code m}, {@code h}, or ISO-8601). */
        public static Limit parse(String text) {
            String[] parts = text.strip().split("/", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a limit is written requests/duration, e.g. 30/1m");
            }
            return new Limit(Long.parseLong(parts[0].strip()), duration(parts[1].strip()));
        }

        private static Duration duration(String text) {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("a limit's duration ends in s, m or h");
            };
        }

        /** The Bucket4j allowance: the whole quota at once, refilled a request at a time over the window. */
        public Allowance allowance(String name) {
            return new Allowance(
                    name, requests, per.dividedBy(requests).isZero() ? Duration.ofNanos(1) : per.dividedBy(requests));
        }
    }

    /**
     * Requests per client address and route class, and per account, API token and group whatever the route.
     * {@code searchPerCaller}: searches per account or API token whatever the address, since one search
     * decrypts a group's styles and a caller spread over many addresses would otherwise multiply the
     * per-address limit. Off ({@code enabled=false}) only where one address stands for many users (a test server).
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30/1m") Limit signIn,
            @DefaultValue("10/1m") Limit passwordReset,
            @DefaultValue("60/1m") Limit links,
            @DefaultValue("120/1m") Limit uploads,
            @DefaultValue("600/1m") Limit downloads,
            @DefaultValue("120/1m") Limit search,
            @DefaultValue("300/1m") Limit admin,
            @DefaultValue("1200/1m") Limit other,
            @DefaultValue("3000/1m") Limit perAccount,
            @DefaultValue("3000/1m") Limit perToken,
            @DefaultValue("20000/1m") Limit perGroup,
            @DefaultValue("120/1m") Limit searchPerCaller) {

        public Limit of(RouteClass route) {
            return switch (route) {
                case SIGN_IN -> signIn;
                case PASSWORD_RESET -> passwordReset;
                case LINKS -> links;
                case UPLOADS -> uploads;
                case DOWNLOADS -> downloads;
                case SEARCH -> search;
                case ADMIN -> admin;
                case OTHER -> other;
            };
        }
    }

    /**
     * Automatic blocks: a client address or API token that gets {@code limitedAnswers} 429s, or {@code notFound}
     * 404s (probing for ids), or fails sign-in for {@code signInAccounts} different accounts is refused for the
     * next of {@code steps} (each block of the same client within {@code remember} goes a step further).
     * {@code cacheFor}: how long a node trusts what it last read of a client's block (Redis saved per request).
     * {@code tarpit}: how long a blocked client waits for its refusal, holding no thread, so that a client that
     * floods over few connections gets few answers a second (0 answers at once); at most {@code tarpitAtMost}
     * refusals wait at a time, past which they are answered at once. {@code refusalTarpit}: how long any other
     * 429 (a rate limit's, a throttle's; at most its {@code Retry-After}) and the answer to a wrong password (a
     * sign-in's 401 or the form's redirect, a share link's 401) wait before they are sent, in the same places, so that a client guessing or flooding in a loop
     * is slowed before it is blocked (0: at once).
     */
    public record AutoBlocks(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("60/1m") Limit limitedAnswers,
            @DefaultValue("120/1m") Limit notFound,
            @DefaultValue("10/10m") Limit signInAccounts,
            @DefaultValue({"1m", "10m", "1h", "24h"}) List<Duration> steps,
            @DefaultValue("24h") Duration remember,
            @DefaultValue("1s") Duration cacheFor,
            @DefaultValue("2s") Duration tarpit,
            @DefaultValue("2000") int tarpitAtMost,
            @DefaultValue("1s") Duration refusalTarpit) {

        public AutoBlocks {
            if (tarpit.isNegative()
                    || tarpit.compareTo(Duration.ofSeconds(20)) > 0
                    || refusalTarpit.isNegative()
                    || refusalTarpit.compareTo(Duration.ofSeconds(20)) > 0
                    || tarpitAtMost < 0) {
                throw new IllegalArgumentException("a tarpit is between 0 and 20 seconds, for at most n >= 0 refusals");
            }
            if (steps.isEmpty() || steps.stream().anyMatch(step -> step.isNegative() || step.isZero())) {
                throw new IllegalArgumentException("blocks need at least one step, each a positive duration");
            }
            steps = List.copyOf(steps);
        }

        /** The length of the {@code level}th block (1 the first), the last step once past them all. */
        public Duration step(int level) {
            return steps.get(Math.min(Math.max(level, 1), steps.size()) - 1);
        }
    }

    /**
     * Limits of the connection and of a request's head and body, before any work is done for it. Tomcat holds
     * the header limits, the timeouts and the connection counts; the application the rest: {@code maxRequestLine}
     * (the path and query), the body per route class (uploads stream and have limits of their own), the slowest
     * body it waits for ({@code minBodyRate} bytes a second once {@code bodyGrace} has passed) and the uploads and
     * downloads one account may run at once (across every node when they share Redis, where a node renews the
     * slots of its running transfers: {@code transferLease} is how long a dead node's slots outlive it).
     */
    public record Connections(
            @DefaultValue("16KB") DataSize maxHeaderSize,
            @DefaultValue("64") int maxHeaderCount,
            @DefaultValue("4KB") DataSize maxRequestLine,
            @DefaultValue("64KB") DataSize maxBodySmall,
            @DefaultValue("1MB") DataSize maxBody,
            @DefaultValue("20s") Duration readTimeout,
            @DefaultValue("20s") Duration keepAliveTimeout,
            @DefaultValue("10s") Duration bodyGrace,
            @DefaultValue("1KB") DataSize minBodyRate,
            @DefaultValue("4") int uploadsPerAccount,
            @DefaultValue("8") int downloadsPerAccount,
            @DefaultValue("60s") Duration transferLease,
            @DefaultValue("8192") int maxConnections,
            @DefaultValue("100") int acceptCount) {

        public Connections {
            if (maxHeaderCount < 1 || uploadsPerAccount < 1 || downloadsPerAccount < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("connection limits are at least 1");
            }
            if (transferLease.compareTo(Duration.ofSeconds(3)) < 0) {
                throw new IllegalArgumentException("a transfer's lease is at least 3 seconds (renewed every third)");
            }
        }

        /** The largest body of a request of {@code route}, uploads aside (they stream, with limits of their own). */
        public long maxBodyOf(RouteClass route) {
            return switch (route) {
                case SIGN_IN, PASSWORD_RESET, LINKS, SEARCH, DOWNLOADS -> maxBodySmall.toBytes();
                case UPLOADS -> Long.MAX_VALUE;
                case ADMIN, OTHER -> maxBody.toBytes();
            };
        }
    }
}
