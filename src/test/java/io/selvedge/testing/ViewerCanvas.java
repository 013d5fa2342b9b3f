package io.selvedge.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** What the 3D viewer drew: its canvas read back from Chromium as a PNG. */
public final class ViewerCanvas {

    /** The viewer's default background, light. */
    public static final int LIGHT_BACKGROUND = 0xf4f4f2;

    private ViewerCanvas() {}

    /** Pixels of the viewer's canvas that are not the light background: the model drawn. */
    public static long drawnPixels(Browser.Window window) throws IOException {
        BufferedImage image = canvas(window);
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (distance(image.getRGB(x, y), LIGHT_BACKGROUND) > 24) {
                    drawn++;
                }
            }
        }
        return drawn;
    }

    /** The mean colour (0xrrggbb) of the pixels the model covers: what a change of its materials changes. */
    public static int meanDrawnColour(Browser.Window window) throws IOException {
        return meanDrawnColour(window, ".viewer-canvas");
    }

    /** The mean colour the model covers on the viewer canvas that {@code selector} finds, where a page has several. */
    public static int meanDrawnColour(Browser.Window window, String selector) throws IOException {
        BufferedImage image = canvas(window, selector);
        long[] sum = new long[3];
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (distance(rgb, LIGHT_BACKGROUND) > 24) {
                    sum[0] += (rgb >> 16) & 0xff;
                    sum[1] += (rgb >> 8) & 0xff;
                    sum[2] += rgb & 0xff;
                    drawn++;
                }
            }
        }
        if (drawn == 0) {
            return LIGHT_BACKGROUND;
        }
        return (int) (sum[0] / drawn) << 16 | (int) (sum[1] / drawn) << 8 | (int) (sum[2] / drawn);
    }

    /** How far apart two colours are: the sum of their channels' differences. */
    public static int distance(int rgb, int other) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs(((rgb >> shift) & 0xff) - ((other >> shift) & 0xff));
        }
        return d;
    }

    private static BufferedImage canvas(Browser.Window window) throws IOException {
        return canvas(window, ".viewer-canvas");
    }

    private static BufferedImage canvas(Browser.Window window, String selector) throws IOException {
        String dataUrl =
                (String) window.script("return document.querySelector(arguments[0]).toDataURL('image/png');", selector);
        return ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1))));
    }
}
