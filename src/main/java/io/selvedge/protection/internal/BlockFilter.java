package io.selvedge.protection.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.protection.Block;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Refuses blocked clients first, right after their address is known: a map look-up (Redis at most once a
 * second per client), before sessions, authentication, limits or any other work. Also watches for probes: a
 * 404 answered counts towards a block of the address (and of the API token, if one was sent).
 */
class BlockFilter extends org.springframework.web.filter.OncePerRequestFilter {

    private final AutoBlocks blocks;
    private final Clock clock;
    private final MeterRegistry meters;

    BlockFilter(AutoBlocks blocks, Clock clock, MeterRegistry meters) {
        this.blocks = blocks;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals("/healthz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = AutoBlocks.addressId(request.getRemoteAddr());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = authorization == null || authorization.isBlank() ? null : AutoBlocks.tokenId(authorization);
        Optional<Block> block = blocks.blockOf(address);
        if (block.isEmpty() && token != null) {
            block = blocks.blockOf(token);
        }
        if (block.isPresent()) {
            meters.counter(
                            "selvedge.blocks.refused",
                            "kind",
                            block.get().kind().name().toLowerCase())
                    .increment();
            long seconds = RateLimitFilter.seconds(
                    Duration.between(clock.instant(), block.get().until()));
            RateLimitFilter.refuse(
                    request,
                    response,
                    seconds,
                    "This client is blocked after repeated abuse. Try again in " + seconds
                            + (seconds == 1 ? " second." : " seconds."));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_NOT_FOUND && !request.isAsyncStarted()) {
            blocks.notFound(address);
            if (token != null) {
                blocks.notFound(token);
            }
        }
    }
}
