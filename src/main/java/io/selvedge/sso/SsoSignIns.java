package io.selvedge.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;

/**
 * Completes a sign-in whose protocol part (OIDC, SAML, LDAP) succeeded: the address must be in one of the
 * connection's domains; the first sign-in creates the managed account (just in time, no password); each
 * sign-in sets its name and its roles on the nodes the connection's role mappings govern; a deactivated
 * account is refused. Every attempt is on the group's trail ({@link SsoSignInSucceeded},
 * {@link SsoSignInRefused} with the reason, {@link ManagedAccountCreated}). A refused attempt creates and
 * changes nothing and leaves no session.
 */
public interface SsoSignIns {

    /**
     * Provisions the person (as {@link #signIn} does) without touching any web session: for sign-ins that
     * end elsewhere, such as an LDAP password at the token endpoint.
     *
     * @return the account's id
     * @throws SsoSignInRefusedException if the sign-in is refused (the reason is audited)
     */
    UUID provision(UUID connectionId, VerifiedIdentity identity);

    /**
     * Provisions the person, then signs the browser of this request in, exactly as the password page does
     * (new session id and CSRF token, session limits; Selvedge's second step or the MFA enrolment where the
     * account owes it and the connection does not trust the provider's MFA, or the provider did none).
     *
     * @return where to redirect the browser: {@code /signin/code}, {@code /account/mfa} or {@code /}
     * @throws SsoSignInRefusedException if the sign-in is refused (the reason is audited)
     */
    String signIn(
            UUID connectionId, VerifiedIdentity identity, HttpServletRequest request, HttpServletResponse response);

    /**
     * Records an attempt the protocol refused before any identity was trusted (bad state, signature,
     * audience...), on the connection's group's trail, and returns the exception to throw.
     *
     * @param reason a short slug without any secret: {@code bad-state}, {@code bad-signature}, {@code wrong-audience}
     */
    SsoSignInRefusedException refused(UUID connectionId, String reason);
}
