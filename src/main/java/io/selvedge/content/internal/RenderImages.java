package io.selvedge.content.internal;

import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Renders;
import io.selvedge.content.UnusableImageException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Checks a turntable sent by a browser and re-encodes it: what is stored is our own JPEG of the decoded
 * pixels (no metadata, nothing but an image), and its first frame becomes the thumbnail. The size is read
 * from the header and checked before any pixel is decoded, so a small file cannot unpack into a huge image.
 * Streams are memory-cached on purpose: ImageIO's default cache is a temporary file, and no plaintext may
 * touch a disk.
 */
final class RenderImages {

    static final int MIN_SIDE = 64;
    static final int MAX_SIDE = 512;
    static final String JPEG = "image/jpeg";
    private static final float QUALITY = 0.85f;

    private RenderImages() {}

    /** The turntable and its first frame, both JPEG. */
    record Encoded(byte[] turntable, byte[] thumbnail, int frameWidth, int frameHeight) {}

    static Encoded turntable(byte[] bytes, int frames) {
        String type = Thumbnails.typeOf(bytes);
        if (!"image/png".equals(type) && !JPEG.equals(type)) {
            throw new InvalidContentException("A render is a PNG or JPEG image.");
        }
        if (frames < Renders.MIN_FRAMES || frames > Renders.MAX_FRAMES) {
            throw new UnusableImageException(
                    "A turntable has " + Renders.MIN_FRAMES + " to " + Renders.MAX_FRAMES + " frames.");
        }
        BufferedImage image = decode(bytes, frames);
        int frameWidth = image.getWidth() / frames;
        BufferedImage first = image.getSubimage(0, 0, frameWidth, image.getHeight());
        return new Encoded(jpeg(image), jpeg(first), frameWidth, image.getHeight());
    }

    private static BufferedImage decode(byte[] bytes, int frames) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(width(reader), height(reader), frames);
                return pixels(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw unreadable();
        }
    }

    // A damaged image makes decoders throw anything, checked or not: the sender's mistake, never ours.
    private static int width(ImageReader reader) {
        try {
            return reader.getWidth(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static int height(ImageReader reader) {
        try {
            return reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static BufferedImage pixels(ImageReader reader) {
        try {
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static InvalidContentException unreadable() {
        return new InvalidContentException("The image cannot be read.");
    }

    private static void checkSize(int width, int height, int frames) {
        if (width % frames != 0) {
            throw new UnusableImageException("The image's width is not " + frames + " frames of equal width.");
        }
        int frameWidth = width / frames;
        if (frameWidth < MIN_SIDE || frameWidth > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            throw new UnusableImageException("A frame is " + MIN_SIDE + " to " + MAX_SIDE + " pixels wide and high.");
        }
    }

    /** Our JPEG of the pixels, any transparency laid on white (a JPEG has none). */
    private static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = rgb.createGraphics();
        try {
            paint.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            paint.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
