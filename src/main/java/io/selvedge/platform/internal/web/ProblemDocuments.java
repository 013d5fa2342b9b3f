package io.selvedge.platform.internal.web;

import io.selvedge.platform.BodyRefusedException;
import io.selvedge.platform.InvalidCursorException;
import io.selvedge.platform.Problems;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestIds;
import io.selvedge.platform.SecretBearingPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become RFC 9457 problem documents. Every module's {@link Refusal} answers
 * with its status and detail; Spring's own handler covers the framework's exceptions (404, 405, 415,
 * 400...); this adds the request id to each, maps an oversized
 * body to 413, and answers anything unexpected with a bare 500 that echoes nothing of the failure.
 */
@RestControllerAdvice
class ProblemDocuments extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDocuments.class);

    /** Every module's refusal: its status, its detail, and the headers it carries (a wait, say). */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(request, refusal);
        return ResponseEntity.status(refusal.status())
                .headers(refusal.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(BodyRefusedException.class)
    ResponseEntity<ProblemDetail> bodyRefused(BodyRefusedException exception, HttpServletRequest request) {
        return Problems.respond(request, exception.status(), exception.getMessage());
    }

    @ExceptionHandler(InvalidCursorException.class)
    ResponseEntity<ProblemDetail> invalidCursor(InvalidCursorException exception, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, exception.getMessage());
    }

    /**
     * The container could not decode the query or form parameters (bytes that are not UTF-8, too many of
     * them): Tomcat throws this from whatever first reads a parameter, which is the client's mistake.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(
            InvalidParameterException exception, HttpServletRequest request) {
        HttpStatus status = UnreadableParameters.statusOf(exception);
        return Problems.respond(request, status, UnreadableParameters.DETAIL);
    }

    /**
     * A bare 500; but once the response is committed (a download that fails half-way, when a stored file
     * turns out to be damaged) a problem document would only be appended to the file's bytes, so the
     * exception goes on to the container, which closes the connection: the client sees a cut-off transfer.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(
            Exception exception, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            throw exception; // the same exception: Spring leaves it unhandled, without a warning of its own
        }
        BodyRefusedException refused = BodyRefusedException.findIn(exception);
        if (refused != null) { // a body limit, reached under a reader that wrapped the failure
            return Problems.respond(request, refused.status(), refused.getMessage());
        }
        log.error(
                "Unexpected failure serving {} {}",
                request.getMethod(),
                SecretBearingPaths.loggablePath(request),
                exception);
        return Problems.respond(
                request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Quote the request id.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyRefusedException refused = BodyRefusedException.findIn(exception);
        if (refused != null) {
            HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
            ProblemDetail problem = Problems.of(servletRequest, refused.status(), refused.getMessage());
            return ResponseEntity.status(refused.status()).body(problem);
        }
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(status, "The request body is not valid JSON of the expected shape.");
        return handleExceptionInternal(exception, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null) {
                problem.setInstance(Problems.instance(servletRequest));
                problem.setProperty("requestId", RequestIds.of(servletRequest));
            }
        }
        return response;
    }
}
