package io.selvedge.collab.internal;

import io.selvedge.collab.CommentScreenshot;
import io.selvedge.collab.InvalidScreenshotException;
import io.selvedge.content.ContentTooLargeException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Checks a comment's screenshot before anything of it is stored: Base64 that decodes, at most
 * {@link CommentScreenshot#MAX_BYTES}, a PNG or WebP by its own header (never by a name or a declared type),
 * whole (a PNG ends with its IEND chunk, a WebP's RIFF size is its length), and 1 to
 * {@link CommentScreenshot#MAX_SIDE} pixels each way. The image is never decoded on the server.
 */
final class Screenshots {

    private static final String MIXED = "A screenshot is a PNG or WebP image, Base64-encoded.";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private Screenshots() {}

    /** The screenshot a client sent (Base64, or a {@code data:} URL of a PNG or WebP), checked; null for none. */
    @Nullable
    static CommentScreenshot decode(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        String text = encoded;
        if (text.startsWith("data:")) {
            int comma = text.indexOf(',');
            String header = comma < 0 ? "" : text.substring(0, comma);
            if (!header.equals("data:image/png;base64") && !header.equals("data:image/webp;base64")) {
                throw new InvalidScreenshotException(MIXED);
            }
            text = text.substring(comma + 1);
        }
        // Refused before decoding: Base64 takes 4 characters for every 3 bytes.
        if (text.length() > (CommentScreenshot.MAX_BYTES + 2) / 3 * 4) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidScreenshotException(MIXED);
        }
        return checked(bytes);
    }

    static CommentScreenshot checked(byte[] bytes) {
        if (bytes.length > CommentScreenshot.MAX_BYTES) {
            throw tooLarge();
        }
        String type;
        long width;
        long height;
        if (bytes.length >= 33 && starts(bytes, 0, PNG) && ascii(bytes, 12, "IHDR")) {
            if (bytes.length < 33 + IEND.length || !starts(bytes, bytes.length - IEND.length, IEND)) {
                throw new InvalidScreenshotException("The PNG screenshot is cut short.");
            }
            type = "image/png";
            width = bigEndian(bytes, 16);
            height = bigEndian(bytes, 20);
        } else if (bytes.length >= 30 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            if (littleEndian(bytes, 4, 4) + 8 != bytes.length) {
                throw new InvalidScreenshotException("The WebP screenshot is cut short.");
            }
            type = "image/webp";
            long[] size = webpSize(bytes);
            width = size[0];
            height = size[1];
        } else {
            throw new InvalidScreenshotException(MIXED);
        }
        if (width < 1 || height < 1 || width > CommentScreenshot.MAX_SIDE || height > CommentScreenshot.MAX_SIDE) {
            throw new InvalidScreenshotException(
                    "A screenshot is 1 to " + CommentScreenshot.MAX_SIDE + " pixels wide and high.");
        }
        return new CommentScreenshot(bytes, type);
    }

    /** Width and height from the first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X). */
    private static long[] webpSize(byte[] bytes) {
        if (ascii(bytes, 12, "VP8 ")
                && (bytes[23] & 0xFF) == 0x9D
                && (bytes[24] & 0xFF) == 0x01
                && (bytes[25] & 0xFF) == 0x2A) {
            return new long[] {littleEndian(bytes, 26, 2) & 0x3FFF, littleEndian(bytes, 28, 2) & 0x3FFF};
        }
        if (ascii(bytes, 12, "VP8L") && (bytes[20] & 0xFF) == 0x2F) {
            long bits = littleEndian(bytes, 21, 4);
            return new long[] {(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
        }
        if (ascii(bytes, 12, "VP8X")) {
            return new long[] {littleEndian(bytes, 24, 3) + 1, littleEndian(bytes, 27, 3) + 1};
        }
        throw new InvalidScreenshotException(MIXED);
    }

    private static ContentTooLargeException tooLarge() {
        return new ContentTooLargeException(
                "A screenshot may hold at most " + CommentScreenshot.MAX_BYTES / 1024 + " KiB.");
    }

    private static boolean starts(byte[] bytes, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes, int at, String expected) {
        for (int i = 0; i < expected.length(); i++) {
            if (bytes[at + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long bigEndian(byte[] bytes, int at) {
        return ((bytes[at] & 0xFFL) << 24)
                | ((bytes[at + 1] & 0xFFL) << 16)
                | ((bytes[at + 2] & 0xFFL) << 8)
                | (bytes[at + 3] & 0xFFL);
    }

    private static long littleEndian(byte[] bytes, int at, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFFL);
        }
        return value;
    }
}
