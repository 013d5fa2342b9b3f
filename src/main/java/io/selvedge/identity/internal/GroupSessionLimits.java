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
import java.util.ArrayList;
import java.util.List;
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
    private final @Nullable SessionLimits staff;
    private final @Nullable SpringWebSessions sessions;

    GroupSessionLimits(ObjectProvider<SessionLimits> limits, Accounts accounts, Clock clock) {
        this(limits, accounts, clock, null, null);
    }

    /**
     * @param staff identity's own limits for staff sessions, asked beside the beans (not one itself, so that the
     *     access module's stays the one {@link SessionLimits} bean)
     * @param sessions where a session ended here is reported (on the trail, {@code timed-out})
     */
    GroupSessionLimits(
            ObjectProvider<SessionLimits> limits,
            Accounts accounts,
            Clock clock,
            @Nullable SessionLimits staff,
            @Nullable SpringWebSessions sessions) {
        this.limits = limits;
        this.accounts = accounts;
        this.clock = clock;
        this.staff = staff;
        this.sessions = sessions;
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
        List<SessionLimits> sources = new ArrayList<>(limits.orderedStream().toList());
        if (staff != null) {
            sources.add(staff);
        }
        UUID account = sources.isEmpty() ? null : accountOf(session);
        if (account == null) {
            return;
        }
        Instant now = clock.instant();
        Duration idle = null;
        Duration absolute = null;
        for (SessionLimits source : sources) {
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
            String id = session.getId();
            String username = usernameOf(session);
            session.invalidate();
            if (sessions != null && username != null) {
                sessions.ended(username, id, SpringWebSessions.TIMED_OUT);
            }
            return;
        }
        session.setAttribute(LAST_SEEN, now.toEpochMilli());
    }

    @Nullable
    private static String usernameOf(HttpSession session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                instanceof SecurityContext signedIn
                        && signedIn.getAuthentication() != null
                ? signedIn.getAuthentication().getName()
                : null;
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
