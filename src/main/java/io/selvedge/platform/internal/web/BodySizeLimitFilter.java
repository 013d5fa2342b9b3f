package io.selvedge.platform.internal.web;

import io.selvedge.platform.CountedBody;
import io.selvedge.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the size of JSON and form bodies ({@code selvedge.http.max-body-size}): a declared length past
 * the limit is refused with 413 before a byte is read, and a chunked body fails as soon as it crosses
 * it. File uploads are not JSON: their endpoints stream and set limits of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;

    BodySizeLimitFilter(@Value("${selvedge.http.max-body-size:1MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    /** The endpoints that stream a file whatever its declared type, each with limits of its own. */
    private static final java.util.regex.Pattern STREAMED = java.util.regex.Pattern.compile(
            "/api/v1/(styles/[^/]+/versions|versions/[^/]+/(thumbnail|renders)|uploads(/[^/]+)?)");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (STREAMED.matcher(request.getRequestURI()).matches()) {
            return true;
        }
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return !(type.contains("json")
                || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("text/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            Problems.write(
                    request, response, HttpStatus.CONTENT_TOO_LARGE, new BodyTooLargeException(limit).getMessage());
            return;
        }
        chain.doFilter(CountedBody.of(request, in -> new LimitedStream(in, limit)), response);
    }

    /** Fails with {@link BodyTooLargeException} as soon as more than the limit is read. */
    private static final class LimitedStream extends CountedBody {

        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        protected void counted(int bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
