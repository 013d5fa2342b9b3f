package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every answer, success or problem, page or API, main or management server.port(), carries the security headers. */
@SelvedgeIntegrationTest
@Tag("store-independent")
class SecurityHeadersIT {

    private static final long ONE_YEAR_IN_SECONDS = 31_536_000L;
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    @Autowired
    TestServer server;

    HttpClient client;

    @BeforeEach
    void client() {
        client = server.client();
    }

    @Test
    void theLivenessCheckCarriesThem() {
        HttpResponse<String> response = get(server.port(), "/healthz", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response.headers());
    }

    @Test
    void anUnauthenticatedApiProblemCarriesThem() {
        HttpResponse<String> response = get(server.port(), "/api/v1/anything", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertSecurityHeaders(response.headers());
    }

    @Test
    void aWrongMethodProblemCarriesThem() {
        HttpResponse<String> response = get(server.port(), "/api/v1/setup/admin", "application/json");

        assertThat(response.statusCode()).isEqualTo(405);
        assertSecurityHeaders(response.headers());
    }

    @Test
    void theSignInPageCarriesThem() {
        HttpResponse<String> response = get(server.port(), "/signin", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertSecurityHeaders(response.headers());
    }

    @Test
    void theManagementHealthEndpointCarriesThem() {
        HttpResponse<String> response = get(server.managementPort(), "/health", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response.headers());
    }

    private HttpResponse<String> get(int serverPort, String path, String accept) {
        return TestHttps.send(
                client,
                HttpRequest.newBuilder(URI.create("https://localhost:" + serverPort + path))
                        .header("Accept", accept)
                        .GET()
                        .build());
    }

    static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> {
            Matcher maxAge = MAX_AGE.matcher(hsts);
            assertThat(maxAge.find()).as("max-age in %s", hsts).isTrue();
            assertThat(Long.parseLong(maxAge.group(1))).isGreaterThanOrEqualTo(ONE_YEAR_IN_SECONDS);
            assertThat(hsts).contains("includeSubDomains");
        });
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> {
            Map<String, List<String>> directives = directivesOf(csp);
            assertThat(directives).containsEntry("default-src", List.of("'self'"));
            assertThat(directives).containsEntry("frame-ancestors", List.of("'none'"));
            // Without its own script-src, scripts fall back to default-src.
            assertThat(directives.getOrDefault("script-src", directives.get("default-src")))
                    .doesNotContain("'unsafe-inline'", "'unsafe-eval'");
            // Scripts from here only: the import map by its hash, and WebAssembly for the viewer's decoders.
            assertThat(directives.get("script-src"))
                    .allMatch(source -> source.equals("'self'")
                            || source.startsWith("'sha256-")
                            || source.equals("'wasm-unsafe-eval'"));
            assertThat(directives).containsEntry("worker-src", List.of("'self'", "blob:"));
        });
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .isIn("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"));
        assertThat(headers.firstValue("Permissions-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
    }

    private static Map<String, List<String>> directivesOf(String contentSecurityPolicy) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : contentSecurityPolicy.split(";")) {
            String[] words = directive.trim().split("\\s+");
            if (!words[0].isEmpty()) {
                directives.put(words[0], Arrays.asList(words).subList(1, words.length));
            }
        }
        return directives;
    }
}
