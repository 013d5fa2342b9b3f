package io.selvedge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names: 1 to 200 characters once stripped, no control characters. */
class TreeNamesTest {

    @Test
    void aNameIsStrippedAndKeepsItsLettersAndEmoji() {
        assertThat(Tree.normalisedName("  Été 2027 – Ourse 🐻‍❄️ ")).isEqualTo("Été 2027 – Ourse 🐻‍❄️");
        assertThat(Tree.normalisedName("x".repeat(200))).hasSize(200);
        assertThat(Tree.normalisedName("😀".repeat(200))).hasSize(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a\u0000b", "a\nb", "tab\there", "a\u202Eb", "a\u2028b", "bell\u0007"})
    void controlCharactersAndEmptyNamesAreRefused(String name) {
        assertThatThrownBy(() -> Tree.normalisedName(name)).isInstanceOf(InvalidNameException.class);
    }

    @Test
    void tooLongAndMissingNamesAreRefused() {
        assertThatThrownBy(() -> Tree.normalisedName("x".repeat(201))).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> Tree.normalisedName(null)).isInstanceOf(InvalidNameException.class);
    }
}
