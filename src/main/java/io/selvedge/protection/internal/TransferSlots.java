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
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The uploads and the downloads one account runs at once, each kind capped: one more is answered 429 (try again
 * in a second) until one ends. Counted in this node, or across every node in Redis when {@code SELVEDGE_REDIS_URL}
 * is set ({@link SlotStore}): a load balancer spreading an account's transfers then gives it no more slots.
 */
@RequiredArgsConstructor
class TransferSlots extends OncePerRequestFilter {

    private final ProtectionProperties.Connections limits;
    private final SlotStore slots;
    private final MeterRegistry meters;

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
        SlotStore.Slot slot = slots.take(route.setting() + ":" + RateLimitFilter.hashed(caller.getName()), most);
        if (slot == null) {
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
                request.getAsyncContext().addListener(new Releasing(slot));
            }
        } finally {
            if (!async) {
                slots.giveBack(slot);
            }
        }
    }

    private final class Releasing implements AsyncListener {

        private final SlotStore.Slot slot;
        private boolean released;

        Releasing(SlotStore.Slot slot) {
            this.slot = slot;
        }

        private synchronized void once() {
            if (!released) {
                released = true;
                slots.giveBack(slot);
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
