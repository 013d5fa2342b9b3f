package io.selvedge.identity.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.PlatformProperties;
import java.net.URI;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passkeys: Spring Security's WebAuthn relying party, its credentials in the global store. The relying
 * party id is the host of {@code SELVEDGE_PUBLIC_URL} and the only origin accepted is that URL's origin.
 * Passkeys are made discoverable (for passwordless sign-in) and every ceremony requires user verification
 * (PIN or biometrics), so a passkey alone is two factors: something one has, and knows or is.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    // Spring Security's WebAuthn JDBC repositories take a JdbcOperations: the one place identity hands out a
    // JdbcTemplate (everything of ours runs its SQL through JdbcClient, in a repository).
    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcTemplate jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    PasskeyCredentials passkeyCredentials(
            JdbcTemplate jdbc,
            PasskeyRows rows,
            Accounts accounts,
            FieldCiphers ciphers,
            MfaChanges changes,
            PlatformTransactionManager transactions) {
        return new PasskeyCredentials(
                new JdbcUserCredentialRepository(jdbc),
                rows,
                accounts,
                ciphers,
                changes,
                new TransactionTemplate(transactions));
    }

    @Bean
    WebAuthnRelyingPartyOperations relyingParty(
            PublicKeyCredentialUserEntityRepository users,
            PasskeyCredentials credentials,
            PlatformProperties platform) {
        URI publicUrl = platform.publicUrl();
        Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(
                users,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(publicUrl.getHost())
                        .name("Selvedge")
                        .build(),
                Set.of(originOf(publicUrl)));
        relyingParty.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        relyingParty.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return relyingParty;
    }

    /** {@code scheme://host[:port]}, as a browser writes the origin into its client data. */
    static String originOf(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
