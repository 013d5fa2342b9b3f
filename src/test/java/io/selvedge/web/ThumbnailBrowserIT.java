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
import java.util.Objects;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

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

    /** The share of the element's pixels, as the screen shows them, that are the tee's indigo (blue, not grey). */
    private static double indigoShare(WebElement element) throws Exception {
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES)));
        long indigo = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y);
                int red = (rgb >> 16) & 0xff;
                int blue = rgb & 0xff;
                if (blue - red > 40) {
                    indigo++;
                }
            }
        }
        return (double) indigo / ((long) shot.getWidth() * shot.getHeight());
    }
}
