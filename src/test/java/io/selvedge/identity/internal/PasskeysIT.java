package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.ApiTokens;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.SoftwarePasskey;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passkeys, with a software authenticator driving Spring Security's WebAuthn endpoints over HTTPS: the
 * registration and assertion ceremonies are verified by the server for real (signature, challenge, origin,
 * relying party id, user verification).
 */
@SelvedgeIntegrationTest
class PasskeysIT {

    static final String PASSWORD = "selvage edges never fray";

    @Autowired
    TestServer server;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformProperties platform;

    @Autowired
    StoredTokens tokens;

    @Autowired
    ApiTokens apiTokens;

    String username;
    UUID accountId;
    SoftwarePasskey passkey;

    @BeforeEach
    void aCustomerWithAPasskey() {
        username = "pk-" + UUID.randomUUID().toString().substring(0, 8);
        accountId = server.signingIn(UUID.randomUUID(), username, PASSWORD, null);
        passkey = new SoftwarePasskey(PasskeyConfiguration.originOf(platform.publicUrl()));
    }

    @Test
    void aRegisteredPasskeySignsInAloneAndAsTheSecondStep() {
        HttpClient first = signedInWithPassword();
        String label = "laptop " + UUID.randomUUID();
        HttpResponse<String> registered = register(first, label);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).contains("\"success\":true");
        assertThat(enrolled()).isTrue();
        HttpResponse<String> page = TestHttps.get(first, server.url("/account/mfa"));
        assertThat(page.statusCode())
                .as("the session that registered it counts as having passed it")
                .isEqualTo(200);
        assertThat(page.body()).contains(label);
        assertThat(GlobalStoreScan.occurrences(jdbc, label))
                .as("the label rests encrypted")
                .isEmpty();

        HttpClient second = server.client();
        HttpResponse<String> password =
                WebPages.submitForm(second, server.url("/signin"), Map.of("username", username, "password", PASSWORD));
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin/code"));
        HttpResponse<String> home = TestHttps.get(second, server.url("/"));
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin/code"));
        assertThat(postJson(second, "/webauthn/register/options", "", csrfOf(second, "/signin/code"))
                        .statusCode())
                .as("a password alone may not add a passkey to an account with MFA")
                .isEqualTo(403);
        HttpResponse<String> secondStep = signInWithPasskey(second, "/signin/code", null);
        assertThat(secondStep.statusCode()).as(secondStep.body()).isEqualTo(200);
        assertThat(secondStep.body()).contains("\"authenticated\":true");
        assertThat(TestHttps.get(second, server.url("/")).body()).contains("Signed in as <strong>" + username);

        HttpClient passwordless = server.client();
        assertThat(signInWithPasskey(passwordless, "/signin", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> signedIn = TestHttps.get(passwordless, server.url("/"));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("Signed in as <strong>" + username);
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_credentials where last_used is not null", Integer.class))
                .isPositive();

        // A passkey sign-in stands for the password on the account page's token form for a while (staff who
        // must sign in with a passkey have no other way to a token); a password session's registration does not.
        assertThat(tokenWithoutPassword(first, "after registering").statusCode())
                .isEqualTo(403);
        assertThat(tokenWithoutPassword(passwordless, "after a passkey").statusCode())
                .isEqualTo(200);
        assertThat(apiTokens.tokensOf(accountId))
                .extracting(ApiTokens.TokenSummary::name)
                .containsExactly("after a passkey");
    }

    private HttpResponse<String> tokenWithoutPassword(HttpClient browser, String name) {
        String csrf = csrfOf(browser, "/account");
        return WebPages.post(
                browser, server.url("/account/tokens"), Map.of("name", name, "scopes", "read", "_csrf", csrf));
    }

    @Test
    void anAssertionForAnotherOriginIsRefused() {
        register(signedInWithPassword(), "phone");
        HttpClient browser = server.client();

        HttpResponse<String> refused = signInWithPasskey(browser, "/signin", "https://selvedge.example.net");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(WebSessionsIT.asBrowser(browser, server.url("/")).statusCode())
                .isEqualTo(302);
    }

    @Test
    void removingTheOnlyPasskeyOnTheWebTurnsMfaOff() {
        HttpClient browser = signedInWithPassword();
        register(browser, "key one");
        assertThat(enrolled()).isTrue();
        HttpResponse<String> page = TestHttps.get(browser, server.url("/account/mfa"));
        assertThat(page.body()).contains("key one");

        HttpResponse<String> removed = WebPages.post(
                browser,
                server.url("/account/mfa/passkeys/" + passkey.credentialId() + "/remove"),
                Map.of("_csrf", WebPages.csrfTokenOf(page)));

        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(enrolled()).isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_credentials where credential_id = ?",
                        Integer.class,
                        passkey.credentialId()))
                .isZero();
    }

    @Test
    void theApiListsAndRemovesTheCallersPasskeys() {
        register(signedInWithPassword(), "desk key");
        String token = ApiTokenSecrets.generate();
        tokens.insert(
                UUID.randomUUID(),
                accountId,
                "passkeys",
                ApiTokenSecrets.sha256(token),
                java.util.EnumSet.of(io.selvedge.identity.ApiScope.READ, io.selvedge.identity.ApiScope.WRITE),
                java.time.Instant.now(),
                java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
        HttpClient client = server.client();

        HttpResponse<String> listed = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/api/v1/me/passkeys"))
                        .header("Authorization", "Bearer " + token)
                        .build());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(passkey.credentialId(), "desk key");
        HttpResponse<String> removed = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/api/v1/me/passkeys/" + passkey.credentialId()))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(TestHttps.send(
                                client,
                                HttpRequest.newBuilder(server.url("/api/v1/me/passkeys/" + passkey.credentialId()))
                                        .header("Authorization", "Bearer " + token)
                                        .DELETE()
                                        .build())
                        .statusCode())
                .isEqualTo(404);
        assertThat(enrolled()).isFalse();
    }

    private boolean enrolled() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select mfa_enrolled from account where id = ?", Boolean.class, accountId));
    }

    private HttpClient signedInWithPassword() {
        HttpClient browser = server.client();
        HttpResponse<String> home = WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
        assertThat(home.statusCode()).isEqualTo(200);
        return browser;
    }

    private HttpResponse<String> register(HttpClient browser, String label) {
        String csrf = csrfOf(browser, "/account/mfa");
        HttpResponse<String> options = postJson(browser, "/webauthn/register/options", "", csrf);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return postJson(browser, "/webauthn/register", passkey.register(options.body(), label), csrf);
    }

    private HttpResponse<String> signInWithPasskey(HttpClient browser, String page, String claimedOrigin) {
        String csrf = csrfOf(browser, page);
        HttpResponse<String> options = postJson(browser, "/webauthn/authenticate/options", "", csrf);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String assertion = claimedOrigin == null
                ? passkey.assertion(options.body())
                : passkey.assertion(options.body(), claimedOrigin);
        return postJson(browser, "/login/webauthn", assertion, csrf);
    }

    private String csrfOf(HttpClient browser, String page) {
        HttpResponse<String> answer = TestHttps.get(browser, server.url(page));
        assertThat(answer.statusCode()).as("GET %s", page).isEqualTo(200);
        return WebPages.csrfTokenOf(answer);
    }

    private HttpResponse<String> postJson(HttpClient browser, String path, String body, String csrf) {
        return WebPages.postJson(browser, server.url(path), body, csrf);
    }
}
