package io.selvedge.sso.internal;

import io.selvedge.sso.SsoSignInRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused SSO sign-in, on any {@code /sso/…} endpoint: 401 with a page that says only that it failed
 * (the reason is on the group's trail). A session that held nothing but the attempt is ended, so nothing
 * of it stays.
 */
@ControllerAdvice(basePackages = "io.selvedge.sso")
@Order(Ordered.HIGHEST_PRECEDENCE)
class SsoRefusalPage {

    @ExceptionHandler(SsoSignInRefusedException.class)
    String refused(SsoSignInRefusedException refused, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn =
                current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
        HttpSession session = request.getSession(false);
        if (session != null && !signedIn) {
            session.invalidate();
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        return "sso-refused";
    }
}
