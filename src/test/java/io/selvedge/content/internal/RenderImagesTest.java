package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.content.InvalidContentException;
import io.selvedge.content.UnusableImageException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RenderImagesTest {

    @Test
    void aTurntableIsReEncodedAsJpegAndItsFirstFrameBecomesTheThumbnail() throws IOException {
        BufferedImage strip = new BufferedImage(8 * 100, 75, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 75; y++) {
                strip.setRGB(x, y, Color.RED.getRGB()); // the first frame only
            }
        }

        RenderImages.Encoded encoded = RenderImages.turntable(png(strip), 8);

        assertThat(Thumbnails.typeOf(encoded.turntable())).isEqualTo("image/jpeg");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(encoded.thumbnail()));
        assertThat(thumbnail.getWidth()).isEqualTo(100);
        assertThat(thumbnail.getHeight()).isEqualTo(75);
        assertThat(new Color(thumbnail.getRGB(50, 37)).getRed()).isGreaterThan(200);
        assertThat(encoded.frameWidth()).isEqualTo(100);
    }

    @Test
    void aHeaderClaimingAHugeImageIsRefusedBeforeAnyPixelIsDecoded() throws IOException {
        byte[] small = png(new BufferedImage(8 * 64, 64, BufferedImage.TYPE_INT_RGB));
        // The same few bytes, their header claiming 8 frames of 40000 x 40000 pixels (a decompression bomb).
        byte[] bomb = withSize(small, 8 * 40_000, 40_000);

        assertThatThrownBy(() -> RenderImages.turntable(bomb, 8)).isInstanceOf(UnusableImageException.class);
    }

    @Test
    void whatIsNoPngOrJpegIsRefused() {
        assertThatThrownBy(
                        () -> RenderImages.turntable("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 8))
                .isInstanceOf(InvalidContentException.class);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG whose IHDR chunk (right after the 8-byte signature) states another size, its CRC made good. */
    private static byte[] withSize(byte[] png, int width, int height) {
        byte[] changed = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(changed);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(changed, 12, 17); // "IHDR" and its 13 bytes of data
        buffer.putInt(29, (int) crc.getValue());
        return changed;
    }
}
