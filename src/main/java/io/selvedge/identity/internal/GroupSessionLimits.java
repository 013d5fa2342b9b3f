package io.selvedge.identity.internal;

import io.selvedge.identity.SessionLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The tighter session limits of an account's groups ({@link SessionLimits}), on top of the installation's:
 * a signed-in session idle longer than the shortest idle limit, or older than the shortest absolute limit,
 * is ended before Spring Security sees it, which then asks the person to sign in again. The session keeps
 * the time of its last request itself (Spring Session's own last-access time is already this request's).
 * Runs after {@link AbsoluteSessionTimeout}.
 */
class GroupSessionLimits extends OncePerRequestFilter {

    static final String ACCOUNT = GroupSessionLimits.class.getName() + ".account";
    static final String LAST_SEEN = GroupSessionLimits.class.getName() + ".lastSeen";

    private final ObjectProvider<SessionLimits> limits;
    private final Accounts accounts;
    private final Clock clock;

    GroupSessionLimits(ObjectProvider<SessionLimits> limits, Accounts accounts, Clock clock) {
        this.limits = limits;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            check(session);
        }
        chain.doFilter(request, response);
    }

    void check(HttpSession session) {
        UUID account = accountOf(session);
        if (account == null || limits.orderedStream().findAny().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Duration idle = null;
        Duration absolute = null;
        for (SessionLimits source : limits.orderedStream().toList()) {
            SessionLimits.Limits found = source.limitsFor(account);
            idle = shorter(idle, found.idleTimeout());
            absolute = shorter(absolute, found.absoluteTimeout());
        }
        if (idle == null && absolute == null) {
            return; // nothing tighter than the installation's: nothing to keep either
        }
        Object seen = session.getAttribute(LAST_SEEN);
        // Without a time of its own yet (no limit applied before), the session counts from this request.
        Instant lastSeen = seen instanceof Long millis ? Instant.ofEpochMilli(millis) : now;
        boolean idleTooLong = idle != null && !now.isBefore(lastSeen.plus(idle));
        boolean tooOld = absolute != null
                && !now.isBefore(Instant.ofEpochMilli(session.getCreationTime()).plus(absolute));
        if (idleTooLong || tooOld) {
            session.invalidate();
            return;
        }
        session.setAttribute(LAST_SEEN, now.toEpochMilli());
    }

    @Nullable
    private UUID accountOf(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(context instanceof SecurityContext signedIn)) {
            return null;
        }
        Authentication authentication = signedIn.getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Object known = session.getAttribute(ACCOUNT);
        if (known instanceof String id) {
            return UUID.fromString(id);
        }
        Optional<Account> account = accounts.findByUsername(authentication.getName());
        account.ifPresent(found -> session.setAttribute(ACCOUNT, found.id().toString()));
        return account.map(Account::id).orElse(null);
    }

    @Nullable
    private static Duration shorter(@Nullable Duration a, @Nullable Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
