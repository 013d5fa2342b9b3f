package io.selvedge.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The factors a web session has passed. Enrolling a second factor in a session proves it (a first TOTP code,
 * a passkey registered with user verification), so that session counts as having passed it: without this,
 * the session that just enrolled would be sent to the second sign-in step.
 */
public interface SessionFactors {

    /** The session of this request passed a one-time code. */
    void passedOneTimeCode(HttpServletRequest request, HttpServletResponse response);

    /** The session of this request proved a passkey. */
    void passedPasskey(HttpServletRequest request, HttpServletResponse response);
}
