package io.selvedge.web.style;

import static io.selvedge.testing.ApiCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.Customers;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.ViewerCanvas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Compressed glTF in the viewer, as CLO and web pipelines export it: a Draco- and a meshopt-compressed tee and
 * one whose texture is KTX2 (samples/make-samples.py) drawn in Chromium with the decoders this server serves
 * from three's webjar, its double-sided sheen fabric and its texture as the file says, and no request to any
 * other origin.
 */
@SelvedgeIntegrationTest
class CompressedModelsBrowserIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    @Autowired
    ApiCalls calls;

    @Test
    void dracoAndMeshoptCompressedGarmentsAreDrawnWithDecodersFromThisServer(Browser.Window window) throws Exception {
        Customers.Account designer = anAccount();
        String style = aStyleSignedInto(window, designer, "eu");
        String draco = uploaded(designer, style, "tee-draco.glb");
        String meshopt = uploaded(designer, style, "tee-meshopt.glb");

        window.go(server.url("/styles/" + style + "?version=" + draco));
        assertTheFabricTeeIsDrawn(window, Files.size(Path.of("samples/tee-draco.glb")));
        assertThat(requestedPaths(window))
                .as("Draco's decoder, from the webjar")
                .contains(
                        "/webjars/three/examples/jsm/libs/draco/gltf/draco_wasm_wrapper.js",
                        "/webjars/three/examples/jsm/libs/draco/gltf/draco_decoder.wasm");
        assertThat(contentType(window, "/webjars/three/examples/jsm/libs/draco/gltf/draco_decoder.wasm"))
                .isEqualTo("application/wasm");

        window.go(server.url("/styles/" + style + "?version=" + meshopt));
        assertTheFabricTeeIsDrawn(window, Files.size(Path.of("samples/tee-meshopt.glb")));
        assertThat(requestedPaths(window))
                .as("the meshopt decoder, from the webjar")
                .contains("/webjars/three/examples/jsm/libs/meshopt_decoder.module.js")
                .noneMatch(path -> path.contains("draco"));
    }

    @Test
    void ktx2TexturesAreTranscodedInAWorkerServedUnderAPolicyOfItsOwn(Browser.Window window) throws Exception {
        Customers.Account designer = anAccount();
        String style = aStyleSignedInto(window, designer, "us");
        String ktx2 = uploaded(designer, style, "tee-ktx2.glb");

        window.go(server.url("/styles/" + style + "?version=" + ktx2));
        assertTheFabricTeeIsDrawn(window, Files.size(Path.of("samples/tee-ktx2.glb")));
        assertThat(window.script("const viewer = document.querySelector('[data-viewer]').viewer; let m;"
                        + "viewer.model.traverse((n) => { if (n.isMesh) m = n.material; });"
                        + "return [m.map.isCompressedTexture || false, m.map.image.width];"))
                .as("the fabric's texture, transcoded from KTX2 (64 pixels wide)")
                .isEqualTo(List.of(true, 64L));
        assertThat(requestedPaths(window))
                .as("the transcoder's worker and WebAssembly, from this server")
                .contains(
                        "/js/ktx2-transcoder-worker.js",
                        "/webjars/three/examples/jsm/libs/basis/basis_transcoder.wasm");
        assertThat(header(window, "/js/ktx2-transcoder-worker.js", "content-security-policy"))
                .as("the worker's own policy: the transcoder's eval, and nothing to load but scripts from here")
                .isEqualTo("default-src 'none'; script-src 'self' 'unsafe-eval'");
        assertThat(header(window, "/styles/" + style, "content-security-policy"))
                .as("the page's policy")
                .doesNotContain("'unsafe-eval'");
    }

    /** Drawn, the file's materials kept, the download's progress shown, all from this server, no console error. */
    private static void assertTheFabricTeeIsDrawn(Browser.Window window, long fileSize) throws Exception {
        window.find("[data-viewer][data-loaded=true]");
        assertThat(ViewerCanvas.drawnPixels(window))
                .as("pixels of the model on the canvas")
                .isGreaterThan(2_000);
        @SuppressWarnings("unchecked")
        Map<String, Object> material = (Map<String, Object>)
                window.script("const viewer = document.querySelector('[data-viewer]').viewer; let m;"
                        + "viewer.model.traverse((n) => { if (n.isMesh) m = n.material; });"
                        + "return {type: m.type, doubleSided: m.side === 2, sheen: m.sheen,"
                        + " mapColorSpace: m.map && m.map.colorSpace, lit: viewer.scene.environment !== null};");
        assertThat(material)
                .containsEntry("type", "MeshPhysicalMaterial")
                .containsEntry("doubleSided", true)
                .containsEntry("mapColorSpace", "srgb")
                .containsEntry("lit", true);
        assertThat(((Number) material.get("sheen")).doubleValue()).as("sheen").isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>)
                window.script(
                        "const bar = document.querySelector('.viewer-progress');"
                                + "return {hidden: bar.hidden, max: bar.max, value: bar.value, label: bar.getAttribute('aria-label')};");
        assertThat(progress).as("the progress bar, full and put away").containsEntry("hidden", true);
        assertThat(((Number) progress.get("max")).longValue())
                .as("Content-Length")
                .isEqualTo(fileSize);
        assertThat(((Number) progress.get("value")).longValue()).isEqualTo(fileSize);
        assertThat((String) progress.get("label")).isNotBlank();
        @SuppressWarnings("unchecked")
        List<String> elsewhere = (List<String>) window.script(
                "return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]"
                        + ".map((e) => e.name).filter((url) => new URL(url).origin !== location.origin);");
        assertThat(elsewhere).as("requests to another origin").isEmpty();
        window.assertNoConsoleErrors();
    }

    @SuppressWarnings("unchecked")
    private static List<String> requestedPaths(Browser.Window window) {
        return (List<String>)
                window.script("return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);");
    }

    private static String contentType(Browser.Window window, String path) {
        return header(window, path, "content-type");
    }

    private static String header(Browser.Window window, String path, String name) {
        return (String) ((JavascriptExecutor) window.driver())
                .executeAsyncScript(
                        "const [path, name, done] = arguments;" + "fetch(path).then((r) => done(r.headers.get(name)));",
                        path,
                        name);
    }

    /** A style in a new tree of the designer's in the region, the designer signed in in the window. */
    private String aStyleSignedInto(Browser.Window window, Customers.Account designer, String region) throws Exception {
        ApiCalls.Tree tree = calls.aTree(designer, region);
        String style = created(calls.as(
                designer,
                post("/api/v1/workrooms/" + tree.workroom() + "/styles"),
                "{\"name\": \"Twill tee\", \"tags\": []}"));
        BrowserSignIn.of(server::url, designer.username(), PASSWORD).signIn(window);
        return style;
    }

    private String uploaded(Customers.Account designer, String style, String sample) throws Exception {
        return created(calls.mvc()
                .perform(post("/api/v1/styles/" + style + "/versions?filename=" + sample)
                        .with(designer.caller())
                        .contentType("model/gltf-binary")
                        .content(Files.readAllBytes(Path.of("samples", sample)))));
    }

    private Customers.Account anAccount() {
        UUID id = UUID.randomUUID();
        String username = "designer-" + id.toString().substring(0, 8);
        server.signingIn(id, username, PASSWORD, null);
        return new Customers.Account(id, username, false);
    }
}
