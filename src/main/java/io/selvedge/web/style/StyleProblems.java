package io.selvedge.web.style;

import io.selvedge.content.NoSuchContentException;
import io.selvedge.tenancy.NoSuchNodeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What the style pages answer for a style, version, comment or link that is not there: a page, 404. */
// Before the application-wide problem documents, which answer JSON (and 500 for these).
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackageClasses = StyleProblems.class)
class StyleProblems {

    @ExceptionHandler({NoSuchContentException.class, NoSuchNodeException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "style/not-found";
    }
}
