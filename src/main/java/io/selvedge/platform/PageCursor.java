package io.selvedge.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The one codec of list cursors. A cursor is opaque to clients: Base64url (no padding) of the key of
 * the last item a page showed (an id, a sort key, a position). Reading one back is strict: anything
 * this codec did not write (other alphabets, padding, bytes that are not UTF-8, a key of the wrong
 * shape, a cursor past {@value #MAX_LENGTH} characters) is an {@link InvalidCursorException}, which
 * answers 400, never a failure of the list.
 */
public final class PageCursor {

    /** Longer than any cursor a list hands out (a key of ~380 bytes); anything past it is refused unread. */
    public static final int MAX_LENGTH = 512;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageCursor() {}

    /** The cursor of an item known by its id. */
    public static String of(UUID id) {
        return of(id.toString());
    }

    /** The cursor of an item known by a position in its list (a sequence number). */
    public static String of(long position) {
        return of(Long.toString(position));
    }

    /** The cursor of an item known by a text key. */
    public static String of(String key) {
        return ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The id a cursor of {@link #of(UUID)} names. */
    public static UUID id(String cursor) {
        String key = key(cursor);
        try {
            UUID id = UUID.fromString(key);
            if (id.toString().equals(key)) {
                return id;
            }
        } catch (IllegalArgumentException notAnId) {
            // refused below
        }
        throw new InvalidCursorException();
    }

    /** The position a cursor of {@link #of(long)} names: 0 or more. */
    public static long position(String cursor) {
        String key = key(cursor);
        try {
            long position = Long.parseLong(key);
            if (position >= 0 && Long.toString(position).equals(key)) {
                return position;
            }
        } catch (NumberFormatException notAPosition) {
            // refused below
        }
        throw new InvalidCursorException();
    }

    /** The key a cursor of {@link #of(String)} names. */
    public static String key(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException();
        }
        // Only what this codec writes: the same bytes encode back to the same text (no stray bits or padding).
        if (!ENCODER.encodeToString(bytes).equals(cursor)) {
            throw new InvalidCursorException();
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidCursorException();
        }
    }
}
