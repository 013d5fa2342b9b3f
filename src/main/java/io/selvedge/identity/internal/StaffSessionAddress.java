package io.selvedge.identity.internal;

import io.selvedge.identity.StaffSessionAddressChanged;
import io.selvedge.platform.RequestOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds a staff web session to the client address it signed in from ({@code selvedge.staff.session-bound-to-address}):
 * the address is the request's as protection's trusted-proxy rules found it (that filter runs first). The
 * request that signs in binds it; a later request from another address ends the session before Spring Security
 * sees it (which then asks for a new sign-in) and is on the platform trail. Customers' sessions are not bound:
 * their addresses change with every network they roam to.
 */
@RequiredArgsConstructor
class StaffSessionAddress extends OncePerRequestFilter {

    static final String BOUND_ADDRESS = StaffSessionAddress.class.getName() + ".address";

    private final Accounts accounts;
    private final IdentityEvents events;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication staff = staffOf(session);
            Object bound = staff == null ? null : session.getAttribute(BOUND_ADDRESS);
            if (bound != null && !bound.equals(address)) {
                String handle = SpringWebSessions.handleOf(session.getId());
                session.invalidate();
                accounts.findByUsername(staff.getName())
                        .ifPresent(account -> events.publish(
                                new StaffSessionAddressChanged(account.id(), handle, RequestOrigin.of(request))));
            }
        }
        chain.doFilter(request, response);
        bindAfterSignIn(request, address);
    }

    /** The request that signed a staff member in (or the first one since this rule) binds the session. */
    private static void bindAfterSignIn(HttpServletRequest request, String address) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            if (session.getAttribute(BOUND_ADDRESS) == null && staffOf(session) != null) {
                session.setAttribute(BOUND_ADDRESS, address);
            }
        } catch (IllegalStateException invalidated) {
            // signed out on this request: nothing to bind
        }
    }

    @Nullable
    private static Authentication staffOf(HttpSession session) {
        if (!(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context)) {
            return null;
        }
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        return authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().startsWith("STAFF_"))
                ? authentication
                : null;
    }
}
