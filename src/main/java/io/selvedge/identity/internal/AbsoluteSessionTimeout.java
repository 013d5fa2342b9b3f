package io.selvedge.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session {@code selvedge.sessions.absolute-timeout} after it began, however busy it is
 * (OWASP ASVS V7.3.2); the idle timeout is Spring Session's own. Runs after Spring Session's filter and
 * before Spring Security's, which then finds no session and asks the person to sign in again.
 */
@RequiredArgsConstructor
class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final Duration absoluteTimeout;
    private final Clock clock;
    private final SpringWebSessions sessions;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Instant endsAt = Instant.ofEpochMilli(session.getCreationTime()).plus(absoluteTimeout);
            if (!clock.instant().isBefore(endsAt)) {
                String id = session.getId();
                Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                session.invalidate();
                if (context instanceof SecurityContext signedIn && signedIn.getAuthentication() != null) {
                    sessions.ended(signedIn.getAuthentication().getName(), id, SpringWebSessions.TIMED_OUT);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
