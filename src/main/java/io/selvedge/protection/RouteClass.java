package io.selvedge.protection;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of request that rate limits tell apart, each with its own limit per client address. */
public enum RouteClass {
    SIGN_IN("^/(signin(/.*)?|login/.*|sso/.*|api/v1/auth/tokens)$", null),
    PASSWORD_RESET("^/(forgot-password|reset-password/.*|api/v1/auth/password-reset(/.*)?)$", null),
    LINKS("^/s/[^/]+(/.*)?$", null),
    UPLOADS(
            "^/api/v1/(uploads(/.*)?|styles/[^/]+/versions|versions/[^/]+/(thumbnail|renders))$"
                    + "|^/workrooms/[^/]+/upload-targets$",
            "POST PUT PATCH"),
    DOWNLOADS("^/api/v1/versions/[^/]+/(content|preview)$", "GET HEAD"),
    SEARCH("^((/api/v1)?/search(/.*)?|/api/v1/groups/[^/]+/search)$", null),
    ADMIN("^/(admin|staff|api/v1/admin|api/v1/staff)(/.*)?$", null),
    OTHER(".*", null);

    private final Pattern path;
    private final String methods;

    RouteClass(String path, String methods) {
        this.path = Pattern.compile(path);
        this.methods = methods;
    }

    /** The class of a request; links' downloads count as links, their guesses being the worry. */
    public static RouteClass of(String method, String path) {
        for (RouteClass route : values()) {
            if ((route.methods == null || route.methods.contains(method.toUpperCase(Locale.ROOT)))
                    && route.path.matcher(path).matches()) {
                return route;
            }
        }
        return OTHER;
    }

    /** The name in settings and metrics: {@code sign-in}, {@code password-reset}... */
    public String setting() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
