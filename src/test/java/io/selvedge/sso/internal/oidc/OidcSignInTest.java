package io.selvedge.sso.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.SsoSignInRefusedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/** What an ID token's claims say about the person: groups, and whether the provider checked a second factor. */
class OidcSignInTest {

    @Test
    void theProvidersMfaIsReadFromAmrOrAcr() {
        assertThat(OidcSignIn.didMfa(token(Map.of("amr", List.of("pwd", "mfa")))))
                .isTrue();
        assertThat(OidcSignIn.didMfa(token(Map.of("amr", List.of("pwd", "otp")))))
                .isTrue();
        assertThat(OidcSignIn.didMfa(token(Map.of("acr", "urn:okta:loa:2fa:any"))))
                .isTrue();
        assertThat(OidcSignIn.didMfa(token(Map.of("amr", List.of("pwd"))))).isFalse();
        assertThat(OidcSignIn.didMfa(token(Map.of("acr", "urn:okta:loa:1fa:pwd"))))
                .isFalse();
        assertThat(OidcSignIn.didMfa(token(Map.of()))).isFalse();
    }

    @Test
    void groupsComeFromTheConfiguredClaimAsAListOrAString() {
        assertThat(OidcSignIn.groupsOf(token(Map.of("groups", List.of("a", "b"))), "groups"))
                .containsExactly("a", "b");
        assertThat(OidcSignIn.groupsOf(token(Map.of("roles", "a b")), "roles")).containsExactly("a", "b");
        assertThat(OidcSignIn.groupsOf(token(Map.of("groups", List.of("a"))), "roles"))
                .isEmpty();
    }

    @Test
    void anEmailVerifiedClaimThatIsNoBooleanIsRefusedNotAnError() {
        // Found by OidcClaimsFuzzTest: Spring's claim converter passes a list through, and reading it threw.
        for (Object verified : List.of(List.of(true), Map.of("a", true), "yes", 1L)) {
            assertThatThrownBy(() -> OidcSignIn.identityOf(
                            settings(null), token(Map.of("email", "ada@example.com", "email_verified", verified))))
                    .isInstanceOfSatisfying(
                            SsoSignInRefusedException.class,
                            refused -> assertThat(refused.reason()).isEqualTo("email-not-verified"));
        }
        assertThat(OidcSignIn.identityOf(
                                settings(null), token(Map.of("email", "ada@example.com", "email_verified", true)))
                        .email())
                .isEqualTo("ada@example.com");
        assertThat(OidcSignIn.identityOf(settings(null), token(Map.of("email", "ada@example.com")))
                        .email())
                .isEqualTo("ada@example.com");
    }

    private static ConnectionSettings settings(String preset) {
        return ConnectionSettings.oidc(
                new ConnectionSettings.Common("Test", List.of("example.com"), true, null, List.of(), null),
                preset,
                "https://idp.example.com",
                "client",
                "groups");
    }

    private static OidcIdToken token(Map<String, Object> claims) {
        return OidcIdToken.withTokenValue("t")
                .subject("ana")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claims(all -> all.putAll(claims))
                .build();
    }
}
