package io.selvedge.platform.internal.web;

import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that the container raises outside Spring MVC (a filter's failure, a rejected
 * request) with a problem document in place of Boot's whitelabel page, and never with internals.
 * Asked for directly, {@code /error} is a page that does not exist.
 */
@AnyCaller("renders the error of another request as a problem document")
@RestController
@RequiredArgsConstructor
class ProblemErrorController implements ErrorController {

    private final SecretPaths secrets;

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return Problems.respond(request, HttpStatus.NOT_FOUND, "There is no such page.");
        }
        InvalidParameterException unreadable =
                UnreadableParameters.findIn((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        ResponseEntity<ProblemDetail> response = unreadable != null
                ? Problems.respond(request, UnreadableParameters.statusOf(unreadable), UnreadableParameters.DETAIL)
                : Problems.respond(request, statusOf(request), detailOf(statusOf(request)));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String original) {
            try {
                response.getBody().setInstance(Problems.instance(secrets.loggable(original)));
            } catch (IllegalArgumentException notAUri) {
                // the path the container refused is not repeated; the instance stays /error
            }
        }
        return response;
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(HttpStatus status) {
        return status.is5xxServerError()
                ? "Something went wrong on our side. Quote the request id."
                : status.getReasonPhrase();
    }
}
