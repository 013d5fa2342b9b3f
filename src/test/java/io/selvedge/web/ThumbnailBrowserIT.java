package io.selvedge.web;

import static io.selvedge.testing.ApiCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.selvedge.access.Role;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.ViewerCanvas;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thumbnails made from the model, in Chromium: the first person to view a new 3D version renders its
 * thumbnail and turntable without their own view changing, the workroom's card then shows the picture
 * instead of the grey placeholder and plays the turntable on hover, and the next viewer is not asked again.
 */
@SelvedgeIntegrationTest
class ThumbnailBrowserIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    @Autowired
    ApiCalls api;

    @Test
    void theFirstViewRendersTheThumbnailThatTheWorkroomCardThenShows(Browser.Window window) throws Exception {
        Account admin = api.customers().aCustomer("owner");
        ApiCalls.Tree tree = api.aTree(admin, "eu");
        String style = created(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Boxy tee\"}"));
        String version = created(api.asBytes(
                admin,
                post("/api/v1/styles/" + style + "/versions?filename=tee.glb"),
                Files.readAllBytes(Path.of("samples/tee.glb"))));
        Account viewer = api.anInvitableCustomer("viewer", PASSWORD);
        api.share(admin, "workrooms", tree.workroom(), viewer, Role.VIEWER, false, false);
        BrowserSignIn.of(server::url, viewer.username(), PASSWORD).signIn(window);
        String card = "li.style-card[data-style='" + style + "'] .thumb";

        window.go(server.url("/workrooms/" + tree.workroom()));
        window.find(card + " .placeholder");

        window.go(server.url("/styles/" + style));
        window.find("[data-viewer][data-loaded=true]");
        window.waitFor(driver -> "sent"
                .equals(window.script(
                        "return document.querySelector('[data-render-turntable]').dataset.state || null;")));
        assertThat(ViewerCanvas.drawnPixels(window))
                .as("the viewer's own view, still drawn")
                .isGreaterThan(2_000);
        System.out.printf(
                "Turntable of 24 frames rendered in %s ms (software WebGL), %s bytes sent%n",
                window.script("return document.querySelector('[data-render-turntable]').dataset.renderMs;"),
                window.script("return document.querySelector('[data-render-turntable]').dataset.bytes;"));
        api.as(admin, get("/api/v1/versions/" + version + "/renders"), null)
                .andExpect(jsonPath("$.items[0].renderedBy").value(viewer.id().toString()))
                .andExpect(jsonPath("$.items[0].frames").value(24));

        window.go(server.url("/styles/" + style));
        window.find("[data-viewer][data-loaded=true]");
        assertThat(window.has("[data-render-turntable]"))
                .as("the next view is not asked")
                .isFalse();

        window.go(server.url("/workrooms/" + tree.workroom()));
        WebElement thumb = window.find(card);
        window.waitFor(driver -> Objects.equals(
                true,
                window.script(
                        "const img = document.querySelector(arguments[0] + ' img');"
                                + " return !!img && img.complete && img.naturalWidth === 400;",
                        card)));
        assertThat(window.has(card + " .placeholder")).isFalse();
        assertThat(indigoShare(thumb))
                .as("the card shows the indigo tee, not grey")
                .isGreaterThan(0.02);

        new Actions(window.driver()).moveToElement(thumb).perform();
        String first = window.waitFor(driver ->
                (String) window.script("return document.querySelector(arguments[0]).dataset.frame || null;", card));
        window.waitFor(driver -> !first.equals(
                window.script("return document.querySelector(arguments[0]).dataset.frame || null;", card)));
        window.assertNoConsoleErrors();
    }

    @Test
    void eachColorwayGetsItsOwnThumbnailWhichTheCardsSwatchesShow(Browser.Window window) throws Exception {
        Account admin = api.customers().aCustomer("owner");
        ApiCalls.Tree tree = api.aTree(admin, "us");
        String style = created(api.as(
                admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Three-colour tee\"}"));
        String version = created(api.asBytes(
                admin,
                post("/api/v1/styles/" + style + "/versions?filename=tee-colorways.glb"),
                Files.readAllBytes(Path.of("samples/tee-colorways.glb"))));
        JsonNode colorways = json(api.as(admin, get("/api/v1/styles/" + style + "/colorways"), null));
        Map<String, String> idOf = new HashMap<>();
        colorways
                .get("items")
                .forEach(c -> idOf.put(c.get("name").asString(), c.get("id").asString()));
        assertThat(idOf).as("the file's variants").containsOnlyKeys("Indigo", "Ecru", "Rust");
        Account viewer = api.anInvitableCustomer("viewer", PASSWORD);
        api.share(admin, "workrooms", tree.workroom(), viewer, Role.VIEWER, false, false);
        BrowserSignIn.of(server::url, viewer.username(), PASSWORD).signIn(window);

        window.go(server.url("/styles/" + style));
        window.find("[data-viewer][data-loaded=true]");
        window.waitFor(driver -> Objects.equals(
                List.of("sent", "sent", "sent", "sent"),
                window.script("return [...document.querySelectorAll('[data-render-turntable]')]"
                        + ".map((m) => m.dataset.state || null);")));
        assertThat(window.script("return document.querySelector('[data-viewer]').dataset.colorway || '';"))
                .as("the person's view stays in the file's own look")
                .isEqualTo("");
        JsonNode renders = json(api.as(admin, get("/api/v1/versions/" + version + "/renders"), null));
        List<String> rendered = new ArrayList<>();
        renders.get("items")
                .forEach(r -> rendered.add(
                        r.get("colorwayId").isNull()
                                ? "own"
                                : r.get("colorwayId").asString()));
        assertThat(rendered).containsExactlyInAnyOrder("own", idOf.get("Indigo"), idOf.get("Ecru"), idOf.get("Rust"));
        BufferedImage rust = ImageIO.read(new ByteArrayInputStream(thumbnail(admin, version, idOf.get("Rust"))));
        BufferedImage indigo = ImageIO.read(new ByteArrayInputStream(thumbnail(admin, version, idOf.get("Indigo"))));
        assertThat(share(rust, Colour.RUST)).as("the rust thumbnail is rust").isGreaterThan(0.02);
        assertThat(share(rust, Colour.INDIGO)).as("and not indigo").isLessThan(0.005);
        assertThat(share(indigo, Colour.INDIGO))
                .as("the indigo thumbnail is indigo")
                .isGreaterThan(0.02);

        window.go(server.url("/workrooms/" + tree.workroom()));
        String card = "li.style-card[data-style='" + style + "']";
        WebElement thumb = window.find(card + " .thumb");
        assertThat(window.script(
                        "return [...document.querySelectorAll(arguments[0] + ' [data-card-swatch]')].map((b) => b.title);",
                        card))
                .as("a swatch for each colorway rendered")
                .asList()
                .containsExactlyInAnyOrder("Indigo", "Ecru", "Rust");
        window.find(card + " [data-card-swatch][title='Rust']").click();
        window.waitFor(driver -> Objects.equals(
                true,
                window.script(
                        "const img = document.querySelector(arguments[0] + ' .thumb img');"
                                + " return img.src.includes(arguments[1]) && img.complete && img.naturalWidth === 400;",
                        card,
                        idOf.get("Rust"))));
        assertThat(share(ImageIO.read(new ByteArrayInputStream(thumb.getScreenshotAs(OutputType.BYTES))), Colour.RUST))
                .as("the card now shows the rust tee")
                .isGreaterThan(0.02);
        assertThat(thumb.getDomAttribute("data-turntable")).contains("colorwayId=" + idOf.get("Rust"));
        window.screenshot(Path.of("target/screenshots/workroom.png"));
        window.assertNoConsoleErrors();
    }

    private byte[] thumbnail(Account caller, String version, String colorway) throws Exception {
        return api.as(caller, get("/api/v1/versions/" + version + "/thumbnail?colorwayId=" + colorway), null)
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JsonMapper.shared().readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The share of the element's pixels, as the screen shows them, that are the tee's indigo (blue, not grey). */
    private static double indigoShare(WebElement element) throws Exception {
        return share(ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES))), Colour.INDIGO);
    }

    /** The sample tee's colours, told apart from the grey background and from each other. */
    private enum Colour {
        INDIGO {
            @Override
            boolean is(int red, int green, int blue) {
                return blue - red > 40;
            }
        },
        RUST {
            @Override
            boolean is(int red, int green, int blue) {
                return red - blue > 60 && red - green > 40;
            }
        };

        abstract boolean is(int red, int green, int blue);
    }

    private static double share(BufferedImage image, Colour colour) {
        long matching = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (colour.is((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    matching++;
                }
            }
        }
        return (double) matching / ((long) image.getWidth() * image.getHeight());
    }
}
