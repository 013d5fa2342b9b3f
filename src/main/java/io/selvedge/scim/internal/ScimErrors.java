package io.selvedge.scim.internal;

import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.NotVisibleException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of {@code /scim/v2} as SCIM error documents ({@code application/scim+json}), never internals. */
@RestControllerAdvice(assignableTypes = ScimEndpoints.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

    @ExceptionHandler(ScimException.class)
    ResponseEntity<String> scim(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(NotVisibleException.class)
    ResponseEntity<String> notFound(NotVisibleException e) {
        return error(404, null, "Resource not found.");
    }

    @ExceptionHandler(GrantRefusedException.class)
    ResponseEntity<String> refused(GrantRefusedException e) {
        return error(409, "mutability", e.getMessage());
    }

    @ExceptionHandler(ActionDeniedException.class)
    ResponseEntity<String> denied(ActionDeniedException e) {
        return error(403, null, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> invalid(IllegalArgumentException e) {
        return error(400, "invalidValue", "A value is not allowed here.");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<String> duplicate(DuplicateKeyException e) {
        return error(409, "uniqueness", "It exists already.");
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        HttpMediaTypeNotSupportedException.class
    })
    ResponseEntity<String> badRequest(Exception e) {
        return error(400, "invalidSyntax", "The request is not one SCIM understands.");
    }

    static ResponseEntity<String> error(int status, String scimType, String detail) {
        return ResponseEntity.status(status)
                .contentType(ScimEndpoints.SCIM_JSON)
                .body(ScimResources.error(status, scimType, detail).toString());
    }
}
