package io.selvedge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void aUsernameIsTrimmedAndLowerCased() {
        assertThat(Usernames.normalise("  Grace.Hopper ")).isEqualTo("grace.hopper");
        assertThat(Usernames.normalise(null)).isEmpty();
    }

    @Test
    void lettersDigitsDotsDashesAndUnderscoresAreAllowed() {
        assertThat(Usernames.problemWith("ada")).isEmpty();
        assertThat(Usernames.problemWith("Grace.Hopper_1-x")).isEmpty();
        assertThat(Usernames.problemWith("a".repeat(64))).isEmpty();
    }

    @Test
    void tooShortTooLongOrOddUsernamesAreRefused() {
        assertThat(Usernames.problemWith("ab")).isPresent();
        assertThat(Usernames.problemWith("a".repeat(65))).isPresent();
        assertThat(Usernames.problemWith("")).isPresent();
        assertThat(Usernames.problemWith(null)).isPresent();
        assertThat(Usernames.problemWith(".ada")).isPresent();
        assertThat(Usernames.problemWith("ada lovelace")).isPresent();
        assertThat(Usernames.problemWith("ada@example.com")).isPresent();
        assertThat(Usernames.problemWith("adä")).isPresent();
    }

    @Test
    void theReasonSaysWhatAUsernameMayBe() {
        assertThat(Usernames.problemWith("x"))
                .hasValue("A username has 3 to 64 letters, digits, dots, dashes or underscores.");
    }
}
