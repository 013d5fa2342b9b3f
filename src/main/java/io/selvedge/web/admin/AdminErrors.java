package io.selvedge.web.admin;

import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The console's refusals as a page with the status: 404 for a group or node the caller may not see, 403 for
 * what they see but may not do, the refusal's own status otherwise. Never a stack trace.
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class AdminErrors {

    private final MessageSource messages;

    @ExceptionHandler({Refusal.class, ErrorResponseException.class})
    String refused(ErrorResponse e, HttpServletResponse response, Model model) {
        int status = e.getStatusCode().value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", status == 404 ? null : e.getBody().getDetail());
        return "admin/error";
    }

    /** A form sent without a field, or with one that is not of its kind (a role that is none, a bad id). */
    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        BindException.class
    })
    String badRequest(HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute(
                "detail", messages.getMessage("admin.error.badRequest", null, LocaleContextHolder.getLocale()));
        return "admin/error";
    }
}
