package io.selvedge.identity.internal.web;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.internal.MfaPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the web application's own scripts call the API with the browser's session (uploads, downloads,
 * the 3D viewer's model): a request without an {@code Authorization} header, on a web session that has
 * passed every sign-in step, acts as that person with the {@code read} and {@code write} scopes (never
 * {@code admin}). Changes need the session's CSRF token ({@link #NEEDS_CSRF}), as on the pages; a
 * request with an API token is untouched and ignores cookies. Session limits (idle, absolute, a group's
 * policy) apply as on the pages: their filters run before this one.
 */
class BrowserSessionOnApi extends OncePerRequestFilter {

    /**
     * A change made with no API token on a session where someone is signed in: the case where a forged
     * request could ride on the cookie. (A public endpoint called with a cookie of a signed-out session
     * carries no one's authority, so it needs no token.)
     */
    static final RequestMatcher NEEDS_CSRF = request -> request.getHeader(HttpHeaders.AUTHORIZATION) == null
            && !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
            && signedInSession(request);

    private static boolean signedInSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    private final MfaPolicy mfa;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    BrowserSessionOnApi(MfaPolicy mfa) {
        this.mfa = mfa;
        sessions.setAllowSessionCreation(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getSession(false) == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentication session = sessions.loadDeferredContext(request).get().getAuthentication();
        Optional<ApiCaller> caller = session == null ? Optional.empty() : mfa.browserCaller(session);
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokenAuthenticationFilter.continueAs(caller.get(), request, response, chain);
    }
}
