package io.selvedge.web.style;

import io.selvedge.platform.AnyCaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.webjars.WebJarVersionLocator;

/**
 * The worker in which the 3D viewer transcodes KTX2 (Basis Universal) textures, served from this server under a
 * policy of its own. three's Basis transcoder (Emscripten's embind) builds its bindings with {@code new
 * Function}, which the pages' policy refuses. A worker loaded from a URL of this server runs under the policy its
 * own answer carries (a {@code blob:} worker, as three makes it, would inherit the page's), so {@code
 * 'unsafe-eval'} is allowed in this worker and nowhere else. The worker has no DOM, and its policy lets it load
 * the transcoder from here and nothing more: no requests, images or further workers.
 *
 * <p>Its code is three's own: the transcoder from the webjar, and the body of {@code KTX2Loader.BasisWorker}
 * read from the webjar's {@code KTX2Loader.js} at start. Only the four tables of constants that three writes into
 * the worker's source come by the first message instead ({@code static/js/model-loading.js}).
 */
@RestController
class BasisTranscoderWorker {

    static final String PATH = "/js/ktx2-transcoder-worker.js";

    static final String POLICY = "default-src 'none'; script-src 'self' 'unsafe-eval'";

    private static final String WORKER_START = "KTX2Loader.BasisWorker = function () {";

    private final String source;

    BasisTranscoderWorker() {
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        this.source = workerSource(
                read(webJars.fullPath("three", "examples/jsm/loaders/KTX2Loader.js")),
                "/webjars/three/examples/jsm/libs/basis/basis_transcoder.js");
    }

    @GetMapping(PATH)
    @AnyCaller("a static script of three's, as public as the webjar it is read from")
    ResponseEntity<String> worker() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", POLICY)
                .body(source);
    }

    /**
     * The worker: the constants' names declared, the transcoder imported, and three's worker body run once the
     * constants arrived (the body copies them as it starts, and adds the listener that takes the transcoder's
     * binary and the textures).
     */
    static String workerSource(String ktx2Loader, String transcoderUrl) {
        return """
                // The KTX2 (Basis) transcoder's worker, from Selvedge under a policy of its own (BasisTranscoderWorker).
                let _EngineFormat, _EngineType, _TranscoderFormat, _BasisFormat;
                importScripts(%s);
                function basisWorker() {%s}
                self.addEventListener('message', function constants(event) {
                  if (event.data.type !== 'constants') return;
                  ({ EngineFormat: _EngineFormat, EngineType: _EngineType, TranscoderFormat: _TranscoderFormat,
                    BasisFormat: _BasisFormat } = event.data);
                  self.removeEventListener('message', constants);
                  basisWorker();
                });
                """.formatted("'" + transcoderUrl + "'", workerBody(ktx2Loader));
    }

    /** The body of {@code KTX2Loader.BasisWorker}: from its opening line to the {@code };} that closes it. */
    static String workerBody(String ktx2Loader) {
        int start = ktx2Loader.indexOf(WORKER_START);
        int end = start < 0 ? -1 : ktx2Loader.indexOf("\n};", start);
        if (end < 0) {
            throw new IllegalStateException("three's KTX2Loader.js has no KTX2Loader.BasisWorker function");
        }
        return ktx2Loader.substring(start + WORKER_START.length(), end) + "\n";
    }

    private static String read(String resource) {
        if (resource == null) {
            throw new IllegalStateException("three's webjar has no KTX2Loader.js");
        }
        try (InputStream in = BasisTranscoderWorker.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("three's webjar has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
