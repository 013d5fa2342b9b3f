package io.selvedge.api;

import io.selvedge.content.InvalidContentException;
import io.selvedge.platform.Problems;
import io.selvedge.tenancy.InvalidPageException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The content module's invalid input as 400 problem documents, for the styles, versions and uploads APIs (its
 * other refusals are {@link io.selvedge.platform.Refusal}s, answered by the platform).
 */
@RestControllerAdvice(assignableTypes = {StylesApi.class, VersionsApi.class, UploadsApi.class, CollabApi.class})
class ContentProblems {

    @ExceptionHandler({InvalidContentException.class, InvalidPageException.class})
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
