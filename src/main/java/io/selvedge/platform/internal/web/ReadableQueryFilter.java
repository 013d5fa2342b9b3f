package io.selvedge.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query Tomcat cannot read ({@code ?cursor=%00%ff}: not UTF-8) or holding a NUL is the client's mistake on every path,
 * answered 400 before anything else runs, whether or not the page would have read a parameter. Only
 * requests with a query are parsed here, so an upload's body is never read by this filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ReadableQueryFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() != null) {
            // Tomcat throws its InvalidParameterException here; the error page answers it 400 with the
            // security headers, as for a refusal met anywhere else (ProblemErrorController)
            // A NUL is no character of any parameter, and PostgreSQL refuses one in a query: 400 here, not a 500 there
            for (String[] values : request.getParameterMap().values()) {
                for (String value : values) {
                    if (value.indexOf('\u0000') >= 0) {
                        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
