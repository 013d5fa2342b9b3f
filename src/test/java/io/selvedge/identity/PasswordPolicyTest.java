package io.selvedge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    static final String FOUR_WORDS = "correct horse battery staple";

    @Test
    void aLongPassphraseOfAnyCharactersIsAccepted() {
        assertThat(PasswordPolicy.problemWith(FOUR_WORDS, "ada")).isEmpty();
        assertThat(PasswordPolicy.problemWith("ßßß ääää 東京 ok 🧵", "ada")).isEmpty();
    }

    @Test
    void fourteenCharactersAreTooFewAndFifteenAreEnough() {
        assertThat(PasswordPolicy.problemWith("x".repeat(14), "ada"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 15 characters"));
        assertThat(PasswordPolicy.problemWith("x".repeat(15), "ada")).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String eightEmoji = "🧵".repeat(8); // 16 UTF-16 units, but 8 characters
        assertThat(eightEmoji.length()).isEqualTo(16);

        assertThat(PasswordPolicy.problemWith(eightEmoji, "ada")).isPresent();
        assertThat(PasswordPolicy.problemWith("🧵".repeat(15), "ada")).isEmpty();
    }

    @Test
    void at128CharactersThePasswordIsLongEnoughAndAt129TooLong() {
        assertThat(PasswordPolicy.problemWith("x".repeat(128), "ada")).isEmpty();
        assertThat(PasswordPolicy.problemWith("🧵".repeat(128), "ada")).isEmpty();
        assertThat(PasswordPolicy.problemWith("x".repeat(129), "ada"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at most 128 characters"));
    }

    @Test
    void thePasswordMayNotContainTheUsernameInAnyCase() {
        assertThat(PasswordPolicy.problemWith("my name is GRACE hopper", "grace"))
                .hasValue("The password must not contain the username.");
        assertThat(PasswordPolicy.problemWith("my name is grace hopper", "Grace"))
                .hasValue("The password must not contain the username.");
    }

    @Test
    void thePasswordMayNotContainTheProductsNameInAnyCase() {
        assertThat(PasswordPolicy.problemWith("I love SelVedge denim", "ada"))
                .hasValue("The password must not contain the word \"selvedge\".");
    }

    @Test
    void withMfaEightCharactersAreEnoughAndSevenTooFew() {
        assertThat(PasswordPolicy.problemWith("x7!q2#pz", "ada", true)).isEmpty();
        assertThat(PasswordPolicy.problemWith("x7!q2#p", "ada", true))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 8 characters"));
        assertThat(PasswordPolicy.problemWith("x7!q2#pz", "ada", false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 15 characters"));
    }

    @Test
    void aCommonOrBreachedPasswordIsRefusedInAnyCaseAndTheUserIsToldWhy() {
        String onTheList = "This password is on a list of common or breached passwords; choose another.";
        assertThat(PasswordPolicy.problemWith("aaaaaaaaaaaaaaa", "ada")).hasValue(onTheList);
        assertThat(PasswordPolicy.problemWith("trustno1", "ada", true)).hasValue(onTheList);
        assertThat(PasswordPolicy.problemWith("ILoveYou", "ada", true)).hasValue(onTheList);
        assertThat(PasswordPolicy.problemWith("my own kn1tted trustno1", "ada", true))
                .isEmpty();
    }

    @Test
    void anEmptyOrMissingPasswordIsRefused() {
        assertThat(PasswordPolicy.problemWith("", "ada")).hasValue("Choose a password.");
        assertThat(PasswordPolicy.problemWith(null, "ada")).hasValue("Choose a password.");
    }

    @Test
    void withoutAUsernameOnlyTheOtherRulesApply() {
        assertThat(PasswordPolicy.problemWith(FOUR_WORDS, null)).isEmpty();
        assertThat(PasswordPolicy.problemWith(FOUR_WORDS, " ")).isEmpty();
    }

    @Test
    void checkThrowsTheReason() {
        assertThatThrownBy(() -> PasswordPolicy.check("short", "ada"))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessageContaining("at least 15 characters");
    }
}
