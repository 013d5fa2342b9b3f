package io.selvedge.protection.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds the client's real address once per request and makes it the request's {@code getRemoteAddr()}, so
 * that the throttles, the audit trail, the IP allow-lists and the rate limits all see the same one.
 * Forwarded headers are believed only from a trusted proxy: {@code CF-Connecting-IP} when behind Cloudflare,
 * else {@code Forwarded} (RFC 7239) or, without it, {@code X-Forwarded-For}, read from the right and skipping
 * the trusted proxies on the way. From anyone else they are ignored: the peer is the client.
 */
@RequiredArgsConstructor
class ClientAddressFilter extends OncePerRequestFilter {

    static final String CF_CONNECTING_IP = "CF-Connecting-IP";
    static final String FORWARDED = "Forwarded";
    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    /** More hops than this in a header are not walked: the client is taken as the last one reached. */
    private static final int MOST_HOPS = 20;

    private final TrustedProxies trusted;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = clientOf(request);
        chain.doFilter(client.equals(request.getRemoteAddr()) ? request : new FromClient(request, client), response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    String clientOf(HttpServletRequest request) {
        String peer = TrustedProxies.literal(request.getRemoteAddr()).orElse(request.getRemoteAddr());
        if (!trusted.trusts(peer)) {
            return peer;
        }
        if (trusted.behindCloudflare()) {
            Optional<String> cloudflare = TrustedProxies.literal(request.getHeader(CF_CONNECTING_IP));
            if (cloudflare.isPresent()) {
                return cloudflare.get();
            }
        }
        List<String> hops =
                request.getHeader(FORWARDED) != null ? forwardedFor(request) : values(request, X_FORWARDED_FOR);
        String client = peer;
        for (int i = hops.size() - 1, walked = 0; i >= 0 && walked < MOST_HOPS; i--, walked++) {
            Optional<String> hop = TrustedProxies.literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return client; // "unknown", an obfuscated name or garbage: nothing further left can be trusted
            }
            client = hop.get();
            if (!trusted.trusts(client)) {
                return client;
            }
        }
        return client;
    }

    private static List<String> values(HttpServletRequest request, String header) {
        List<String> values = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders(header))) {
            for (String value : line.split(",")) {
                values.add(value.strip());
            }
        }
        return values;
    }

    /** The {@code for=} parameter of each element of every {@code Forwarded} header, in order. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String element : values(request, FORWARDED)) {
            String found = "";
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0
                        && pair.substring(0, equals)
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .equals("for")) {
                    found = unquoted(pair.substring(equals + 1).strip());
                }
            }
            hops.add(found);
        }
        return hops;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; {@code 192.0.2.1:8080} → {@code 192.0.2.1}. */
    static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** The request as the client sent it, seen from the client's real address. */
    private static final class FromClient extends HttpServletRequestWrapper {

        private final String client;

        FromClient(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
