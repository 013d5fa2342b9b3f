package io.selvedge.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Holds at INFO the few framework loggers whose DEBUG or TRACE lines carry what a request's credentials
 * ride on: the URL with its query and path (setup links, {@code ?token=}), or header values. An operator who
 * turns a whole package up to DEBUG still gets its other lines; {@code io.selvedge.requests} logs every
 * request's method, path (secrets cut out) and status instead.
 */
class SecretSafeLogLevels implements EnvironmentPostProcessor, Ordered {

    static final List<String> LOGGERS = List.of(
            // "Securing GET /setup/<secret>", "Secured GET /signin?token=<secret>"
            "org.springframework.security.web.FilterChainProxy",
            // "Saved request https://host/path?token=<secret> to session", "Redirecting to <saved URL>"
            "org.springframework.security.web.savedrequest",
            "org.springframework.security.web.DefaultRedirectStrategy",
            // "Invalid CSRF token found for https://host/setup/<secret>"
            "org.springframework.security.web.csrf.CsrfFilter",
            // GET "/signin?token=<secret>", parameters={masked}
            "org.springframework.web.servlet.DispatcherServlet",
            // at TRACE: every HTTP/2 header with its value, Authorization, Cookie and Set-Cookie among them
            "org.apache.coyote.http2.HpackDecoder",
            "org.apache.coyote.http2.HpackEncoder",
            "org.apache.coyote.http2.Stream");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> levels = new LinkedHashMap<>();
        for (String logger : LOGGERS) {
            levels.put("logging.level." + logger, "INFO");
        }
        // First: these levels win over any configuration, a narrower one included.
        environment.getPropertySources().addFirst(new MapPropertySource("selvedgeSecretSafeLogLevels", levels));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
