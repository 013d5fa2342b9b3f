package io.selvedge.platform.internal.web;

import io.selvedge.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id of our own making (never the client's), returned as {@code X-Request-Id}
 * and present in every log line written while serving it; then logs one line per request with the
 * method, the path without its query (queries may carry tokens) and without the secret of a one-time
 * link (as the modules declare them: {@link io.selvedge.platform.SecretBearingPaths}), the status and the
 * time taken.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class RequestIdFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("io.selvedge.requests");

    private final SecretPaths secrets;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.newId();
        long started = System.nanoTime();
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        String path = secrets.remember(request);
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.getRequestURI().equals("/healthz")) {
                log.info(
                        "{} {} -> {} in {} ms",
                        request.getMethod(),
                        path,
                        response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
