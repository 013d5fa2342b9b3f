package io.selvedge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void anAddressIsComparedTrimmedAndInLowerCase() {
        assertThat(EmailAddresses.normalise("  Ada.Lovelace@Example.ORG ")).isEqualTo("ada.lovelace@example.org");
    }

    @Test
    void ordinaryAddressesPass() {
        assertThat(EmailAddresses.problemWith("ada@example.org")).isEmpty();
        assertThat(EmailAddresses.problemWith("ada+selvedge@mail.example.co.uk"))
                .isEmpty();
        assertThat(EmailAddresses.problemWith("zoë@exämple.de")).isEmpty();
    }

    @Test
    void whatCannotBeAnAddressIsRefused() {
        assertThat(EmailAddresses.problemWith(null)).hasValue("Give an e-mail address.");
        assertThat(EmailAddresses.problemWith("ada")).isPresent();
        assertThat(EmailAddresses.problemWith("ada@localhost")).isPresent();
        assertThat(EmailAddresses.problemWith("ada@@example.org")).isPresent();
        assertThat(EmailAddresses.problemWith("ada lovelace@example.org")).isPresent();
        assertThat(EmailAddresses.problemWith("ada@example.org\r\nBcc: eve@example.org"))
                .isPresent();
        assertThat(EmailAddresses.problemWith("<ada@example.org>")).isPresent();
        assertThat(EmailAddresses.problemWith("a".repeat(250) + "@example.org")).isPresent();
    }

    @Test
    void onlyWhatHoldsAnAtLooksLikeAnAddressRatherThanAUsername() {
        assertThat(EmailAddresses.looksLikeOne("ada@example.org")).isTrue();
        assertThat(EmailAddresses.looksLikeOne("ada")).isFalse();
    }
}
