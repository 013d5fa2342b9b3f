package io.selvedge.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents, for controllers and for the filters that answer before any
 * controller runs (authentication, body limits). The detail is always ours, never an exception's text.
 */
public final class Problems {

    // The same shape as Spring MVC's own problem documents: extra properties at the top level.
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Problems() {}

    public static ProblemDetail of(HttpServletRequest request, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (request != null) {
            problem.setInstance(instance(request));
            problem.setProperty("requestId", RequestIds.of(request));
        }
        return problem;
    }

    /** A refusal's problem: its status and detail, and the properties its kind adds (a wait, say). */
    public static ProblemDetail of(HttpServletRequest request, Refusal refusal) {
        ProblemDetail problem = of(request, refusal.status(), refusal.detail());
        Map<String, Object> properties = refusal.getBody().getProperties();
        if (properties != null) {
            properties.forEach(problem::setProperty);
        }
        return problem;
    }

    /**
     * The request's path as a problem's {@code instance}: without the secret of a one-time link, since
     * the framework logs problems (at DEBUG) and the document may be kept by whoever receives it.
     */
    public static URI instance(HttpServletRequest request) {
        return instance(SecretBearingPaths.loggablePath(request));
    }

    /** A path already cut of its secret (with its {@code {secret}} mark) as a problem's {@code instance}. */
    public static URI instance(String loggablePath) {
        return URI.create(loggablePath.replace("{", "%7B").replace("}", "%7D"));
    }

    public static ResponseEntity<ProblemDetail> respond(HttpServletRequest request, HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(request, status, detail));
    }

    /** 429 with {@code Retry-After} (and the same wait as {@code retryAfterSeconds} in the document). */
    public static ResponseEntity<ProblemDetail> tooManyRequests(
            HttpServletRequest request, String detail, long retryAfterSeconds) {
        ProblemDetail problem = of(request, HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The problem as JSON, in the shape of Spring MVC's own problem documents. */
    public static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(problem);
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(of(request, status, detail)));
    }
}
