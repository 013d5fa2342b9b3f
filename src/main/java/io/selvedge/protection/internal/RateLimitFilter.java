package io.selvedge.protection.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.platform.Problems;
import io.selvedge.protection.Allowance;
import io.selvedge.protection.Buckets;
import io.selvedge.protection.ProtectionProperties.Limit;
import io.selvedge.protection.ProtectionProperties.RateLimits;
import io.selvedge.protection.RouteClass;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Rate limits, one token per request from Bucket4j buckets ({@link Buckets}). Registered twice: before
 * authentication, per client address and route class (so sign-in floods cost no password hashing); after it,
 * per account, per API token and per group named in the path, and searches per account or token too. Past a limit: 429 with {@code Retry-After} and
 * the IETF draft's {@code RateLimit-Policy} / {@code RateLimit} headers, as a problem document for the API
 * and a short page for browsers. Keys are hashes: no address or token rests in Redis as itself.
 */
@RequiredArgsConstructor
class RateLimitFilter extends OncePerRequestFilter {

    enum Stage {
        BY_ADDRESS,
        BY_CALLER
    }

    private static final Pattern GROUP = Pattern.compile("^(?:/api/v1)?/(?:admin/)?groups/([0-9a-fA-F-]{36})(?:/.*)?$");

    private final Stage stage;
    private final Buckets buckets;
    private final RateLimits limits;
    private final MeterRegistry meters;
    private final AutoBlocks blocks;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || request.getRequestURI().equals("/healthz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (stage == Stage.BY_ADDRESS) {
            RouteClass route = RouteClass.of(request.getMethod(), request.getRequestURI());
            Limit limit = limits.of(route);
            if (!admitted(request, response, route.setting(), limit, "address:" + request.getRemoteAddr(), true)) {
                return;
            }
        } else {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
                String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
                boolean token = authorization != null && !authorization.isBlank();
                String subject = token ? "token:" + authorization : "account:" + caller.getName();
                if (!admitted(
                        request,
                        response,
                        token ? "token" : "account",
                        token ? limits.perToken() : limits.perAccount(),
                        subject,
                        false)) {
                    return;
                }
                if (RouteClass.of(request.getMethod(), request.getRequestURI()) == RouteClass.SEARCH
                        && !admitted(
                                request,
                                response,
                                "search-per-caller",
                                limits.searchPerCaller(),
                                "search:" + subject,
                                false)) {
                    return;
                }
            }
            Matcher group = GROUP.matcher(request.getRequestURI());
            if (group.matches()
                    && !admitted(request, response, "group", limits.perGroup(), "group:" + group.group(1), false)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Takes a token; false (and the 429 written) when none was left. */
    private boolean admitted(
            HttpServletRequest request,
            HttpServletResponse response,
            String name,
            Limit limit,
            String subject,
            boolean advertise)
            throws IOException {
        Allowance allowance = limit.allowance("rate." + name);
        Buckets.Taken taken = buckets.take(allowance, hashed(subject), 1);
        String policy = "\"%s\";q=%d;w=%d"
                .formatted(name, limit.requests(), Math.max(1, limit.per().toSeconds()));
        if (taken.taken()) {
            if (advertise) {
                response.setHeader("RateLimit-Policy", policy);
                response.setHeader("RateLimit", "\"%s\";r=%d".formatted(name, taken.remaining()));
            }
            return true;
        }
        meters.counter("selvedge.rate.limited", "limit", name).increment();
        request.setAttribute(HeldBackRefusals.COUNTED, Boolean.TRUE);
        blocks.limited(
                name.equals("token")
                        ? AutoBlocks.tokenId(request.getHeader(HttpHeaders.AUTHORIZATION))
                        : AutoBlocks.addressId(request.getRemoteAddr()));
        long seconds = seconds(taken.retryAfter());
        response.setHeader("RateLimit-Policy", policy);
        response.setHeader("RateLimit", "\"%s\";r=0;t=%d".formatted(name, seconds));
        tooMany(request, response, seconds);
        return false;
    }

    static void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        refuse(
                request,
                response,
                seconds,
                "Too many requests. Try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
    }

    /** 429 with {@code Retry-After}: a problem document, or a short page for a browser asking for one. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, long seconds, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html")) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests"
                            + "</title></head><body><h1>Too many requests</h1><p>" + HtmlUtils.htmlEscape(detail)
                            + "</p></body></html>");
            return;
        }
        Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, detail);
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** SHA-256 of the subject: addresses and tokens are not kept as themselves in the buckets' store. */
    static String hashed(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
