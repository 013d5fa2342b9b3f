package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.sso.internal.saml.AssertionReplayCache;
import io.selvedge.sso.internal.saml.ServiceProvider;
import io.selvedge.sso.internal.saml.TestSamlIdp;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.WebPages;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A SAML sign-in through the real server, as a browser between Selvedge and an IdP made in the test: the
 * browser is sent to the IdP with an AuthnRequest, posts back a response the IdP signed, and is signed in
 * (its cookies alone call {@code /api/v1/me}). A response refused for its signature, its audience, or as a
 * replay answers 401 with a page and leaves no session.
 */
@SelvedgeIntegrationTest
class SamlSignInIT {

    @LocalServerPort
    int port;

    @Value("${selvedge.data-dir}")
    Path dataDir;

    @Autowired
    AssertionReplayCache replays;

    @Autowired
    ApiCalls api;

    TestSamlIdp idp;
    String domain;
    String connection;
    ServiceProvider sp;

    @BeforeEach
    void aGroupWithASamlConnectionForItsVerifiedDomain() throws Exception {
        Account admin = api.customers().aCustomer("saml-admin");
        String group = api.tree(admin, "Maison SAML")[0];
        domain = api.aVerifiedDomain(admin, group, "saml");
        idp = TestSamlIdp.create("https://idp.example.test/" + UUID.randomUUID());
        String body = api.as(admin, post("/api/v1/groups/" + group + "/identity-providers"), """
                        {"type": "saml", "name": "Okta", "domains": ["%s"], "trustIdpMfa": false,
                         "roleMappings": [], "metadataXml": %s}""".formatted(
                                domain, quoted(idp.metadataXml())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        connection = JsonPath.read(body, "$.id");
        sp = new ServiceProvider(JsonPath.read(body, "$.entityId"), JsonPath.read(body, "$.acsUrl"));
    }

    @Test
    void theSpMetadataNamesTheEntityIdAndTheAcs() {
        HttpResponse<String> metadata =
                TestHttps.get(TestHttps.client(dataDir), url("/sso/" + connection + "/metadata"));

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/samlmetadata+xml"));
        assertThat(metadata.body()).contains("entityID=\"" + sp.entityId() + "\"");
        assertThat(metadata.body()).contains("Location=\"" + sp.acsUrl() + "\"");
        assertThat(sp.entityId()).endsWith("/sso/" + connection + "/metadata");
        assertThat(TestHttps.get(TestHttps.client(dataDir), url("/sso/" + UUID.randomUUID() + "/metadata"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aResponseTheIdpSignedSignsTheBrowserIn() {
        HttpClient browser = TestHttps.client(dataDir);
        String email = "ada@" + domain;

        HttpResponse<String> signedIn = postResponse(browser, email, response -> {});

        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> me = TestHttps.get(browser, url("/api/v1/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(email);
    }

    @Test
    void aResponseSignedByAnotherKeyIsRefusedWithAPageAndNoSession() {
        assertRefused(response ->
                response.signingKeys = TestSamlIdp.create(idp.entityId()).keyPair());
    }

    @Test
    void anUnsignedResponseIsRefusedWithAPageAndNoSession() {
        assertRefused(response -> response.signAssertion = false);
    }

    @Test
    void aResponseForAnotherAudienceIsRefusedWithAPageAndNoSession() {
        assertRefused(response -> response.audience = "https://other.example.test/sso/metadata");
    }

    @Test
    void aResponseCapturedAndPostedAgainSignsNobodyIn() {
        assertThat(postResponse(TestHttps.client(dataDir), "grace@" + domain, response -> {})
                        .statusCode())
                .isEqualTo(302);
        String captured = lastPosted;

        HttpClient attacker = TestHttps.client(dataDir);
        Started started = start(attacker);
        HttpResponse<String> again = WebPages.post(
                attacker,
                url("/sso/" + connection + "/acs"),
                Map.of("SAMLResponse", captured, "RelayState", started.relayState()));

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(TestHttps.get(attacker, url("/api/v1/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void theReplayCacheIsSharedThroughTheGlobalStore() {
        String assertion = "_" + UUID.randomUUID();
        Instant until = Instant.now().plusSeconds(300);

        assertThat(replays.firstUse(idp.entityId(), assertion, until)).isTrue();
        assertThat(replays.firstUse(idp.entityId(), assertion, until)).isFalse();
        assertThat(replays.firstUse("https://another.example.test", assertion, until))
                .isTrue();
    }

    private void assertRefused(Consumer<TestSamlIdp.Response> bend) {
        HttpClient browser = TestHttps.client(dataDir);

        HttpResponse<String> refused = postResponse(browser, "eve@" + domain, bend);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        // Whatever the page left in the browser, none of it is signed in.
        assertThat(TestHttps.get(browser, url("/api/v1/me")).statusCode()).isEqualTo(401);
    }

    private String lastPosted;

    /** Starts a sign-in, has the IdP answer the request (bent as asked), and posts the answer to the ACS. */
    private HttpResponse<String> postResponse(HttpClient browser, String email, Consumer<TestSamlIdp.Response> bend) {
        Started started = start(browser);
        TestSamlIdp.Response response = idp.response(sp, started.requestId(), email);
        bend.accept(response);
        lastPosted = response.encoded();
        return WebPages.post(
                browser,
                url("/sso/" + connection + "/acs"),
                Map.of("SAMLResponse", lastPosted, "RelayState", started.relayState()));
    }

    private record Started(String requestId, String relayState) {}

    private Started start(HttpClient browser) {
        HttpResponse<String> toIdp = TestHttps.get(browser, url("/sso/" + connection));
        assertThat(toIdp.statusCode()).isEqualTo(302);
        URI location = URI.create(toIdp.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(idp.entityId() + "/sso/redirect?");
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        String request = inflate(query.get("SAMLRequest"));
        String id = request.replaceAll("(?s).*\\bID=\"([^\"]+)\".*", "$1");
        return new Started(id, query.get("RelayState"));
    }

    private static String inflate(String base64) {
        try {
            Inflater inflater = new Inflater(true);
            inflater.setInput(Base64.getDecoder().decode(base64));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private URI url(String path) {
        return URI.create("https://localhost:" + port + path);
    }
}
