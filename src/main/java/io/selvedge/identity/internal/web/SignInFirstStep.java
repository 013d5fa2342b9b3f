package io.selvedge.identity.internal.web;

import io.selvedge.identity.SignInRoutes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in page's first step, before the password is checked: a name that a {@link SignInRoutes} sends
 * elsewhere (an e-mail address of a domain with single sign-on) goes to its identity provider; a name
 * given without a password comes back to the page, which then asks for the password of that name.
 */
@RequiredArgsConstructor
class SignInFirstStep extends OncePerRequestFilter {

    /** The page that sends the browser on to where a {@link SignInRoutes} said (a meta refresh and a link). */
    static final String CONTINUE_PAGE = "/signin/continue";

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/signin");
    private static final int LONGEST_NAME = 320;

    private final ObjectProvider<SignInRoutes> routes;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = String.valueOf(request.getParameter("username")).strip();
        String password = request.getParameter("password");
        if (request.getParameter("username") != null && !name.isEmpty() && name.length() <= LONGEST_NAME) {
            Optional<String> elsewhere = routes.orderedStream()
                    .map(route -> route.elsewhere(name))
                    .flatMap(Optional::stream)
                    .findFirst();
            if (elsewhere.isPresent()) {
                // Through a page of our own: a browser applies the form's CSP (form-action 'self') to every
                // redirect that follows the form's POST, so the chain must end here, before the provider.
                response.sendRedirect(request.getContextPath() + CONTINUE_PAGE + "?to="
                        + URLEncoder.encode(elsewhere.get(), StandardCharsets.UTF_8));
                return;
            }
            if (password == null || password.isEmpty()) {
                request.getSession().setAttribute(SignInRoutes.PENDING_NAME, name);
                response.sendRedirect(request.getContextPath() + "/signin");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
