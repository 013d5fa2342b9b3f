package io.selvedge.api;

import io.selvedge.platform.Problems;
import io.selvedge.storage.UnknownRegionException;
import io.selvedge.tenancy.InvalidNameException;
import io.selvedge.tenancy.InvalidPageException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The tenancy module's invalid input (and an unknown region) as 400 problem documents, for {@link GroupsApi} and
 * {@link TreeApi} (its other refusals are {@link io.selvedge.platform.Refusal}s, answered by the platform).
 */
@RestControllerAdvice(assignableTypes = {GroupsApi.class, TreeApi.class, MembersApi.class})
class TenancyProblems {

    @ExceptionHandler(UnknownRegionException.class)
    ResponseEntity<ProblemDetail> unknownRegion(HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, "There is no such region.");
    }

    @ExceptionHandler({InvalidNameException.class, InvalidPageException.class})
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
