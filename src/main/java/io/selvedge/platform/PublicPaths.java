package io.selvedge.platform;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The paths a module serves to callers who have not signed in (a sign-in step, a mailed link, a shared
 * link, static files), declared by the module that serves them. The security configuration collects
 * every module's declaration: paths under {@code /api/} are public on the API, the others on the web
 * pages. Everything not declared needs a signed-in caller.
 */
public interface PublicPaths {

    /** A path pattern ({@code *} one segment, {@code **} any), for one method or, without one, for all. */
    record PublicPath(HttpMethod method, String pattern) {

        public static PublicPath any(String pattern) {
            return new PublicPath(null, pattern);
        }

        public static PublicPath get(String pattern) {
            return new PublicPath(HttpMethod.GET, pattern);
        }

        public static PublicPath post(String pattern) {
            return new PublicPath(HttpMethod.POST, pattern);
        }

        public boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    List<PublicPath> publicPaths();
}
