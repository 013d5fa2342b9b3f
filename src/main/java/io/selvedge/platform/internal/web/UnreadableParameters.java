package io.selvedge.platform.internal.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's refusal of a request's parameters ({@code ?cursor=%00%ff}: not UTF-8; or too many), thrown
 * from whichever code first reads a parameter: a controller, a filter or a template. Wherever it
 * surfaces it is the client's mistake, answered with Tomcat's own status (400, or 413 for too many).
 */
final class UnreadableParameters {

    static final String DETAIL = "The query or form parameters cannot be read: they must be UTF-8, percent-encoded.";

    private UnreadableParameters() {}

    /** The refusal among the causes of {@code failure}, or null. */
    @Nullable
    static InvalidParameterException findIn(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException refusal) {
                return refusal;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    static HttpStatus statusOf(InvalidParameterException refusal) {
        HttpStatus status = HttpStatus.resolve(refusal.getErrorCode());
        return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
    }
}
