package io.selvedge.api;

import io.selvedge.platform.Problems;
import io.selvedge.storage.UnknownRegionException;
import io.selvedge.tenancy.InvalidNameException;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.TreeChangeRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The tenancy module's refusals as problem documents, for {@link GroupsApi} and {@link TreeApi}. */
@RestControllerAdvice(assignableTypes = {GroupsApi.class, TreeApi.class, MembersApi.class})
class TenancyProblems {

    @ExceptionHandler(NoSuchNodeException.class)
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.NOT_FOUND, "There is no such group or node.");
    }

    @ExceptionHandler(UnknownRegionException.class)
    ResponseEntity<ProblemDetail> unknownRegion(HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, "There is no such region.");
    }

    @ExceptionHandler(TreeChangeRefusedException.class)
    ResponseEntity<ProblemDetail> refused(TreeChangeRefusedException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({InvalidNameException.class, InvalidPageException.class})
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
