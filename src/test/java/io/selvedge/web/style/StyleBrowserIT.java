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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The style page in Chromium: the model drawn by WebGL (its pixels read back), a comment pinned where the
 * model was clicked, approval, sharing, a share link opened signed out, and a viewer without download.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class StyleBrowserIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    @Autowired
    ApiCalls calls;

    @Autowired
    WebApplicationContext context;

    MockMvc api;
    Customers.Account admin;
    Customers.Account designer;
    String workroom;
    String style;

    /** A group made through the API by its admin; a company admin (the designer) and a style with tee.glb. */
    @BeforeEach
    void aStyleWithAModel() throws Exception {
        api = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        admin = anAccount("owner");
        designer = calls.anInvitableCustomer("designer", PASSWORD);
        String group = created(post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"eu\"}");
        String company = created(post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"Ourse SA\"}");
        String brand = created(post("/api/v1/companies/" + company + "/brands"), "{\"name\": \"Ourse\"}");
        String season = created(post("/api/v1/brands/" + brand + "/seasons"), "{\"name\": \"SS27\"}");
        workroom = created(post("/api/v1/seasons/" + season + "/workrooms"), "{\"name\": \"Jersey\"}");
        style = created(post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"Boxy tee\", \"tags\": []}");
        // Granted by id, so invited (it is nobody's member yet) and accepted (issue 15).
        calls.grant(admin, company, designer, Role.COMPANY_ADMIN, false, false);
        api.perform(post("/api/v1/styles/" + style + "/versions?filename=tee.glb")
                        .with(admin.caller())
                        .contentType("model/gltf-binary")
                        .content(Files.readAllBytes(Path.of("samples/tee.glb"))))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(201));
    }

    @Test
    void aDesignerSeesTheModelPinsACommentApprovesAndSharesIt(Browser.Window window) throws Exception {
        BrowserSignIn.of(server::url, designer.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + style));
        window.find("[data-viewer][data-loaded=true]");
        assertThat(drawnPixels(window)).as("pixels of the model on the canvas").isGreaterThan(2_000);
        assertThat(window.all("a.download")).as("a company admin may download").hasSize(1);
        importMapIsAllowedByItsHash(window);

        window.click("[data-action=wireframe]");
        assertThat(window.find("[data-action=wireframe]").getAttribute("aria-pressed"))
                .isEqualTo("true");
        window.click("[data-action=wireframe]")
                .click("[data-background-choice=dark]")
                .click("[data-background-choice=light]");
        window.click("[data-action=reset]");

        window.click(".viewer-canvas");
        window.find(".comment-form .pin-note");
        assertThat(window.driver()
                        .findElement(By.cssSelector(".comment-form input[name=pinX]"))
                        .getAttribute("value"))
                .isNotEmpty();
        window.fill("#comment-body", "The hem puckers here @" + admin.username())
                .click(".comment-form button[type=submit]");
        window.waitForText(".comment.highlighted .comment-body", "The hem puckers here");
        window.find(".pin-marker.highlighted");

        window.go(server.url("/styles/" + style));
        window.find("[data-viewer][data-loaded=true]");
        assertThat(window.has(".comment.highlighted")).isFalse();
        window.click(".pin-marker");
        window.waitForText(".comment.highlighted .comment-body", "The hem puckers here");

        window.fill("#approve-note", "Good to go").click("form.approve button[type=submit]");
        window.waitForText(".notice", "The style is approved.");
        assertThat(window.find(".style-head .badge").getText()).isEqualTo("Approved");
        assertThat(window.find(".approval-history").getText()).contains("Good to go", designer.username());
        window.find("[data-viewer][data-loaded=true]");
        window.screenshot(Path.of("target/screenshots/style.png"));

        // Somebody outside the group is invited: shared once it accepts (issue 15), not before.
        Customers.Account guest = anAccount("guest");
        window.click("[data-open-dialog=share-dialog]");
        window.fill("#share-person", guest.username()).click("#share-dialog form button[type=submit]");
        window.waitForText(".notice", "it was invited");
        assertThat(window.driver().getPageSource()).doesNotContain(guest.username());

        window.click("[data-open-dialog=link-dialog]");
        window.click("#link-dialog form button[type=submit]");
        String link = window.find("#link-url").getAttribute("value");
        assertThat(URI.create(link).getPath()).matches("/s/[A-Za-z0-9_-]{43}");
        window.assertNoConsoleErrors();
    }

    @Test
    void aViewerWithoutDownloadSeesNoDownloadAndALinkShowsTheModelSignedOut(Browser.Window window) throws Exception {
        String linkAddress = JsonPath.read(
                call(
                        post("/api/v1/styles/" + style + "/links"),
                        "{\"expiresAt\": \"" + Instant.now().plus(7, ChronoUnit.DAYS)
                                + "\", \"allowDownload\": false}"),
                "$.url");
        window.go(server.url(URI.create(linkAddress).getPath()));
        window.find("[data-viewer][data-loaded=true]");
        assertThat(drawnPixels(window))
                .as("pixels of the model through the link")
                .isGreaterThan(2_000);
        assertThat(window.driver().getPageSource()).doesNotContain("/content\"");
        window.assertNoConsoleErrors();

        // Shared by id, so invited (it is nobody's member yet) and accepted (issue 15).
        Customers.Account viewer = calls.anInvitableCustomer("viewer", PASSWORD);
        calls.share(admin, "workrooms", workroom, viewer, Role.VIEWER, false, false);
        BrowserSignIn.of(server::url, viewer.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + style));
        window.find("[data-viewer][data-loaded=true]");
        assertThat(window.find(".style-versions").getText()).contains("tee.glb");
        assertThat(window.all("a.download")).as("a viewer without +dl").isEmpty();
        assertThat(window.has("form.approve")).isFalse();
        assertThat(window.has("[data-open-dialog=link-dialog]")).isFalse();
        window.find(".comment-form");
        window.assertNoConsoleErrors();
    }

    private static long drawnPixels(Browser.Window window) throws IOException {
        return ViewerCanvas.drawnPixels(window);
    }

    /** The page's import map, hashed as the browser does, is the one hash the CSP header allows. */
    private static void importMapIsAllowedByItsHash(Browser.Window window) throws Exception {
        String text = (String) window.script("return document.querySelector('script[type=importmap]').textContent;");
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes("UTF-8")));
        String policy = (String) ((JavascriptExecutor) window.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(location.href).then(r => done(r.headers.get('content-security-policy')));");
        // Exactly: the import map, our own files, and WebAssembly for the model decoders; never 'unsafe-eval',
        // 'unsafe-inline' or 'unsafe-hashes'.
        assertThat(policy)
                .contains("; script-src 'self' 'sha256-" + hash + "' 'wasm-unsafe-eval';")
                .doesNotContain("'unsafe-");
    }

    private Customers.Account anAccount(String name) {
        UUID id = UUID.randomUUID();
        String username = name + "-" + id.toString().substring(0, 8);
        server.signingIn(id, username, PASSWORD, null);
        return new Customers.Account(id, username, false);
    }

    private String created(MockHttpServletRequestBuilder request, String json) throws Exception {
        return JsonPath.read(call(request, json), "$.id");
    }

    private String call(MockHttpServletRequestBuilder request, String json) throws Exception {
        return api.perform(request.with(admin.caller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isBetween(200, 201))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
