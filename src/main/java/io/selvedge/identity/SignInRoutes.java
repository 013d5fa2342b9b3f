package io.selvedge.identity;

import java.util.Optional;

/**
 * Where the sign-in page sends a name that signs in elsewhere than with a Selvedge password: the single
 * sign-on module answers the start of an address's identity provider ({@code /sso/{id}}) for an e-mail
 * address whose verified domain has an OIDC or SAML connection. Asked before any password is checked; the
 * answer depends on the domain alone, never on whether an account exists.
 */
public interface SignInRoutes {

    /**
     * The session attribute that carries a name given without a password to the page's password step (so
     * it never travels in a URL); the page takes it out when it shows it.
     */
    String PENDING_NAME = "io.selvedge.identity.SignInRoutes.pendingName";

    /** The path to redirect to instead of checking a password; empty: the password step as usual. */
    Optional<String> elsewhere(String username);
}
