package io.selvedge.web.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.Customers;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.ViewerCanvas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Colorways in Chromium: the style of a GLB exported with three colourways (KHR_materials_variants) shows
 * a swatch for each, and a swatch clicked recolours the model on the canvas at once, without a reload; an
 * OBJ exported with a material file per colourway switches between them the same way.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class ColorwaysBrowserIT extends InChromium {

    static final String PASSWORD = "three colourways of jersey";

    @Autowired
    ApiCalls calls;

    @Autowired
    WebApplicationContext context;

    Customers.Account designer;
    Customers.Account admin;
    MockMvc api;

    @Test
    void aSwatchClickedShowsItsColorwayOnTheModelWithoutAReload(Browser.Window window) throws Exception {
        openTheStyleOfTheTeeInThreeColourways(window);
        assertThat(window.all(".colorway-list [data-swatch]")).hasSize(3);
        assertThat(window.script("return getComputedStyle(document.querySelector("
                        + "'[data-colorway-name=Rust]')).backgroundColor;"))
                .as("the swatch is painted in its colour")
                .isEqualTo("rgb(196, 97, 56)");
        int indigo = colour(window);
        window.script("window.sameDocument = true;");

        window.click("[data-colorway-name=Rust]");

        window.find("[data-viewer][data-colorway=Rust]");
        int rust = window.waitFor(driver -> {
            int now = colour(window);
            return ViewerCanvas.distance(now, indigo) > 60 ? now : null;
        });
        assertThat(rust >> 16 & 0xff).as("red over blue, was %06x", indigo).isGreaterThan((rust & 0xff) + 40);
        assertThat(window.script("return window.sameDocument === true;"))
                .as("no reload")
                .isEqualTo(true);
        assertThat(window.find("[data-colorway-name=Rust]").getAttribute("aria-pressed"))
                .isEqualTo("true");

        window.click("[data-colorway-name=Indigo]");
        window.find("[data-viewer][data-colorway=Indigo]");
        window.waitFor(driver -> ViewerCanvas.distance(colour(window), indigo) < 12);
        window.screenshot(Path.of("target/screenshots/colorways.png"));
        window.assertNoConsoleErrors();
    }

    @Test
    void twoColorwaysAreComparedSideBySide(Browser.Window window) throws Exception {
        openTheStyleOfTheTeeInThreeColourways(window);

        window.click("a[href*='leftColorway']");
        window.find("[data-side=left][data-colorway-shown=Indigo]");
        window.find("[data-side=right][data-colorway-shown=Ecru]");
        assertThat(window.find(".compare-heads").getText()).contains("Indigo").contains("Ecru");

        new Select(window.find("#compare-right-colorway")).selectByVisibleText("Rust");
        window.click(".compare-choice button[type=submit]");
        window.find("[data-side=right][data-colorway-shown=Rust]");
        window.find("[data-side=left][data-colorway-shown=Indigo]");
        int left = window.waitFor(driver -> {
            int now = sideColour(window, "left");
            return (now & 0xff) > (now >> 16 & 0xff) + 20 ? now : null;
        });
        int right = window.waitFor(driver -> {
            int now = sideColour(window, "right");
            return (now >> 16 & 0xff) > (now & 0xff) + 40 ? now : null;
        });
        assertThat(ViewerCanvas.distance(left, right)).as("indigo beside rust").isGreaterThan(60);
        window.script("document.querySelector('.compare-toolbar').scrollIntoView();");
        window.screenshot(Path.of("target/screenshots/compare-colorways.png"));
        window.assertNoConsoleErrors();
    }

    @Test
    void anObjExportWithAMaterialFilePerColourwaySwitchesToEachOnTheModel(Browser.Window window) throws Exception {
        String style = aStyleWithTheTeeInThreeColourways();
        String obj = upload(style, "tee-colorways.obj");
        for (String colourway : java.util.List.of("Indigo", "Rust")) {
            upload(
                    "/api/v1/versions/" + obj + "/materials?filename=tee-colorways_" + colourway + ".mtl",
                    Path.of("samples/tee-colorways_" + colourway + ".mtl"));
        }
        BrowserSignIn.of(server::url, designer.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + style + "?version=" + obj));
        window.find("[data-viewer][data-loaded=true][data-variants='2']");
        assertThat(window.all("[data-colorway-mtl]"))
                .as("the colorways the OBJ has a file for")
                .hasSize(2);

        window.click("[data-colorway-name=Rust]");
        window.find("[data-viewer][data-colorway=Rust]");
        int rust = window.waitFor(driver -> {
            int now = colour(window);
            return (now >> 16 & 0xff) > (now & 0xff) + 40 ? now : null;
        });
        window.click("[data-colorway-name=Indigo]");
        window.find("[data-viewer][data-colorway=Indigo]");
        window.waitFor(driver -> {
            int now = colour(window);
            return (now & 0xff) > (now >> 16 & 0xff) + 20 && ViewerCanvas.distance(now, rust) > 60;
        });
        window.assertNoConsoleErrors();
    }

    /** The tee's style open in the window, the designer signed in, its model drawn with its three variants. */
    private void openTheStyleOfTheTeeInThreeColourways(Browser.Window window) throws Exception {
        String style = aStyleWithTheTeeInThreeColourways();
        BrowserSignIn.of(server::url, designer.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + style));
        window.find("[data-viewer][data-loaded=true][data-variants='3']");
    }

    /** A group made through the API by its admin; a company admin (the designer) and the tee in three colourways. */
    private String aStyleWithTheTeeInThreeColourways() throws Exception {
        MockMvc api = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        Customers.Account admin = calls.customers().aCustomer("owner");
        designer = calls.anInvitableCustomer("designer", PASSWORD);
        ApiCalls.Tree tree = calls.aTree(admin, "eu");
        String style = JsonPath.read(
                call(api, admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Boxy tee\"}"),
                "$.id");
        calls.grant(admin, tree.company(), designer, Role.COMPANY_ADMIN, false, false);
        this.admin = admin;
        this.api = api;
        upload(style, "tee-colorways.glb");
        return style;
    }

    /** A sample uploaded as a version of the style: its id. */
    private String upload(String style, String sample) throws Exception {
        return upload("/api/v1/styles/" + style + "/versions?filename=" + sample, Path.of("samples", sample));
    }

    private String upload(String address, Path file) throws Exception {
        String body = api.perform(post(address)
                        .with(admin.caller())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Files.readAllBytes(file)))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(201))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static String call(MockMvc api, Customers.Account as, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return api.perform(request.with(as.caller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(201))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static int sideColour(Browser.Window window, String side) {
        try {
            return ViewerCanvas.meanDrawnColour(window, "[data-side=" + side + "] .viewer-canvas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int colour(Browser.Window window) {
        try {
            return ViewerCanvas.meanDrawnColour(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
