package io.selvedge.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The paths of a module's links whose next segment is a secret (a one-time or bearer token: setup,
 * password reset, invitation, share link), declared by the module that issues them. Whatever names a
 * request's path in a log line (the request log, the unexpected-failure line, a problem document's
 * {@code instance}, which the framework logs at DEBUG) writes {@code {secret}} in that segment's place;
 * query strings are never logged at all.
 */
public interface SecretBearingPaths {

    /** The request attribute holding the request's path as it may be logged (set by the first filter). */
    String LOGGABLE_PATH = SecretBearingPaths.class.getName() + ".loggablePath";

    /** The request's path with a declared secret cut out; as it came if no filter has looked at it. */
    static String loggablePath(HttpServletRequest request) {
        Object path = request.getAttribute(LOGGABLE_PATH);
        return path instanceof String loggable ? loggable : request.getRequestURI();
    }

    /** Path prefixes, each starting and ending with {@code /}, whose next segment is a secret. */
    List<String> secretAfter();
}
