package io.selvedge.platform;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A request refused for a reason the caller may know: the one exception type every module throws to say
 * no. Its kind ({@link NotFound}, {@link Forbidden}, {@link Conflict}...) gives the status; its detail is
 * shown to the caller, so it says what is refused and never anything of another's data or of our
 * internals. Mapped once to a problem document for the API and once to a page for the web console; the
 * message (for logs and commands) may say more than the detail, such as the id asked for.
 */
public abstract class Refusal extends RuntimeException implements ErrorResponse {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String detail;

    protected Refusal(HttpStatus status, String detail) {
        this(status, detail, detail);
    }

    protected Refusal(HttpStatus status, String detail, String message) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    /** What the caller is told. */
    public String detail() {
        return detail;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return status;
    }

    /** The problem document's body: its status and detail, and whatever properties a kind adds. */
    @Override
    public ProblemDetail getBody() {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    @Override
    public HttpHeaders getHeaders() {
        return HttpHeaders.EMPTY;
    }

    /** 404: no such thing, or one the caller may not know of. */
    public static class NotFound extends Refusal {
        public NotFound(String detail) {
            super(HttpStatus.NOT_FOUND, detail);
        }

        protected NotFound(String detail, String message) {
            super(HttpStatus.NOT_FOUND, detail, message);
        }
    }

    /** 403: the caller may see the thing but not do this to it. */
    public static class Forbidden extends Refusal {
        public Forbidden(String detail) {
            super(HttpStatus.FORBIDDEN, detail);
        }
    }

    /** 409: the request conflicts with the state of what it changes. */
    public static class Conflict extends Refusal {
        public Conflict(String detail) {
            super(HttpStatus.CONFLICT, detail);
        }
    }

    /** 400: the request is malformed. */
    public static class Invalid extends Refusal {
        public Invalid(String detail) {
            super(HttpStatus.BAD_REQUEST, detail);
        }

        protected Invalid(String detail, String message) {
            super(HttpStatus.BAD_REQUEST, detail, message);
        }
    }

    /** 422: the request is well formed, but what it asks for cannot be. */
    public static class Unprocessable extends Refusal {
        public Unprocessable(String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        }
    }

    /** 410: a link that worked once and no longer does. */
    public static class Gone extends Refusal {
        public Gone(String detail) {
            super(HttpStatus.GONE, detail);
        }
    }

    /** 413: past a size limit or a quota. */
    public static class TooLarge extends Refusal {
        public TooLarge(String detail) {
            super(HttpStatus.CONTENT_TOO_LARGE, detail);
        }
    }

    /** 401: the credentials given (a password, a code) do not sign anyone in. */
    public static class Unauthorized extends Refusal {
        public Unauthorized(String detail) {
            super(HttpStatus.UNAUTHORIZED, detail);
        }
    }

    /**
     * 429: too many attempts; the next must wait. The wait goes out twice: as {@code Retry-After} and as the
     * document's {@code retryAfterSeconds}.
     */
    public static class TooManyRequests extends Refusal {
        private final long retryAfterSeconds;

        public TooManyRequests(String detail, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, detail);
            this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        /** Whole seconds, rounded up, at least one. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public ProblemDetail getBody() {
            ProblemDetail body = super.getBody();
            body.setProperty("retryAfterSeconds", retryAfterSeconds);
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            return headers;
        }
    }
}
