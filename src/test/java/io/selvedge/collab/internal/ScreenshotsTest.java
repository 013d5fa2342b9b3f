package io.selvedge.collab.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.collab.CommentScreenshot;
import io.selvedge.collab.InvalidScreenshotException;
import io.selvedge.content.ContentTooLargeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A screenshot is told by its own header: PNG and the three kinds of WebP, whole, of an allowed size. */
class ScreenshotsTest {

    static final byte[] ONE_PIXEL_WEBP =
            HexFormat.of().parseHex("524946461a000000574542505650384c0d0000002f00000010071011118888fe0700");

    @Test
    void aLosslessWebpOfOnePixelInADataUrlIsAWebp() {
        CommentScreenshot shot = Screenshots.decode(
                "data:image/webp;base64," + Base64.getEncoder().encodeToString(ONE_PIXEL_WEBP));

        assertThat(shot.contentType()).isEqualTo("image/webp");
        assertThat(shot.bytes()).isEqualTo(ONE_PIXEL_WEBP);
    }

    @Test
    void lossyAndExtendedWebpsAreReadForTheirSize() {
        assertThat(Screenshots.checked(webp("VP8 ", 800, 450)).contentType()).isEqualTo("image/webp");
        assertThat(Screenshots.checked(webp("VP8X", 1280, 720)).contentType()).isEqualTo("image/webp");
        assertThatThrownBy(() -> Screenshots.checked(webp("VP8 ", 5000, 450)))
                .isInstanceOf(InvalidScreenshotException.class);
        assertThatThrownBy(() -> Screenshots.checked(webp("VP8X", 1280, 4097)))
                .isInstanceOf(InvalidScreenshotException.class);
    }

    @Test
    void aPngIsWholeAndOfAnAllowedSize() {
        assertThat(Screenshots.checked(png(640, 360, true)).contentType()).isEqualTo("image/png");
        assertThatThrownBy(() -> Screenshots.checked(png(640, 360, false)))
                .isInstanceOf(InvalidScreenshotException.class)
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> Screenshots.checked(png(0, 360, true))).isInstanceOf(InvalidScreenshotException.class);
    }

    @Test
    void anythingElseIsRefusedBeforeItIsStored() {
        assertThat(Screenshots.decode(null)).isNull();
        assertThat(Screenshots.decode("")).isNull();
        assertThatThrownBy(() -> Screenshots.decode("data:image/svg+xml;base64,PHN2Zy8+"))
                .isInstanceOf(InvalidScreenshotException.class);
        assertThatThrownBy(() -> Screenshots.decode("%%%")).isInstanceOf(InvalidScreenshotException.class);
        assertThatThrownBy(() -> Screenshots.decode(
                        Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})))
                .isInstanceOf(InvalidScreenshotException.class);
        assertThatThrownBy(() -> Screenshots.decode("A".repeat((CommentScreenshot.MAX_BYTES + 2) / 3 * 4 + 4)))
                .isInstanceOf(ContentTooLargeException.class);
    }

    /** A WebP's header of the kind given (its payload zeros), its RIFF size its length. */
    private static byte[] webp(String kind, int width, int height) {
        ByteBuffer bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(64 - 8);
        bytes.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(kind.getBytes(StandardCharsets.US_ASCII));
        bytes.putInt(64 - 20);
        if (kind.equals("VP8 ")) {
            bytes.put(new byte[3]).put((byte) 0x9D).put((byte) 0x01).put((byte) 0x2A);
            bytes.putShort((short) width).putShort((short) height);
        } else {
            bytes.putInt(0); // flags
            put24(bytes, width - 1);
            put24(bytes, height - 1);
        }
        return bytes.array();
    }

    private static void put24(ByteBuffer bytes, int value) {
        bytes.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    /** A PNG's signature, IHDR and (if whole) IEND; what lies between is never decoded. */
    private static byte[] png(int width, int height, boolean whole) {
        ByteBuffer bytes = ByteBuffer.allocate(8 + 25 + (whole ? 12 : 0));
        bytes.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        bytes.putInt(13)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height);
        bytes.put(new byte[] {8, 6, 0, 0, 0}).putInt(0);
        if (whole) {
            bytes.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII));
            bytes.put(new byte[] {(byte) 0xAE, 0x42, 0x60, (byte) 0x82});
        }
        return bytes.array();
    }
}
