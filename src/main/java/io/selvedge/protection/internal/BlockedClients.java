package io.selvedge.protection.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.protection.Block;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;

/**
 * Refuses blocked clients before anything else is done for them: a Tomcat valve, so ahead of every servlet filter
 * (the request id and its log line, the metrics' observation, sessions, Spring Security, templates). The client's
 * address is read as {@link ClientAddressFilter} reads it; a block is a map look-up ({@link AutoBlocks#blockOf},
 * Redis at most once a second per client); the answer, 429 with {@code Retry-After}, is a body written once at
 * start. A refusal is counted ({@code selvedge.blocks.refused}), not logged: a flood would fill the log.
 *
 * <p>The refusal is held back for the tarpit's time without holding a thread ({@link Tarpit}).
 */
class BlockedClients extends ValveBase {

    static final String DETAIL = "This client is blocked after repeated abuse. Retry-After says when to try again.";

    private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"" + DETAIL + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static final byte[] PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many"
                    + " requests</title></head><body><h1>Too many requests</h1><p>This client is blocked after repeated"
                    + " abuse. Please try again later.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final ClientAddressFilter addresses;
    private final AutoBlocks blocks;
    private final Clock clock;
    private final Map<Block.Kind, Counter> refused = new EnumMap<>(Block.Kind.class);
    private final Duration tarpitTime;
    private final Tarpit tarpit;

    BlockedClients(
            ClientAddressFilter addresses,
            AutoBlocks blocks,
            Clock clock,
            MeterRegistry meters,
            Duration tarpitTime,
            Tarpit tarpit) {
        super(true);
        this.addresses = addresses;
        this.blocks = blocks;
        this.clock = clock;
        this.tarpitTime = tarpitTime;
        this.tarpit = tarpit;
        for (Block.Kind kind : Block.Kind.values()) {
            refused.put(
                    kind,
                    meters.counter(
                            "selvedge.blocks.refused", "kind", kind.name().toLowerCase()));
        }
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Optional<Block> block = "/healthz".equals(request.getRequestURI()) ? Optional.empty() : blockOf(request);
        if (block.isEmpty()) {
            getNext().invoke(request, response);
            return;
        }
        refused.get(block.get().kind()).increment();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean page = !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
        byte[] body = page ? PAGE : PROBLEM;
        response.setStatus(429);
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                Long.toString(RateLimitFilter.seconds(
                        Duration.between(clock.instant(), block.get().until()))));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(page ? "text/html;charset=UTF-8" : "application/problem+json");
        response.setContentLength(body.length);
        if (!tarpit.holdBack(request, tarpitTime, body)) {
            response.getOutputStream().write(body);
        }
    }

    private Optional<Block> blockOf(Request request) {
        Optional<Block> block = blocks.blockOf(AutoBlocks.addressId(addresses.clientOf(request)));
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (block.isEmpty() && authorization != null && !authorization.isBlank()) {
            block = blocks.blockOf(AutoBlocks.tokenId(authorization));
        }
        return block;
    }
}
