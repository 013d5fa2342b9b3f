package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * With every logger an operator might turn up for troubleshooting at DEBUG (HTTP/2 even at TRACE), no
 * credential that a request carries reaches the output: headers, JSON and form bodies, query strings,
 * setup links, session cookies.
 */
@ExtendWith({OutputCaptureExtension.class, TestDatabase.AvailableCondition.class})
class SecretsStayOutOfLogsIT {

    static final String API_TOKEN = "basic-api-token-5a1f0c3e9d";
    static final String BEARER_TOKEN = "bearer-api-token-8e2b7d4c61";
    static final String QUERY_TOKEN = "query-token-3c9e1b7a05";
    static final String ADMIN_PASSWORD = "json body password 6f2d8a";

    @Test
    void noCredentialOfARequestAppearsInTheDebugOutput(CapturedOutput output) throws IOException {
        try (TestServer server = TestServer.with()
                .property("logging.level.org.springframework.security", "DEBUG")
                .property("logging.level.org.springframework.web", "DEBUG")
                .property("logging.level.io.selvedge", "DEBUG")
                .property("logging.level.org.apache.coyote.http11", "DEBUG")
                .property("logging.level.org.apache.coyote.http2", "TRACE")
                .start()) {
            String setupToken = setupTokenOf(server);
            // Outside production the server prints the setup link at start, on purpose; what follows is ours.
            int startedAt = output.getAll().length();
            for (HttpClient.Version version : HttpClient.Version.values()) {
                String basic =
                        Base64.getEncoder().encodeToString(("ada:" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
                assertThat(call(server, version, "/api/v1/me", "Authorization", "Basic " + basic)
                                .statusCode())
                        .isEqualTo(401);
                assertThat(call(server, version, "/api/v1/me", "Authorization", "Bearer " + BEARER_TOKEN)
                                .statusCode())
                        .isEqualTo(401);
                assertThat(call(server, version, "/signin?token=" + QUERY_TOKEN).statusCode())
                        .isEqualTo(200);
                assertThat(call(server, version, "/api/v1/me?token=" + QUERY_TOKEN)
                                .statusCode())
                        .isEqualTo(401);
                assertThat(call(server, version, "/setup/" + setupToken).statusCode())
                        .isEqualTo(200);
            }
            assertThat(createAdmin(server, setupToken).statusCode()).isEqualTo(201);
            HttpClient browser = http11(server);
            HttpResponse<String> home = WebPages.signIn(browser, server.url("/signin"), "ada", ADMIN_PASSWORD);
            assertThat(home.body()).contains("Your account must use MFA"); // the admin enrols first
            String session = sessionCookieOf(browser);
            HttpResponse<String> created = createToken(server);
            assertThat(created.statusCode()).isEqualTo(201);
            String apiToken = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            assertThat(apiToken).startsWith("slvdg_");
            for (HttpClient.Version version : HttpClient.Version.values()) {
                assertThat(call(server, version, "/api/v1/me", "Authorization", "Bearer " + apiToken)
                                .statusCode())
                        .isEqualTo(200);
            }
            assertThat(call(server, HttpClient.Version.HTTP_2, "/account/mfa", "Cookie", "SELVEDGE_SESSION=" + session)
                            .statusCode())
                    .isEqualTo(200);

            List<String> linkSecrets = callEveryTokenBearingRoute(server);

            List<String> secrets = List.of(
                    API_TOKEN,
                    Base64.getEncoder().encodeToString(("ada:" + API_TOKEN).getBytes(StandardCharsets.UTF_8)),
                    BEARER_TOKEN,
                    QUERY_TOKEN,
                    ADMIN_PASSWORD,
                    ADMIN_PASSWORD.replace(' ', '+'),
                    setupToken,
                    session,
                    apiToken);
            String written = output.getAll().substring(startedAt);
            assertThat(written)
                    .as("the requests were logged, at DEBUG too")
                    .contains("GET /api/v1/me -> 401")
                    .contains("POST /api/v1/setup/admin -> 201")
                    .contains("POST /signin -> 302")
                    .contains("POST /api/v1/auth/tokens -> 201")
                    .contains("GET /api/v1/me -> 200")
                    .contains("DEBUG");
            for (String secret : secrets) {
                assertThat(written).as("what serving the requests wrote").doesNotContain(secret);
            }
            assertThat(written)
                    .as("each kind of link was logged, its secret cut out")
                    .contains("GET /reset-password/{secret} -> ")
                    .contains("GET /confirm-email/{secret} -> ")
                    .contains("GET /s/{secret} -> ")
                    .contains("GET /invitations/{secret} -> ")
                    .contains("POST /api/v1/invitations/{secret}/accept -> ")
                    .contains("POST /api/v1/auth/password-reset/{secret} -> ");
            for (String secret : linkSecrets) {
                assertThat(written).as("what serving the links wrote").doesNotContain(secret);
            }
        }
    }

    /**
     * Calls every route of the server whose path holds a {@code {token}}, each with a secret of its own in
     * it (any other path variable a random id): every kind of one-time or share link there is, including
     * the ones added after this test was written. Returns the secrets.
     */
    private static List<String> callEveryTokenBearingRoute(TestServer server) {
        List<String> secrets = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        for (HandlerMapping mapping : server.bean(DispatcherServlet.class).getHandlerMappings()) {
            if (!(mapping instanceof RequestMappingHandlerMapping annotated)) {
                continue;
            }
            annotated.getHandlerMethods().forEach((info, method) -> {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.contains("{token}")) {
                        continue;
                    }
                    String secret =
                            "link-secret-" + UUID.randomUUID().toString().replace("-", "");
                    String path = pattern.replace("{token}", secret)
                            .replaceAll("\\{[^/]+}", UUID.randomUUID().toString());
                    String verb = info.getMethodsCondition().getMethods().stream()
                            .findFirst()
                            .map(Enum::name)
                            .orElse("GET");
                    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path))
                            .header("Content-Type", "application/json")
                            .method(verb, HttpRequest.BodyPublishers.ofString("{}"));
                    TestHttps.send(http11(server), request.build());
                    secrets.add(secret);
                    routes.add(verb + " " + pattern);
                }
            });
        }
        assertThat(routes)
                .as("the kinds of link the issue names, among the routes found")
                .contains("GET /reset-password/{token}", "GET /confirm-email/{token}", "GET /s/{token}");
        return secrets;
    }

    private static HttpResponse<String> call(
            TestServer server, HttpClient.Version version, String pathAndQuery, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.url(pathAndQuery)).version(version);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return TestHttps.send(server.client(), request.build());
    }

    private static HttpResponse<String> createAdmin(TestServer server, String setupToken) {
        String json = "{\"setupToken\":\"%s\",\"username\":\"ada\",\"password\":\"%s\"}"
                .formatted(setupToken, ADMIN_PASSWORD);
        return TestHttps.send(
                http11(server),
                HttpRequest.newBuilder(server.url("/api/v1/setup/admin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    /** The token endpoint, whose JSON body carries the password and whose answer carries the token. */
    private static HttpResponse<String> createToken(TestServer server) {
        String json = "{\"username\":\"ada\",\"password\":\"%s\",\"name\":\"logs\"}".formatted(ADMIN_PASSWORD);
        return TestHttps.send(
                http11(server),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    /** HTTP/1.1, whose connector logs what it reads at DEBUG. */
    private static HttpClient http11(TestServer server) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestHttps.trusting(TestHttps.developmentCertificate(server.dataDir())))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static String sessionCookieOf(HttpClient browser) {
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SELVEDGE_SESSION"))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static String setupTokenOf(TestServer server) throws IOException {
        String link =
                Files.readString(server.dataDir().resolve("setup-link.txt")).trim();
        return URI.create(link).getPath().substring("/setup/".length());
    }
}
