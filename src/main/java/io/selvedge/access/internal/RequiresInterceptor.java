package io.selvedge.access.internal;

import io.selvedge.access.Authorization;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Requires;
import io.selvedge.platform.AnyCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Enforces the permission each handler states, before it runs: {@link Requires} through the decision
 * point; {@link AnyCaller} passes. A handler that states neither is refused (deny by default).
 */
@RequiredArgsConstructor
class RequiresInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequiresInterceptor.class);

    private final Authorization authorization;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static resources and the like: the filter chain decides
        }
        Requires requires = method.getMethodAnnotation(Requires.class);
        if (requires == null) {
            if (HandlerPermissions.anyCaller(method) != null) {
                return true;
            }
            log.error("Refused a request: its handler {} states no permission", method);
            throw new NotVisibleException();
        }
        UUID target = target(request, requires.target());
        if (target == null) {
            return true; // not an id: binding the handler's UUID parameter answers 400 before it runs
        }
        if (requires.value().length == 1) {
            authorization.require(requires.value()[0], target);
        } else {
            authorization.requireOnLevel(List.of(requires.value()), target);
        }
        return true;
    }

    private static UUID target(HttpServletRequest request, String variable) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String value = variables == null ? null : variables.get(variable);
        if (value == null) {
            throw new IllegalStateException("No path variable " + variable + " for @Requires");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
