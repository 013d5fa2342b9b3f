package io.selvedge.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.collab.NotificationKind;
import io.selvedge.collab.Notifications;
import io.selvedge.identity.ApiTokens;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The account page's forms act on the signed-in account only, and refuse with the reason in the page. */
@SelvedgeIntegrationTest
class AccountPageIT {

    static final String PASSWORD = "warp and weft hold the cloth";

    @Autowired
    TestServer server;

    @Autowired
    Notifications notifications;

    @Autowired
    ApiTokens tokens;

    @Test
    void thePasswordChangesOnlyWithTheCurrentOneAndWithinThePolicyAndSignsEveryoneOut() {
        UUID id = aCustomer();
        HttpClient browser = signedIn(id);

        HttpResponse<String> wrong = post(
                browser,
                "/account/password",
                Map.of(
                        "currentPassword", "not it at all, sorry",
                        "newPassword", "a brand new long password",
                        "repeatedPassword", "a brand new long password"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("The password, or the one-time code, is wrong.");

        HttpResponse<String> weak = post(
                browser,
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "short one", "repeatedPassword", "short one"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Use at least 15 characters");

        HttpResponse<String> changed = post(
                browser,
                "/account/password",
                Map.of(
                        "currentPassword", PASSWORD,
                        "newPassword", "a brand new long password",
                        "repeatedPassword", "a brand new long password"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin?passwordChanged"));
        HttpResponse<String> after = TestHttps.send(
                browser,
                HttpRequest.newBuilder(server.url("/account"))
                        .header("Accept", "text/html")
                        .build());
        assertThat(after.statusCode()).isEqualTo(302);
    }

    @Test
    void aTokenNeedsThePasswordAndOnlyItsOwnerRevokesIt() {
        UUID owner = aCustomer();
        UUID other = aCustomer();
        HttpClient browser = signedIn(owner);

        HttpResponse<String> refused = post(
                browser, "/account/tokens", Map.of("name", "ci", "scopes", "read", "password", "not the password"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(tokens.tokensOf(owner)).isEmpty();

        HttpResponse<String> created = post(
                browser,
                "/account/tokens",
                Map.of("name", "ci", "scopes", "read", "lifetimeDays", "7", "password", PASSWORD));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(tokens.tokensOf(owner)).singleElement().satisfies(token -> {
            assertThat(token.name()).isEqualTo("ci");
            assertThat(token.scopes()).extracting(Enum::name).containsExactly("READ");
        });

        HttpClient otherBrowser = signedIn(other);
        UUID ownersToken = tokens.tokensOf(owner).get(0).id();
        HttpResponse<String> notTheirs = post(otherBrowser, "/account/tokens/" + ownersToken + "/revoke", Map.of());
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(tokens.tokensOf(owner)).hasSize(1);

        assertThat(post(browser, "/account/tokens/" + ownersToken + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(tokens.tokensOf(owner)).isEmpty();
    }

    @Test
    void theEmailChoicesAndTheDisplayNameAreSavedOrRefusedWithTheReason() {
        UUID id = aCustomer();
        HttpClient browser = signedIn(id);

        String csrf = WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/account")));
        HttpResponse<String> saved = TestHttps.send(
                browser,
                HttpRequest.newBuilder(server.url("/account/notifications"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&email=MENTION&email=APPROVAL"))
                        .build());
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(notifications.emailSettings(id))
                .containsEntry(NotificationKind.MENTION, true)
                .containsEntry(NotificationKind.APPROVAL, true)
                .containsEntry(NotificationKind.NEW_VERSION, false)
                .containsEntry(NotificationKind.SHARE, false);

        assertThat(post(browser, "/account/notifications", Map.of("email", "EVERYTHING"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> tooLong = post(browser, "/account/profile", Map.of("displayName", "x".repeat(101)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 100 characters");
        assertThat(post(browser, "/account/profile", Map.of("displayName", "Grace Hopper"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(TestHttps.get(browser, server.url("/account")).body()).contains("value=\"Grace Hopper\"");
    }

    private HttpResponse<String> post(HttpClient browser, String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/account"))));
        return WebPages.post(browser, server.url(path), withToken);
    }

    private HttpClient signedIn(UUID id) {
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), "page-" + id.toString().substring(0, 8), PASSWORD);
        return browser;
    }

    private UUID aCustomer() {
        UUID id = UUID.randomUUID();
        server.signingIn(id, "page-" + id.toString().substring(0, 8), PASSWORD, null);
        return id;
    }
}
