package io.selvedge.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers of every answer, declared once: the web security configuration writes them
 * through Spring Security, and the container's own error answers (refused before any filter runs)
 * carry the same.
 */
public final class SecurityHeaders {

    public static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

    // The hash allows exactly one inline script: the 3D viewer's import map (templates/viewer.html).
    static final String VIEWER_IMPORT_MAP_HASH = "'sha256-15XUwsUgXKv3bts74RcL6+hi93x2UFRDAInYf1na+YQ='";

    // 'wasm-unsafe-eval' lets the viewer's decoders (Draco, meshopt: three's own files, served from here) compile
    // WebAssembly; it allows no eval() of JavaScript. Draco decodes in workers made from blob: URLs of that same
    // code, which inherit this policy. GLTFLoader reads a GLB's embedded textures by fetching blob:
    // URLs it made of them (connect-src blob:).
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' "
            + VIEWER_IMPORT_MAP_HASH
            + " 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /** The value of {@code Referrer-Policy}. */
    public static final String REFERRER_POLICY = "same-origin";

    private SecurityHeaders() {}

    /** Every header, with its value as Spring Security writes it, for an answer written outside Spring. */
    public static Map<String, String> all() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Strict-Transport-Security", "max-age=" + HSTS_MAX_AGE_SECONDS + " ; includeSubDomains");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-XSS-Protection", "0");
        headers.put("Referrer-Policy", REFERRER_POLICY);
        headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        headers.put("Pragma", "no-cache");
        headers.put("Expires", "0");
        return headers;
    }
}
