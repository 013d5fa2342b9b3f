package io.selvedge.web;

import io.selvedge.platform.Problems;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where a web page's {@link Refusal} becomes a page: the template its controller names with
 * {@link RefusalPage}, with the refusal's status (and headers, a wait say). A refusal the page does not say,
 * or one of a controller that names no page, answers the problem document the API would. The admin
 * console has its own page for every refusal ({@code admin.AdminErrors}, ordered first).
 */
@ControllerAdvice(basePackageClasses = RefusalPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RefusalPages {

    @ExceptionHandler(Refusal.class)
    @Nullable
    ModelAndView refused(
            Refusal refusal, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = refusal.status().value();
        RefusalPage page = pageOf(handler.getBeanType());
        refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (page == null || Arrays.stream(page.statuses()).noneMatch(said -> said == status)) {
            ProblemDetail problem = Problems.of(request, refusal);
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Problems.json(problem));
            return null; // answered
        }
        if (page.secretInAddress()) {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Robots-Tag", "noindex, nofollow");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        response.setStatus(status);
        ModelAndView answer = new ModelAndView(page.value());
        answer.setStatus(refusal.status());
        answer.addObject("status", status);
        answer.addObject("detail", refusal.detail());
        return answer;
    }

    @Nullable
    static RefusalPage pageOf(Class<?> controller) {
        RefusalPage onType = AnnotatedElementUtils.findMergedAnnotation(controller, RefusalPage.class);
        return onType != null ? onType : controller.getPackage().getAnnotation(RefusalPage.class);
    }
}
