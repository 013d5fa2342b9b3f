package io.selvedge.platform.internal.web;

import io.selvedge.platform.SecretBearingPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link SecretBearingPaths} as one pattern: a path as it may be logged, with the secret
 * segment cut out. The request's loggable path is kept on the request for every line that names it
 * ({@link SecretBearingPaths#loggablePath}).
 */
@Component
class SecretPaths {

    private final Pattern secret;

    SecretPaths(List<SecretBearingPaths> declared) {
        List<String> prefixes = declared.stream()
                .flatMap(paths -> paths.secretAfter().stream())
                .peek(SecretPaths::check)
                .distinct()
                .toList();
        this.secret = prefixes.isEmpty()
                ? null
                : Pattern.compile(
                        "^(" + prefixes.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")[^/]+");
    }

    private static void check(String prefix) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/") || prefix.length() < 3) {
            throw new IllegalStateException("A secret-bearing path is declared as /prefix/, not " + prefix);
        }
    }

    /** The path with the secret of a declared link replaced by {@code {secret}}. */
    String loggable(String path) {
        return secret == null ? path : secret.matcher(path).replaceFirst("$1{secret}");
    }

    /** Remembers the request's loggable path, for {@link SecretBearingPaths#loggablePath}. */
    String remember(HttpServletRequest request) {
        String path = loggable(request.getRequestURI());
        request.setAttribute(SecretBearingPaths.LOGGABLE_PATH, path);
        return path;
    }
}
