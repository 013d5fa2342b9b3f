package io.selvedge.web.workroom;

import io.selvedge.content.NoSuchContentException;
import io.selvedge.platform.Problems;
import io.selvedge.tenancy.NoSuchNodeException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The workroom pages' refusals, never a 500: an id that is not a live workroom (a style's id passes the
 * VIEW check, then is no workroom) is not found; a cursor this list did not hand out is a bad request.
 * Ordered first: the platform's catch-all would answer these as failures.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {WorkroomPage.class, WorkroomSharing.class})
class WorkroomProblems {

    @ExceptionHandler({NoSuchNodeException.class, NoSuchContentException.class})
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.NOT_FOUND, "There is no such workroom.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, "This page cannot be shown for these values.");
    }
}
