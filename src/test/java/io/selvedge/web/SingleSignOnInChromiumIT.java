package io.selvedge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.AccountRegistration;
import io.selvedge.testing.Browser;
import io.selvedge.testing.TestDns;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestOidc;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real Chromium signs in through the group's OIDC provider from the sign-in page: the work address alone,
 * then the provider (mock-oauth2-server over TLS), then home with a full session. A server of its own, whose
 * public address is the one it listens on, since the provider sends the browser back there.
 */
// The browser's round trip proves nothing more on a second database: OidcSignInIT signs in on both.
@Tag("store-independent")
class SingleSignOnInChromiumIT {

    static final String PASSWORD = "selvage edge on a loom";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TXT = Pattern.compile("\"txtValue\"\\s*:\\s*\"([^\"]+)\"");

    @RegisterExtension
    static final Browser browser = new Browser();

    static TestServer server;

    @BeforeAll
    static void aServerWhosePublicAddressIsItsOwn() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = TestServer.with()
                .property("selvedge.port", port)
                .property("selvedge.public-url", "https://localhost:" + port)
                .property("selvedge.accounts.dns-server", TestDns.address())
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPersonGivesTheirWorkAddressAndSignsInAtTheirOrganisationsProvider(Browser.Window window) {
        String domain = "atelier-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String issuerId = "chromium-" + UUID.randomUUID().toString().substring(0, 8);
        connected(domain, issuerId);
        String email = "ana@" + domain;
        TestOidc.nextSignIn(issuerId, email, Map.of("email", email, "name", "Ana Lima", "groups", List.of()));

        window.go(server.url("/signin"));
        window.fill("#username", email).click("main form button[type=submit]");

        window.waitForPath("/");
        window.assertNoConsoleErrors();
        window.go(server.url("/account"));
        assertThat(window.find("#displayName").getAttribute("value")).isEqualTo("Ana Lima");
        window.assertNoConsoleErrors();
        // The session reaches the API too (Chromium's own JSON viewer, not a page of ours, shows the answer).
        window.go(server.url("/api/v1/me"));
        assertThat(window.find("body").getText()).contains(email);
    }

    /** A group with the verified domain and an OIDC connection to the test provider, made over the API. */
    private static void connected(String domain, String issuerId) {
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        server.bean(AccountRegistration.class).register(admin, PASSWORD, null, null);
        HttpClient client = server.client();
        String token = TestMfa.enrol(client, server::url, Clock.systemUTC(), admin, PASSWORD)
                .token("setup", "");
        String group = id(call(client, token, "/api/v1/groups", "{\"name\": \"Atelier\", \"region\": \"eu\"}"));
        String claim = call(client, token, "/api/v1/groups/" + group + "/domains", "{\"domain\": \"" + domain + "\"}");
        Matcher txt = TXT.matcher(claim);
        assertThat(txt.find()).isTrue();
        TestDns.publish("_selvedge-verification." + domain, txt.group(1));
        call(client, token, "/api/v1/groups/" + group + "/domains/" + domain + "/verify", "");
        String body = """
                {"type": "oidc", "name": "Okta", "preset": "okta", "issuer": "%s", "clientId": "selvedge",
                 "clientSecret": "s3cret", "domains": ["%s"], "trustIdpMfa": false, "caCertificatePem": "%s",
                 "roleMappings": []}
                """.formatted(
                TestOidc.issuer(issuerId), domain, TestOidc.certificatePem().replace("\n", "\\n"));
        id(call(client, token, "/api/v1/groups/" + group + "/identity-providers", body));
    }

    private static String call(HttpClient client, String token, String path, String json) {
        HttpResponse<String> answer = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
        assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isBetween(200, 201);
        return answer.body();
    }

    private static String id(String body) {
        Matcher id = ID.matcher(body);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
