package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void holdsAFewHundredThousandListEntriesInAboutTwoMegabytes() {
        CommonPasswords shipped = CommonPasswords.shipped();

        // Both lists together: 425,836 distinct entries, 197,667 of them 8 characters or longer.
        assertThat(shipped.size()).isBetween(190_000, 210_000);
        assertThat(shipped.bytes()).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void findsEntriesOfBothListsInAnyCaseAndNothingElse() {
        CommonPasswords shipped = CommonPasswords.shipped();

        assertThat(shipped.contains("password1")).isTrue();
        assertThat(shipped.contains("123123123"))
                .as("only on the SecLists list")
                .isTrue();
        assertThat(shipped.contains("PASSWORD1")).isTrue();
        assertThat(shipped.contains("correct horse battery staple")).isFalse();
        assertThat(shipped.contains("")).isFalse();
        assertThat(shipped.contains(null)).isFalse();
    }

    @Test
    void entriesShorterThanEightCharactersAreNotKept() {
        assertThat(CommonPasswords.shipped().contains("123456")).isFalse();
    }
}
