package io.selvedge.protection.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.protection.ProtectionProperties;
import io.selvedge.protection.RouteClass;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The uploads and the downloads one account runs at once on this node, each kind capped: one more is answered
 * 429 (try again in a second) until one ends. Held per node, as connections are: a load balancer spreads an
 * account's transfers, so the cap across {@code n} nodes is at most {@code n} times this.
 */
class TransferSlots extends OncePerRequestFilter {

    private final ProtectionProperties.Connections limits;
    private final MeterRegistry meters;
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    TransferSlots(ProtectionProperties.Connections limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RouteClass route = RouteClass.of(request.getMethod(), request.getRequestURI());
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if ((route != RouteClass.UPLOADS && route != RouteClass.DOWNLOADS)
                || caller == null
                || !caller.isAuthenticated()
                || caller instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        int most = route == RouteClass.UPLOADS ? limits.uploadsPerAccount() : limits.downloadsPerAccount();
        String key = route.setting() + ":" + caller.getName();
        int[] now = new int[1];
        running.compute(key, (ignored, count) -> now[0] = (count == null ? 0 : count) + 1);
        if (now[0] > most) {
            release(key);
            meters.counter("selvedge.connections.refused", "limit", "concurrent-" + route.setting())
                    .increment();
            RateLimitFilter.refuse(
                    request,
                    response,
                    1,
                    "This account already runs " + most + " " + route.setting()
                            + " at once. Try again when one has finished.");
            return;
        }
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                async = true;
                request.getAsyncContext().addListener(new Releasing(key));
            }
        } finally {
            if (!async) {
                release(key);
            }
        }
    }

    private void release(String key) {
        running.computeIfPresent(key, (ignored, count) -> count <= 1 ? null : count - 1);
    }

    private final class Releasing implements AsyncListener {

        private final String key;
        private boolean released;

        Releasing(String key) {
            this.key = key;
        }

        private synchronized void once() {
            if (!released) {
                released = true;
                release(key);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            once();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            once();
        }

        @Override
        public void onError(AsyncEvent event) {
            once();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
