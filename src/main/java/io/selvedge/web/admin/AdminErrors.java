package io.selvedge.web.admin;

import io.selvedge.tenancy.NoSuchNodeException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The console's refusals as a page with the status: 404 for a group or node the caller may not see, 403 for
 * what they see but may not do, the refusal's own status otherwise. Never a stack trace.
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrors {

    @ExceptionHandler(ErrorResponseException.class)
    String refused(ErrorResponseException e, HttpServletResponse response, Model model) {
        int status = e.getStatusCode().value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", status == 404 ? null : e.getBody().getDetail());
        return "admin/error";
    }

    @ExceptionHandler(NoSuchNodeException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "admin/error";
    }
}
