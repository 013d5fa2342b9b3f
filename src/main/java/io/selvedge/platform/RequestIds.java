package io.selvedge.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The id that ties a request to its log lines, its audit entries and its error responses. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName();
    public static final String MDC_KEY = "requestId";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {}

    public static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The id of the request being served, or null outside a request. */
    public static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }
}
