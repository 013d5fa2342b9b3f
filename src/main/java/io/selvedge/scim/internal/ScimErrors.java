package io.selvedge.scim.internal;

import io.selvedge.platform.Refusal;
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

    /**
     * Every module's refusal in SCIM's words: its status; a 404 says nothing of what was asked for; a 400 is an
     * {@code invalidValue} and a 409 a {@code mutability} error, with the refusal's detail (ours, safe to show).
     */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(Refusal e) {
        int status = e.status().value();
        return switch (status) {
            case 404 -> error(404, null, "Resource not found.");
            case 400 -> error(400, "invalidValue", e.detail());
            case 409 -> error(409, "mutability", e.detail());
            default -> error(status, null, e.detail());
        };
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
