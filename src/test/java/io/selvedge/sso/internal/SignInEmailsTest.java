package io.selvedge.sso.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.sso.SsoSignInRefusedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address an identity provider vouched for may sign in through a connection of these domains. */
class SignInEmailsTest {

    private static final List<String> DOMAINS = List.of("example.com", "xn--bcher-kva.example");

    @Test
    void anAddressInOneOfTheDomainsSignsInInLowerCase() {
        assertThat(SignInEmails.connected(" Ada@Example.COM ", DOMAINS)).isEqualTo("ada@example.com");
        assertThat(SignInEmails.connected("ada@bücher.example", DOMAINS)).isEqualTo("ada@bücher.example");
    }

    @Test
    void anAddressOfAnotherDomainIsRefused() {
        refused("ada@evil.test", "domain-not-connected");
        refused("ada@sub.example.com", "domain-not-connected");
        refused("ada@example.com.evil.test", "domain-not-connected");
    }

    @Test
    void whatIsNoSingleAddressIsRefusedAsNoEmail() {
        // Found by OidcClaimsFuzzTest: an OIDC address was taken with blanks, controls or a second @ in it,
        // where a SAML response's is refused (AssertionChecks).
        for (String email : new String[] {
            null,
            "",
            "@example.com",
            "ada@",
            "\u00a0!@example.com",
            "a da@example.com",
            "ada\n@example.com",
            "ada\u0000@example.com",
            "ada\u202e@example.com",
            "eve@evil.test@example.com",
            "\"eve@evil.test\"@example.com",
            "a".repeat(65) + "@example.com"
        }) {
            refused(email, "no-email");
        }
    }

    private static void refused(String email, String reason) {
        assertThatThrownBy(() -> SignInEmails.connected(email, DOMAINS))
                .as(String.valueOf(email))
                .isInstanceOfSatisfying(
                        SsoSignInRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
