package io.selvedge.identity.internal.web;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.internal.TokenAuthenticator;
import io.selvedge.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's only authentication: {@code Authorization: Bearer <token>} or {@code Basic
 * base64(username:<token>)}. A password is never accepted here, not even the right one: it does not
 * have the token's shape, so it is refused before any look-up. A request with credentials that fail is
 * answered 401 at once; one without any goes on as anonymous, and the authorization rules decide.
 */
@RequiredArgsConstructor
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    static final String INVALID = "The API token is not valid: it is mistyped, expired or revoked."
            + " The API takes API tokens, never passwords: make one with POST /api/v1/auth/tokens.";

    static final String ENROL_FIRST = "This account must use MFA. Until you enrol, only GET /api/v1/me and"
            + " the enrolment endpoints answer: POST /api/v1/me/mfa/totp, then POST /api/v1/me/mfa/totp/confirm"
            + " with a code from your authenticator app (or register a passkey on the web account page)."
            + " Enrolling revokes the API tokens made before it: make a new one with the password and a code.";

    private final TokenAuthenticator tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiCaller> caller = callerOf(header.strip(), request.getRemoteAddr());
        if (caller.isEmpty()) {
            contexts.clearContext();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"selvedge\"");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, INVALID);
            return;
        }
        if (caller.get().mustEnrolMfa() && !reachableBeforeEnrolment(request)) {
            Problems.write(request, response, HttpStatus.FORBIDDEN, ENROL_FIRST);
            return;
        }
        continueAs(caller.get(), request, response, chain);
    }

    /** Runs the rest of the chain as the API caller (this filter's and {@link BrowserSessionOnApi}'s). */
    static void continueAs(
            ApiCaller caller, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(caller));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    /** {@code /api/v1/me} and the MFA enrolment endpoints (the firewall has refused unnormalised paths). */
    private static boolean reachableBeforeEnrolment(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1/me")
                || path.equals("/api/v1/me/mfa/totp")
                || path.equals("/api/v1/me/mfa/totp/confirm");
    }

    /** The caller of a request's {@code Authorization} header, in the benchmark too. */
    Optional<ApiCaller> callerOf(String header, String clientAddress) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return tokens.authenticate(credentials, null, clientAddress);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return tokens.authenticate(decoded.substring(colon + 1), decoded.substring(0, colon), clientAddress);
    }

    /** An authenticated API caller, with the authorities of its token's scopes and its staff role. */
    static final class ApiTokenAuthentication extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final ApiCaller caller;

        ApiTokenAuthentication(ApiCaller caller) {
            super(authoritiesOf(caller));
            this.caller = caller;
            setAuthenticated(true);
        }

        private static List<GrantedAuthority> authoritiesOf(ApiCaller caller) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (ApiScope scope : caller.scopes()) {
                authorities.add(new SimpleGrantedAuthority(scope.authority()));
            }
            if (caller.staffRole() != null) {
                authorities.add(new SimpleGrantedAuthority("STAFF_" + caller.staffRole()));
            }
            return authorities;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiCaller getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.username();
        }
    }
}
