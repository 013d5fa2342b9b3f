package io.selvedge.platform.internal.tls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The path and query a plain-HTTP request line asks for, to be appended to the public HTTPS address:
 * origin-form ({@code /path?query}) as sent, absolute-form reduced to its path and query, anything
 * else (authority-form, {@code *}, characters outside RFC 3986) refused.
 */
final class RedirectTarget {

    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]{1,16} (\\S{1,8000}) HTTP/1\\.[01]");
    private static final Pattern URI_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");

    private RedirectTarget() {}

    /** The path and query to redirect to, or null for a request line that names none. */
    @Nullable
    static String of(String requestLine) {
        var line = REQUEST_LINE.matcher(requestLine);
        if (!line.matches() || !URI_CHARACTERS.matcher(line.group(1)).matches()) {
            return null;
        }
        String target = line.group(1);
        if (target.startsWith("/") && !target.startsWith("//")) {
            return withoutFragment(target);
        }
        try {
            URI absolute = new URI(target);
            String scheme = absolute.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && absolute.getRawPath() != null) {
                String path = absolute.getRawPath().isEmpty() ? "/" : absolute.getRawPath();
                return path + (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery());
            }
        } catch (URISyntaxException notAUri) {
            // refused below
        }
        return null;
    }

    private static String withoutFragment(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }
}
