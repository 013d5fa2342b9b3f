package io.selvedge.api;

import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountLinkInvalidException;
import io.selvedge.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The identity module's refusals that any endpoint may meet (account registration from an invitation, a
 * mailed link): a taken username or address is 409, a used or expired link 410. Before the catch-all.
 */
@RestControllerAdvice(basePackageClasses = AccountProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    @ExceptionHandler(AccountExistsException.class)
    ResponseEntity<ProblemDetail> taken(AccountExistsException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(AccountLinkInvalidException.class)
    ResponseEntity<ProblemDetail> gone(AccountLinkInvalidException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.GONE, e.getMessage());
    }
}
