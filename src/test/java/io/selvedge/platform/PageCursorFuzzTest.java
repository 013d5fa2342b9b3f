package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * List cursors come back from clients as they like ({@code ?cursor=}). Whatever arrives is either the
 * exact text this codec wrote for some key, or an {@link InvalidCursorException} (a 400): never another
 * exception, never a second spelling of the same key. Corpus: {@code PageCursorFuzzTestInputs/}.
 */
class PageCursorFuzzTest {

    @FuzzTest
    void aCursorFromAClientIsEitherOneThisCodecWroteOrRefused(byte[] data) {
        String cursor = new String(data, StandardCharsets.ISO_8859_1);
        String key;
        try {
            key = PageCursor.key(cursor);
        } catch (InvalidCursorException refused) {
            return;
        }
        assertThat(PageCursor.of(key)).isEqualTo(cursor);
        try {
            assertThat(PageCursor.of(PageCursor.id(cursor))).isEqualTo(cursor);
        } catch (InvalidCursorException notAnId) {
            // a key that is not an id: refused as one, as a list of ids would
        }
        try {
            long position = PageCursor.position(cursor);
            assertThat(position).isNotNegative();
            assertThat(PageCursor.of(position)).isEqualTo(cursor);
        } catch (InvalidCursorException notAPosition) {
            // a key that is not a position
        }
    }

    @FuzzTest
    void everyKeyAListHandsOutReadsBackAsItself(FuzzedDataProvider data) {
        String key = data.consumeRemainingAsString();
        String cursor = PageCursor.of(key);
        assertThat(cursor).matches("[A-Za-z0-9_-]*");
        if (cursor.isEmpty() || cursor.length() > PageCursor.MAX_LENGTH || !wellFormed(key)) {
            return; // refused on the way back, which the first target covers
        }
        assertThat(PageCursor.key(cursor)).isEqualTo(key);
        UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        assertThat(PageCursor.id(PageCursor.of(id))).isEqualTo(id);
    }

    /** Text without lone surrogates, which UTF-8 cannot carry. */
    private static boolean wellFormed(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }
}
