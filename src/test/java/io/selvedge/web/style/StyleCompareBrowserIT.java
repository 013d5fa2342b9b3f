package io.selvedge.web.style;

import static io.selvedge.testing.ApiCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.selvedge.access.Role;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.Customers;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reviewing on the model in Chromium (issue 21 items 3 and 7): two versions side by side whose cameras turn
 * together, then overlaid with the slider fading the right one; the distance tool on the tee; a comment
 * that carries the picture of the view it was written on.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class StyleCompareBrowserIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    /** The cameras of the compared viewers, left then right: x, y, z of each. */
    static final String CAMERAS = "return [...document.querySelectorAll('[data-compare] [data-viewer]')]"
            + ".flatMap((e) => e.viewer.camera.position.toArray());";

    static final String RIGHT_PIXELS =
            "return document.querySelector('.compare-right .viewer-canvas').toDataURL('image/png');";

    @Autowired
    ApiCalls calls;

    Customers.Account designer;
    String style;
    String first;
    String second;

    /** A company admin (the designer) and a style with two versions of tee.glb, each with a comment on it. */
    @BeforeEach
    void aStyleWithTwoVersions() throws Exception {
        Customers.Account admin = calls.customers().aCustomer("owner");
        ApiCalls.Tree tree = calls.aTree(admin, "eu");
        designer = calls.anInvitableCustomer("designer", PASSWORD);
        calls.grant(admin, tree.company(), designer, Role.COMPANY_ADMIN, false, false);
        style = created(
                calls.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Boxy tee\"}"));
        byte[] tee = Files.readAllBytes(Path.of("samples/tee.glb"));
        first = created(calls.asBytes(admin, post("/api/v1/styles/" + style + "/versions?filename=tee.glb"), tee));
        second = created(calls.asBytes(admin, post("/api/v1/styles/" + style + "/versions?filename=tee-v2.glb"), tee));
        calls.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"Sleeves too long\", \"versionId\": \"" + first + "\"}")
                .andReturn();
        calls.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"Sleeves fixed\", \"versionId\": \"" + second + "\","
                                + " \"pin\": {\"x\": 0.1, \"y\": 0.2, \"z\": 0.18}}")
                .andReturn();
    }

    @Test
    void twoVersionsSideBySideTurnTogetherAndOverlaidFadeOnTheSlider(Browser.Window window) {
        BrowserSignIn.of(server::url, designer.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + style));
        window.click(".compare-choice button[type=submit]");
        window.waitFor(d ->
                window.all("[data-compare] [data-viewer][data-loaded=true]").size() == 2);
        assertThat(window.find(".compare-comments-left").getText())
                .contains("Sleeves too long")
                .doesNotContain("Sleeves fixed");
        assertThat(window.find(".compare-comments-right").getText()).contains("Sleeves fixed");
        window.find(".compare-right .pin-marker");
        assertThat(window.has(".compare-left .pin-marker"))
                .as("the pin is on the right's version")
                .isFalse();

        List<Double> before = cameras(window);
        String rightBefore = (String) window.script(RIGHT_PIXELS);
        drag(window, window.find(".compare-left .viewer-canvas"), 160);
        List<Double> after = cameras(window);
        assertThat(after.subList(0, 3)).as("the left camera turned").isNotEqualTo(before.subList(0, 3));
        assertSameView(after);
        window.waitFor(d -> !rightBefore.equals(window.script(RIGHT_PIXELS)));
        window.screenshot(Path.of("target/screenshots/compare.png"));

        window.click("input[name=compare-mode][value=overlay]");
        window.waitFor(d -> "overlay".equals(window.find("[data-compare]").getAttribute("data-mode")));
        WebElement slider = window.find("#compare-opacity");
        slider.sendKeys(Keys.HOME);
        assertThat(rightOpacity(window)).isEqualTo("0");
        slider.sendKeys(Keys.END);
        assertThat(rightOpacity(window)).isEqualTo("1");
        slider.sendKeys(Keys.ARROW_LEFT.toString().repeat(40)); // forty presses, in one call to the browser
        assertThat(rightOpacity(window)).isEqualTo("0.6");
        @SuppressWarnings("unchecked")
        List<Number> boxes = (List<Number>)
                window.script("return [...document.querySelectorAll('[data-compare] .viewer-canvas')].flatMap((c) => {"
                        + " const r = c.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; });");
        assertThat(boxes.subList(4, 8).stream().map(Number::doubleValue).toList())
                .as("the right canvas lies on the left one")
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1 ? 0 : Double.compare(a, b))
                .containsExactlyElementsOf(
                        boxes.subList(0, 4).stream().map(Number::doubleValue).toList());

        // Overlaid, the pointer turns the right (top) view, and the left follows.
        List<Double> overlaid = cameras(window);
        drag(window, window.find(".compare-right .viewer-canvas"), -120);
        List<Double> turned = cameras(window);
        assertThat(turned.subList(3, 6)).isNotEqualTo(overlaid.subList(3, 6));
        assertSameView(turned);

        window.click("input[name=compare-mode][value=side]");
        window.waitFor(d -> "side".equals(window.find("[data-compare]").getAttribute("data-mode")));
        assertThat(rightOpacity(window)).isEqualTo("1");
        window.assertNoConsoleErrors();
    }

    @Test
    void theDistanceToolMeasuresTheTeeAndACommentCarriesThePictureOfTheView(Browser.Window window) {
        BrowserSignIn.of(server::url, designer.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + style + "?version=" + first));
        window.find("[data-viewer][data-loaded=true]");

        window.click("[data-action=measure]");
        assertThat(window.find(".viewer-measure [data-measure-text]").getText()).contains("first point");
        WebElement canvas = window.find(".viewer-canvas");
        new Actions(window.driver()).moveToElement(canvas, 0, 30).click().perform();
        window.waitForText(".viewer-measure [data-measure-text]", "second point");
        new Actions(window.driver()).moveToElement(canvas, -60, 30).click().perform();
        String shown = window.waitFor(d -> {
            String text = window.find(".viewer-measure [data-measure-text]").getText();
            return text.matches(".*\\d.*") ? text : null;
        });
        double metres = Double.parseDouble(window.find("[data-viewer]").getAttribute("data-distance"));
        assertThat(metres)
                .as("across the front of a tee 0.9 m wide, 1.64 m from cuff to cuff")
                .isBetween(0.1, 1.0);
        assertThat(inMetres(shown)).as(shown).isCloseTo(metres, within(0.006));
        assertThat(window.has(".comment-form .pin-note:not([hidden])"))
                .as("measuring pins no comment")
                .isFalse();

        new Actions(window.driver()).sendKeys(Keys.ESCAPE).perform();
        window.waitFor(d -> window.has(".viewer-measure[hidden]"));
        assertThat(window.find("[data-action=measure]").getAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(window.find("[data-viewer]").getAttribute("data-distance")).isNull();

        assertThat(window.find("#comment-with-view").isSelected()).isTrue();
        window.fill("#comment-body", "Seen from here").click(".comment-form button[type=submit]");
        window.waitForText(".comment.highlighted .comment-body", "Seen from here");
        Long width = window.waitFor(d -> (Long)
                window.script("const img = document.querySelector('.comment.highlighted .comment-screenshot img');"
                        + " if (!img) return null; img.scrollIntoView({block: 'nearest'});"
                        + " return img.complete && img.naturalWidth > 0 ? img.naturalWidth : null;"));
        assertThat(width).as("the picture, at most 1280 pixels wide").isBetween(100L, 1280L);
        @SuppressWarnings("unchecked")
        List<Object> served = (List<Object>) ((JavascriptExecutor) window.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " const img = document.querySelector('.comment.highlighted .comment-screenshot img');"
                        + " fetch(img.src).then((r) => r.arrayBuffer().then((b) =>"
                        + " done([r.headers.get('content-type'), b.byteLength])));");
        assertThat(served.get(0)).as("the canvas as WebP").isEqualTo("image/webp");
        assertThat(((Number) served.get(1)).longValue()).isBetween(100L, 512L * 1024);
        window.assertNoConsoleErrors();
    }

    private static List<Double> cameras(Browser.Window window) {
        @SuppressWarnings("unchecked")
        List<Number> values = (List<Number>) window.script(CAMERAS);
        return values.stream().map(Number::doubleValue).toList();
    }

    private static void assertSameView(List<Double> cameras) {
        for (int i = 0; i < 3; i++) {
            assertThat(cameras.get(3 + i))
                    .as("the right camera follows the left")
                    .isCloseTo(cameras.get(i), within(1e-6));
        }
    }

    /** Drags across the canvas from left of and below its centre (where no pin marker is in the way). */
    private static void drag(Browser.Window window, WebElement canvas, int dx) {
        new Actions(window.driver())
                .moveToElement(canvas, -150, 80)
                .clickAndHold()
                .moveByOffset(dx / 2, 10)
                .moveByOffset(dx / 2, 10)
                .release()
                .perform();
    }

    private static String rightOpacity(Browser.Window window) {
        return (String) window.script(
                "return getComputedStyle(document.querySelector('.compare-right .viewer-canvas')).opacity;");
    }

    /** "44.3 cm", "1.02 m", "8.5 mm" (or with a decimal comma) in metres. */
    private static double inMetres(String shown) {
        Matcher matcher = Pattern.compile("([\\d.,\\s]+)\\s*(mm|cm|m)").matcher(shown.trim());
        assertThat(matcher.matches()).as("a number and a unit: " + shown).isTrue();
        double value = Double.parseDouble(
                matcher.group(1).replaceAll("\\s", "").replace(',', '.').toLowerCase(Locale.ROOT));
        return switch (matcher.group(2)) {
            case "mm" -> value / 1000;
            case "cm" -> value / 100;
            default -> value;
        };
    }
}
