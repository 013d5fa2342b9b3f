package io.selvedge.monitoring.internal;

import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The alert pages' refusals as the console's error page with the status (404 says nothing more). */
@ControllerAdvice(assignableTypes = {IncidentsPage.class, GroupAlertsPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertPageErrors {

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletResponse response, Model model) {
        int status = refusal.status().value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", status == 404 ? null : refusal.detail());
        return "admin/error";
    }
}
