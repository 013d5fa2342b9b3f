package io.selvedge.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The request an event came from: its id (as in the logs and the {@code X-Request-Id} header), the
 * client's address and user agent. Everything is null outside a request.
 */
public record RequestOrigin(
        @Nullable String requestId,
        @Nullable String address,
        @Nullable String userAgent) implements Serializable {

    private static final int LONGEST_USER_AGENT = 512;

    /** The request being served on this thread, or {@link #none()}. */
    public static RequestOrigin current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return none();
        }
        return of(attributes.getRequest());
    }

    public static RequestOrigin of(HttpServletRequest request) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (userAgent != null && userAgent.length() > LONGEST_USER_AGENT) {
            userAgent = userAgent.substring(0, LONGEST_USER_AGENT);
        }
        return new RequestOrigin(RequestIds.of(request), request.getRemoteAddr(), userAgent);
    }

    public static RequestOrigin none() {
        return new RequestOrigin(null, null, null);
    }
}
