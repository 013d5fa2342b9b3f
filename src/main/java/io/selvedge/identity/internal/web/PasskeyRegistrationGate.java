package io.selvedge.identity.internal.web;

import io.selvedge.identity.SessionFactors;
import io.selvedge.identity.internal.MfaPolicy;
import io.selvedge.identity.internal.MfaPolicy.Verdict;
import io.selvedge.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring's passkey registration endpoints ({@code /webauthn/register...}) run before the authorization
 * rules and ask only for a signed-in session. A session that has passed only the password of an account
 * with a second factor must not add a passkey (it would then sign in without the second factor): it is
 * refused here. A signed-in session, or one that must enrol, may register.
 */
@RequiredArgsConstructor
class PasskeyRegistrationGate extends OncePerRequestFilter {

    static final String REGISTER = "/webauthn/register";

    private final MfaPolicy mfa;
    private final SessionFactors factors;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/webauthn/register");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        Verdict verdict = mfa.verdict(authentication);
        if (verdict == Verdict.SIGNED_IN || verdict == Verdict.MUST_ENROL) {
            chain.doFilter(request, response);
            if (REGISTER.equals(request.getRequestURI()
                            .substring(request.getContextPath().length()))
                    && "POST".equals(request.getMethod())
                    && response.getStatus() == HttpServletResponse.SC_OK) {
                // the ceremony verified the user on the new passkey: this session has passed it
                factors.passedPasskey(request, response);
            }
            return;
        }
        Problems.write(
                request,
                response,
                verdict == Verdict.NONE ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                "Finish signing in (the second step) before you register a passkey.");
    }
}
