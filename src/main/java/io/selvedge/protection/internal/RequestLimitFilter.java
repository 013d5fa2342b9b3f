package io.selvedge.protection.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.platform.BodyRefusedException;
import io.selvedge.platform.CountedBody;
import io.selvedge.platform.Problems;
import io.selvedge.protection.ProtectionProperties;
import io.selvedge.protection.RouteClass;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits of a request that Tomcat does not hold: the length of its path and query (414), the size of its
 * body for its route class (413, declared or counted as it is read; uploads stream and have their own), and the
 * slowest body waited for: once the grace period has passed, a body arriving slower than the minimum rate is
 * cut off (408, and the connection closed), so a client dripping bytes holds no thread for long.
 */
@RequiredArgsConstructor
class RequestLimitFilter extends OncePerRequestFilter {

    private final ProtectionProperties.Connections limits;
    private final MeterRegistry meters;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        long line = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (line > limits.maxRequestLine().toBytes()) {
            refuse(
                    request,
                    response,
                    HttpStatus.URI_TOO_LONG,
                    "request-line",
                    "The path and query are longer than "
                            + limits.maxRequestLine().toBytes() + " characters.");
            return;
        }
        RouteClass route = RouteClass.of(request.getMethod(), request.getRequestURI());
        long most = limits.maxBodyOf(route);
        if (request.getContentLengthLong() > most) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-size", tooLarge(most));
            request.setAttribute(DroppedBodies.ATTRIBUTE, DroppedBodies.Rest.LINGER);
            return;
        }
        String setting = route.setting();
        chain.doFilter(CountedBody.of(request, in -> new Watched(in, most, setting, request)), response);
    }

    private String tooLarge(long most) {
        return "The request body is larger than the " + most + " bytes this endpoint takes.";
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String limit, String detail)
            throws IOException {
        meters.counter("selvedge.connections.refused", "limit", limit).increment();
        request.setAttribute(DroppedBodies.ATTRIBUTE, DroppedBodies.Rest.CUT);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        Problems.write(request, response, status, detail);
    }

    /** Counts the body as it is read: its size against the limit, its rate against the minimum. */
    private final class Watched extends CountedBody {

        private final long most;
        private final String route;
        private final HttpServletRequest request;
        private final long started = System.nanoTime();
        private long read;

        Watched(ServletInputStream in, long most, String route, HttpServletRequest request) {
            super(in);
            this.most = most;
            this.route = route;
            this.request = request;
        }

        @Override
        protected void counted(int bytes) throws BodyRefusedException {
            read += bytes;
            if (read > most) {
                meters.counter("selvedge.connections.refused", "limit", "body-size")
                        .increment();
                request.setAttribute(DroppedBodies.ATTRIBUTE, DroppedBodies.Rest.LINGER);
                throw new BodyRefusedException(HttpStatus.CONTENT_TOO_LARGE, tooLarge(most));
            }
            long elapsed = System.nanoTime() - started;
            long grace = limits.bodyGrace().toNanos();
            if (elapsed > grace && !isFinished()) {
                double seconds = elapsed / 1e9;
                if (read / seconds < limits.minBodyRate().toBytes()) {
                    meters.counter("selvedge.connections.refused", "limit", "slow-body", "route", route)
                            .increment();
                    // The rest of a dripping body is never waited for: the connection is closed after the 408.
                    request.setAttribute(DroppedBodies.ATTRIBUTE, DroppedBodies.Rest.CUT);
                    throw new BodyRefusedException(
                            HttpStatus.REQUEST_TIMEOUT,
                            "The request body arrived slower than "
                                    + limits.minBodyRate().toBytes() + " bytes a second.");
                }
            }
        }
    }
}
