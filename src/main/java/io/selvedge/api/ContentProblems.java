package io.selvedge.api;

import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.ContentTooLargeException;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.platform.Problems;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.NoSuchNodeException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The content module's refusals as problem documents, for the styles, versions and uploads APIs. */
@RestControllerAdvice(assignableTypes = {StylesApi.class, VersionsApi.class, UploadsApi.class, CollabApi.class})
class ContentProblems {

    @ExceptionHandler({NoSuchContentException.class, NoSuchNodeException.class})
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.NOT_FOUND, "There is no such style, version, upload or workroom.");
    }

    @ExceptionHandler(ContentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ContentRefusedException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({InvalidContentException.class, InvalidPageException.class})
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ContentTooLargeException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }
}
