package io.selvedge.collab;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Role;
import io.selvedge.content.StyleAttachments;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls.Tree;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.AtRest;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A comment's picture of the view it was written on (issue 21 item 7): stored encrypted as a file of the
 * group, served only to whoever may read the comment, refused unless it is a whole PNG or WebP of an
 * allowed size, and deleted with its comment.
 */
@SelvedgeIntegrationTest
class CommentScreenshotIT extends AsACustomerAdmin {

    /** The smallest lossless WebP: one pixel. */
    static final byte[] ONE_PIXEL_WEBP =
            HexFormat.of().parseHex("524946461a000000574542505650384c0d0000002f00000010071011118888fe0700");

    @Autowired
    Stores stores;

    @Autowired
    PlatformProperties platform;

    @Autowired
    GroupFiles files;

    Tree tree;
    String style;

    @BeforeEach
    void aStyle() throws Exception {
        tree = api.aTree(admin, "eu");
        style = created(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Trench\"}"));
    }

    @Test
    void thePictureIsStoredEncryptedShownToWhoMayReadTheCommentAndDeletedWithIt() throws Exception {
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Customers.Account stranger = customers.aCustomer("stranger");
        String marker = "view-" + UUID.randomUUID();
        byte[] png = aPng(320, 200, marker);

        String comment = created(api.as(
                        viewer,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"The collar rolls\", \"screenshot\": \""
                                + Base64.getEncoder().encodeToString(png) + "\"}")
                .andExpect(jsonPath("$.screenshot").value(true)));
        String webp = created(api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"Tiny\", \"screenshot\": \"data:image/webp;base64,"
                                + Base64.getEncoder().encodeToString(ONE_PIXEL_WEBP) + "\"}")
                .andExpect(jsonPath("$.screenshot").value(true)));

        for (Customers.Account reader : List.of(admin, viewer)) {
            api.as(reader, get("/api/v1/comments/" + comment + "/screenshot"), null)
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "image/png"))
                    .andExpect(header().string("Cache-Control", "private, no-store"))
                    .andExpect(content().bytes(png));
        }
        api.as(viewer, get("/api/v1/comments/" + webp + "/screenshot"), null)
                .andExpect(header().string("Content-Type", "image/webp"))
                .andExpect(content().bytes(ONE_PIXEL_WEBP));
        problem(api.as(stranger, get("/api/v1/comments/" + comment + "/screenshot"), null), 404);
        problem(
                api.as(customers.aCustomer("other-admin"), get("/api/v1/comments/" + comment + "/screenshot"), null),
                404);
        api.as(viewer, get("/api/v1/styles/" + style + "/comments"), null)
                .andExpect(jsonPath("$.items[0].screenshot").value(true));

        // At rest: the picture's bytes (its marker, and the picture itself) are in no file and no table.
        UUID group = UUID.fromString(tree.group());
        assertThat(files.list(group, StyleAttachments.prefixOf(UUID.fromString(style))))
                .hasSize(2);
        AtRest.flushEmbeddedStores(stores);
        assertThat(AtRest.filesContaining(platform.dataDir(), marker, file -> false))
                .as("files holding the picture's text in clear")
                .isEmpty();
        String middle = Base64.getEncoder().encodeToString(Arrays.copyOfRange(png, 40, 100));
        assertThat(AtRest.valuesContainingAny(stores, List.of(marker, middle)))
                .as("values holding the picture")
                .isEmpty();

        api.as(viewer, delete("/api/v1/comments/" + comment), null).andExpect(status().isNoContent());
        problem(api.as(admin, get("/api/v1/comments/" + comment + "/screenshot"), null), 404);
        assertThat(files.list(group, StyleAttachments.prefixOf(UUID.fromString(style))))
                .as("the deleted comment's picture is gone, the other stays")
                .hasSize(1);
    }

    @Test
    void aPictureThatIsNoWholePngOrWebpOfAnAllowedSizeIsRefusedAndNothingIsStored() throws Exception {
        byte[] png = aPng(64, 48, "x");
        byte[] jpeg = anImage(64, 48, "jpeg");
        byte[] cut = Arrays.copyOf(png, png.length - 6);
        byte[] wide = aPng(64, 48, "x");
        ByteBuffer.wrap(wide, 16, 4).putInt(5000); // IHDR's width, past the limit
        byte[] large = Arrays.copyOf(png, 600 * 1024);

        refused("\"" + Base64.getEncoder().encodeToString(jpeg) + "\"", 400);
        refused("\"" + Base64.getEncoder().encodeToString(cut) + "\"", 400);
        refused("\"" + Base64.getEncoder().encodeToString(wide) + "\"", 400);
        refused("\"not base64 at all!\"", 400);
        refused("\"data:image/gif;base64," + Base64.getEncoder().encodeToString(png) + "\"", 400);
        refused("\"" + Base64.getEncoder().encodeToString(large) + "\"", 413);
        refused("42", 400);

        api.as(admin, get("/api/v1/styles/" + style + "/comments"), null)
                .andExpect(jsonPath("$.items.length()").value(0));
        assertThat(files.list(UUID.fromString(tree.group()), StyleAttachments.prefixOf(UUID.fromString(style))))
                .isEmpty();
    }

    private void refused(String screenshot, int status) throws Exception {
        problem(
                api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"Refused\", \"screenshot\": " + screenshot + "}"),
                status);
    }

    /** A PNG of a drawn view, carrying {@code text} in a tEXt chunk (so its bytes can be looked for at rest). */
    static byte[] aPng(int width, int height, String text) throws Exception {
        byte[] png = anImage(width, height, "png");
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length)
                .put("tEXt".getBytes(StandardCharsets.US_ASCII))
                .put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // the signature, then IHDR
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.write(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    private static byte[] anImage(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x2f5d8a));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
