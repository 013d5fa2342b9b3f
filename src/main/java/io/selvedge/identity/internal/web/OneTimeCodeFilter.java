package io.selvedge.identity.internal.web;

import io.selvedge.identity.internal.SecondFactorSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The second step of the web sign-in: {@code POST /signin/code} with the {@code otp} field (a TOTP code or a
 * recovery code), after a password step. On success the session's authentication gains the code's factor,
 * and the session id changes again.
 */
class OneTimeCodeFilter extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/signin/code";

    private final SecondFactorSignIn secondFactor;

    OneTimeCodeFilter(
            SecondFactorSignIn secondFactor,
            SecurityContextRepository contexts,
            SessionAuthenticationStrategy sessions,
            AuthenticationSuccessHandler succeeded,
            AuthenticationFailureHandler failed) {
        super(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, PATH));
        this.secondFactor = secondFactor;
        setSecurityContextRepository(contexts);
        setSessionAuthenticationStrategy(sessions);
        setAuthenticationSuccessHandler(succeeded);
        setAuthenticationFailureHandler(failed);
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        Authentication passwordStep =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        return secondFactor.withCode(passwordStep, request.getParameter("otp"), request.getRemoteAddr());
    }
}
