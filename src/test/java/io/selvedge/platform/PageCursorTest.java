package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void aCursorReadsBackAsTheIdKeyOrPositionItWasMadeOf() {
        UUID id = UUID.randomUUID();

        assertThat(PageCursor.id(PageCursor.of(id))).isEqualTo(id);
        assertThat(PageCursor.key(PageCursor.of("brand admin · Zoë"))).isEqualTo("brand admin · Zoë");
        assertThat(PageCursor.position(PageCursor.of(4711L))).isEqualTo(4711L);
    }

    @Test
    void aCursorNamesNoKeyInClear() {
        assertThat(PageCursor.of("charlie@example.com"))
                .doesNotContain("charlie")
                .matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\u0000\u00ff../", "!!", "AA==", "AAAA", "__8", "€", "a b", "AB", "LTE", "MDA1"})
    void whatTheCodecDidNotWriteIsRefusedAsAnInvalidCursor(String cursor) {
        assertThatThrownBy(() -> PageCursor.id(cursor)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> PageCursor.position(cursor)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedRatherThanReplaced() {
        // Base64url of 0xC3 0x28: a broken two-byte sequence.
        assertThatThrownBy(() -> PageCursor.key("wyg")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void anIdSpelledAnotherWayIsNotTheCursorOfThatId() {
        // UUID.fromString reads "1-1-1-1-1" as an id; no list ever handed that out.
        assertThatThrownBy(() -> PageCursor.id(PageCursor.of("1-1-1-1-1"))).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void anOverlongCursorIsRefusedUnread() {
        String overlong = PageCursor.of("x".repeat(PageCursor.MAX_LENGTH));

        assertThat(overlong.length()).isGreaterThan(PageCursor.MAX_LENGTH);
        assertThatThrownBy(() -> PageCursor.key(overlong)).isInstanceOf(InvalidCursorException.class);
    }
}
