package io.selvedge.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sign-ins whose first factor an identity provider checked (OIDC, SAML, an LDAP directory's bind), for the
 * single sign-on module: accounts created just in time, and the web session established exactly as after
 * the password page (a new session id, a new CSRF token, the session limits, the second step or the MFA
 * enrolment where the account owes it).
 */
public interface FederatedSignIns {

    /** How the identity provider proved the person. */
    enum Method {
        OIDC,
        SAML,
        LDAP
    }

    /**
     * A new active customer account without a password, for the address the identity provider vouched for;
     * its username is made from the address. Publishes {@link AccountRegistered}.
     *
     * @throws AccountExistsException if an account holds the address already
     * @throws IllegalArgumentException if the address or display name is not allowed
     */
    UUID createAccount(String email, @Nullable String displayName);

    /** Whether the account exists and is active (not disabled or deactivated). */
    boolean active(UUID accountId);

    /**
     * Signs the browser of this request in as the account: the session id changes, the CSRF token is
     * renewed, the session holds the factor of {@code method}, and, with {@code idpSecondFactor}, a second
     * factor the identity provider checked (so Selvedge asks for none), and the connection it came through
     * (which API tokens the session makes are marked with). Publishes {@link SignInSucceeded}.
     *
     * @return where to send the browser next: the second step, the MFA enrolment page, or {@code /}
     * @throws IllegalStateException if the account is not active
     */
    String signIn(
            UUID accountId,
            UUID connectionId,
            Method method,
            boolean idpSecondFactor,
            HttpServletRequest request,
            HttpServletResponse response);
}
