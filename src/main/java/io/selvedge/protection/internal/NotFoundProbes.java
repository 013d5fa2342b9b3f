package io.selvedge.protection.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;

/**
 * Watches for probes: a 404 answered counts towards a block of the client's address (and of the API token, if
 * one was sent). Blocked clients never get this far ({@link BlockedClients} refuses them in Tomcat).
 */
@RequiredArgsConstructor
class NotFoundProbes extends org.springframework.web.filter.OncePerRequestFilter {

    private final AutoBlocks blocks;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals("/healthz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_NOT_FOUND && !request.isAsyncStarted()) {
            blocks.notFound(AutoBlocks.addressId(request.getRemoteAddr()));
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && !authorization.isBlank()) {
                blocks.notFound(AutoBlocks.tokenId(authorization));
            }
        }
    }
}
