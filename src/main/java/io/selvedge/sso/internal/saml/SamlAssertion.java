package io.selvedge.sso.internal.saml;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a validated SAML assertion says of the person: the IdP's NameID (and its format), the e-mail address
 * (the NameID when its format is emailAddress, else the {@code email} attribute), a display name, the IdP
 * groups (the {@code groups} attribute or the connection's own), and the {@code AuthnContextClassRef} by which
 * the IdP says how the person signed in (for trusting its MFA).
 */
public record SamlAssertion(
        String issuer,
        String assertionId,
        String nameId,
        @Nullable String nameIdFormat,
        String email,
        @Nullable String displayName,
        List<String> groups,
        @Nullable String authnContextClassRef,
        @Nullable Instant sessionNotOnOrAfter) {

    public SamlAssertion {
        groups = List.copyOf(groups);
    }

    /** Whether the IdP says a second factor (or a phishing-resistant one) was used. */
    public boolean idpMultiFactor() {
        if (authnContextClassRef == null) {
            return false;
        }
        String ref = authnContextClassRef;
        return ref.equals("http://schemas.microsoft.com/claims/multipleauthn")
                || ref.equals("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract")
                || ref.equals("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorUnregistered")
                || ref.equals("urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken")
                || ref.equals("urn:oasis:names:tc:SAML:2.0:ac:classes:X509")
                || ref.equals("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard")
                || ref.equals("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI")
                || ref.equals("urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor")
                || ref.equals("https://refeds.org/profile/mfa")
                || ref.equals("http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/x509");
    }
}
