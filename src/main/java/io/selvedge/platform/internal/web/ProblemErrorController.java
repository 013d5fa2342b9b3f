package io.selvedge.platform.internal.web;

import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that the container raises outside Spring MVC (a filter's failure, a rejected
 * request) with a problem document in place of Boot's whitelabel page, and never with internals.
 */
@AnyCaller("renders the error of another request as a problem document")
@RestController
class ProblemErrorController implements ErrorController {

    private final SecretPaths secrets;

    ProblemErrorController(SecretPaths secrets) {
        this.secrets = secrets;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError()
                ? "Something went wrong on our side. Quote the request id."
                : status.getReasonPhrase();
        ResponseEntity<ProblemDetail> response = Problems.respond(request, status, detail);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String original) {
            response.getBody().setInstance(Problems.instance(secrets.loggable(original)));
        }
        return response;
    }
}
