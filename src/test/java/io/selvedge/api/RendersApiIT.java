package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Role;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.AtRest;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Renders through the API: a viewer's browser sends a version's turntable (its frames side by side), the
 * first of each colorway wins, the first frame is served as the version's thumbnail unless a picture was
 * uploaded, bad images are refused with nothing kept, only those who may view the version send or see one,
 * and the images rest encrypted.
 */
@SelvedgeIntegrationTest
class RendersApiIT extends AsACustomerAdmin {

    static final Color INDIGO = new Color(0x2b, 0x3d, 0x73);
    static final Color RUST = new Color(0xb4, 0x4a, 0x1e);

    @Autowired
    GroupFiles files;

    @Autowired
    PlatformProperties platform;

    ApiCalls.Tree tree;
    String style;
    String version;
    Account viewer;

    /** A style with a 3D version, in a workroom shared with a viewer (no download, no upload). */
    @BeforeEach
    void aModelSharedWithAViewer() throws Exception {
        tree = api.aTree(admin, "eu");
        style = created(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Coat\"}"));
        version = upload("coat.glb");
        viewer = api.anInvitableCustomer("viewer");
        api.share(admin, "workrooms", tree.workroom(), viewer, Role.VIEWER, false, false);
    }

    @Test
    void aViewersRenderIsServedAsTheThumbnailAndTheFirstOfEachColorwayWins() throws Exception {
        send(viewer, version, "frames=24", turntable(24, 400, 300, INDIGO, "png"), "image/png")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/versions/" + version + "/turntable"))
                .andExpect(jsonPath("$.versionId").value(version))
                .andExpect(jsonPath("$.colorwayId").isEmpty())
                .andExpect(jsonPath("$.frames").value(24))
                .andExpect(jsonPath("$.frameWidth").value(400))
                .andExpect(jsonPath("$.frameHeight").value(300))
                .andExpect(jsonPath("$.renderedBy").value(viewer.id().toString()));

        BufferedImage thumbnail = image(viewer, "/api/v1/versions/" + version + "/thumbnail", "image/jpeg");
        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(300);
        assertThat(near(thumbnail.getRGB(200, 150), INDIGO))
                .as("the first frame")
                .isTrue();
        BufferedImage turntable = image(viewer, "/api/v1/versions/" + version + "/turntable", "image/jpeg");
        assertThat(turntable.getWidth()).isEqualTo(24 * 400);
        assertThat(near(turntable.getRGB(23 * 400 + 200, 150), INDIGO)).isTrue();

        // A second render of the same look is refused, and changes nothing.
        problem(send(admin, version, "frames=24", turntable(24, 400, 300, RUST, "jpeg"), "image/jpeg"), 409);
        assertThat(near(
                        image(admin, "/api/v1/versions/" + version + "/thumbnail", "image/jpeg")
                                .getRGB(200, 150),
                        INDIGO))
                .isTrue();

        // A colorway has a render of its own; one without shows the version's own look.
        String colorways = "/api/v1/styles/" + style + "/colorways";
        UUID colorway = UUID.fromString(
                created(api.as(admin, post(colorways), "{\"name\": \"Rust\", \"swatch\": \"#b44a1e\"}")));
        UUID unrendered = UUID.fromString(
                created(api.as(admin, post(colorways), "{\"name\": \"Ecru\", \"swatch\": \"#e8dcc2\"}")));
        send(viewer, version, "frames=8&colorwayId=" + colorway, turntable(8, 200, 150, RUST, "jpeg"), "image/jpeg")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.colorwayId").value(colorway.toString()));
        assertThat(near(
                        image(viewer, thumbnailOf(version, colorway), "image/jpeg")
                                .getRGB(100, 75),
                        RUST))
                .isTrue();
        assertThat(near(
                        image(viewer, thumbnailOf(version, unrendered), "image/jpeg")
                                .getRGB(200, 150),
                        INDIGO))
                .isTrue();
        api.as(viewer, get("/api/v1/versions/" + version + "/renders"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].colorwayId").isEmpty())
                .andExpect(jsonPath("$.items[1].colorwayId").value(colorway.toString()))
                .andExpect(jsonPath("$.nextCursor").isEmpty());

        // A colorway deleted takes its render with it.
        api.as(admin, delete(colorways + "/" + colorway), null).andExpect(status().isNoContent());
        api.as(viewer, get("/api/v1/versions/" + version + "/renders"), null)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].colorwayId").isEmpty());
    }

    @Test
    void aColorwayOfAnotherStyleOrNoneIsNoColorwayOfTheVersion() throws Exception {
        String other = created(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Skirt\"}"));
        String elsewhere = created(api.as(
                admin,
                post("/api/v1/styles/" + other + "/colorways"),
                "{\"name\": \"Sage\", \"swatch\": \"#9caf88\"}"));
        send(viewer, version, "frames=24", turntable(24, 400, 300, INDIGO, "png"), "image/png")
                .andExpect(status().isCreated());

        for (String colorway : new String[] {elsewhere, UUID.randomUUID().toString()}) {
            problem(
                    send(
                            viewer,
                            version,
                            "frames=8&colorwayId=" + colorway,
                            turntable(8, 200, 150, RUST, "jpeg"),
                            "image/jpeg"),
                    404);
            problem(
                    api.as(viewer, get("/api/v1/versions/" + version + "/thumbnail?colorwayId=" + colorway), null),
                    404);
            problem(
                    api.as(viewer, get("/api/v1/versions/" + version + "/turntable?colorwayId=" + colorway), null),
                    404);
        }
        api.as(viewer, get("/api/v1/versions/" + version + "/renders"), null)
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void badImagesAreRefusedAndNothingIsKept() throws Exception {
        problem(send(viewer, version, "frames=24", "not an image".getBytes(StandardCharsets.UTF_8), "image/png"), 400);
        problem(
                send(
                        viewer,
                        version,
                        "frames=24",
                        "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
                        "image/svg+xml"),
                400);
        byte[] png = turntable(24, 400, 300, INDIGO, "png");
        problem(send(viewer, version, "frames=24", Arrays.copyOf(png, 60), "image/png"), 400);
        problem(send(viewer, version, "frames=23", png, "image/png"), 422);
        problem(send(viewer, version, "frames=4", turntable(4, 400, 300, INDIGO, "png"), "image/png"), 422);
        problem(send(viewer, version, "frames=24", turntable(24, 600, 300, INDIGO, "png"), "image/png"), 422);
        problem(send(viewer, version, "frames=24", turntable(24, 40, 30, INDIGO, "png"), "image/png"), 422);
        problem(send(viewer, version, "", png, "image/png"), 400);
        problem(send(viewer, version, "frames=24&colorwayId=not-an-id", png, "image/png"), 400);
        problem(send(viewer, version, "frames=24", new byte[5 * 1024 * 1024 + 1], "image/png"), 413);
        problem(send(viewer, upload("coat.zprj"), "frames=24", png, "image/png"), 404);

        api.as(viewer, get("/api/v1/versions/" + version + "/renders"), null)
                .andExpect(jsonPath("$.items.length()").value(0));
        problem(api.as(viewer, get("/api/v1/versions/" + version + "/thumbnail"), null), 404);
        problem(api.as(viewer, get("/api/v1/versions/" + version + "/turntable"), null), 404);
        assertThat(files.list(UUID.fromString(tree.group()), "r-"))
                .as("render files kept")
                .isEmpty();
    }

    @Test
    void onlyThoseWhoMayViewTheVersionSendOrSeeARender() throws Exception {
        Account outsider = customers.aCustomer("outsider");
        byte[] png = turntable(24, 400, 300, INDIGO, "png");
        problem(send(outsider, version, "frames=24", png, "image/png"), 404);
        problem(send(null, version, "frames=24", png, "image/png"), 401);

        send(viewer, version, "frames=24", png, "image/png").andExpect(status().isCreated());

        problem(api.as(outsider, get("/api/v1/versions/" + version + "/turntable"), null), 404);
        problem(api.as(outsider, get("/api/v1/versions/" + version + "/thumbnail"), null), 404);
        problem(api.as(outsider, get("/api/v1/versions/" + version + "/renders"), null), 404);
        problem(api.as(null, get("/api/v1/versions/" + version + "/turntable"), null), 401);
        image(viewer, "/api/v1/versions/" + version + "/turntable", "image/jpeg");
    }

    @Test
    void anUploadedPictureStillWinsOverTheRender() throws Exception {
        send(viewer, version, "frames=24", turntable(24, 400, 300, INDIGO, "png"), "image/png")
                .andExpect(status().isCreated());
        byte[] picture = turntable(1, 320, 240, RUST, "png");
        api.asBytes(admin, post("/api/v1/versions/" + version + "/thumbnail"), picture)
                .andExpect(status().isNoContent());

        BufferedImage shown = image(viewer, "/api/v1/versions/" + version + "/thumbnail", "image/png");
        assertThat(shown.getWidth()).isEqualTo(320);
        assertThat(near(shown.getRGB(160, 120), RUST))
                .as("the uploaded picture")
                .isTrue();
        // The turntable still plays: the upload replaced only the still picture.
        image(viewer, "/api/v1/versions/" + version + "/turntable", "image/jpeg");
    }

    @Test
    void aRenderRestsEncrypted() throws Exception {
        send(viewer, version, "frames=24", turntable(24, 400, 300, INDIGO, "png"), "image/png")
                .andExpect(status().isCreated());
        byte[] thumbnail = bytes(viewer, "/api/v1/versions/" + version + "/thumbnail");
        byte[] turntable = bytes(viewer, "/api/v1/versions/" + version + "/turntable");

        assertThat(files.list(UUID.fromString(tree.group()), "r-"))
                .as("the render's two files")
                .hasSize(2);
        // What is stored is these very bytes (our own JPEGs), so a slice of each must be nowhere in clear.
        for (byte[] served : new byte[][] {thumbnail, turntable}) {
            byte[] slice = Arrays.copyOfRange(served, served.length / 2, served.length / 2 + 48);
            assertThat(AtRest.filesContainingBytes(platform.dataDir(), slice)).isEmpty();
        }
    }

    private String upload(String filename) throws Exception {
        return created(api.asBytes(
                admin,
                post("/api/v1/styles/" + style + "/versions?filename=" + filename),
                "glTF".getBytes(StandardCharsets.US_ASCII)));
    }

    private ResultActions send(Account caller, String versionId, String query, byte[] image, String type)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/versions/" + versionId + "/renders?" + query)
                .accept(MediaType.APPLICATION_JSON)
                .contentType(type)
                .content(image);
        if (caller != null) {
            request.with(caller.caller());
        }
        return mvc.perform(request);
    }

    private static String thumbnailOf(String versionId, UUID colorway) {
        return "/api/v1/versions/" + versionId + "/thumbnail?colorwayId=" + colorway;
    }

    private byte[] bytes(Account caller, String uri) throws Exception {
        return mvc.perform(get(uri).with(caller.caller()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private BufferedImage image(Account caller, String uri, String type) throws Exception {
        byte[] body = mvc.perform(get(uri).with(caller.caller()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", type))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body));
        assertThat(image).as("an image at " + uri).isNotNull();
        return image;
    }

    /** Frames side by side, each of one colour with a white band, as a browser would draw them. */
    static byte[] turntable(int frames, int width, int height, Color colour, String format) throws IOException {
        BufferedImage image = new BufferedImage(frames * width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = image.createGraphics();
        paint.setColor(colour);
        paint.fillRect(0, 0, frames * width, height);
        paint.setColor(Color.WHITE);
        for (int frame = 0; frame < frames; frame++) {
            paint.fillRect(frame * width, 0, width, height / 10);
        }
        paint.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** Whether a pixel is the colour, give or take what JPEG makes of it. */
    static boolean near(int rgb, Color colour) {
        Color pixel = new Color(rgb);
        return Math.abs(pixel.getRed() - colour.getRed())
                        + Math.abs(pixel.getGreen() - colour.getGreen())
                        + Math.abs(pixel.getBlue() - colour.getBlue())
                < 30;
    }
}
