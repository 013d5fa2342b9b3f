package io.selvedge.sso;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person as an identity provider vouched for them, after the protocol's checks (an ID token's signature,
 * issuer, audience, expiry and nonce; a SAML response's signature, audience, recipient and window; an LDAP
 * bind as the user).
 *
 * @param email the address the provider asserts (its domain must be one of the connection's)
 * @param displayName the person's name, if the provider gave one
 * @param idpGroups the person's groups at the provider (names, or LDAP {@code cn}s and DNs), for role mapping
 * @param idpMfa whether the provider says it checked a second factor ({@code amr}/{@code acr}, AuthnContext)
 */
public record VerifiedIdentity(String email, @Nullable String displayName, Set<String> idpGroups, boolean idpMfa) {

    public VerifiedIdentity {
        idpGroups = idpGroups == null ? Set.of() : Set.copyOf(idpGroups);
    }

    @Override
    public String toString() {
        return "VerifiedIdentity[groups=" + idpGroups.size() + ", idpMfa=" + idpMfa + "]";
    }
}
