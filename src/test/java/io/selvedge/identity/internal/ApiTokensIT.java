package io.selvedge.identity.internal;

import static io.selvedge.identity.internal.Api.basic;
import static io.selvedge.identity.internal.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** API tokens: made with a password, then the only credential the API accepts. */
@SelvedgeIntegrationTest
class ApiTokensIT {

    static final String PASSWORD = "a bolt of indigo twill";

    @Autowired
    TestServer server;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TokenAuthenticator authenticator;

    Api api;
    String username;

    @BeforeEach
    void anAccount() {
        api = new Api(server.client(), path -> server.url(path));
        username = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        // a customer: staff must enrol in MFA before the API lets them reach these endpoints (TotpIT)
        server.signingIn(UUID.randomUUID(), username, PASSWORD, null);
    }

    @Test
    void aTokenIsMadeOnceWithItsSecretAndWorksAsBearerAndAsBasic() {
        HttpResponse<String> created = api.createToken(
                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"build server\",\"expiresInDays\":30}"
                        .formatted(username.toUpperCase(java.util.Locale.ROOT), PASSWORD));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"name\":\"build server\"", "\"expiresAt\":");
        String token = Api.tokenOf(created);
        assertThat(token).matches("slvdg_[0-9A-Za-z]{36}");
        assertThat(ApiTokenSecrets.wellFormed(token)).isTrue();

        HttpResponse<String> me = api.call("GET", "/api/v1/me", bearer(token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + username + "\"", "\"mfaEnrolled\":false");
        assertThat(api.call("GET", "/api/v1/me", basic(username, token)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> list = api.call("GET", "/api/v1/me/tokens", bearer(token));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"name\":\"build server\"", "\"lastUsedFrom\":\"127.0.0.1\"", "\"current\":true")
                .doesNotContain(token);
    }

    @Test
    void thePasswordIsNeverAcceptedByTheApiEvenWhenRight() {
        String token = api.tokenFor(username, PASSWORD, "");

        assertUnauthorized(api.call("GET", "/api/v1/me", basic(username, PASSWORD)));
        assertUnauthorized(api.call("GET", "/api/v1/me", bearer(PASSWORD)));
        assertUnauthorized(api.call("GET", "/api/v1/me", basic("someone-else", token)));
        assertUnauthorized(api.call("GET", "/api/v1/me", "Digest " + token));
        assertUnauthorized(api.call("GET", "/api/v1/me", "Basic not-base64!"));
        assertUnauthorized(api.call("GET", "/api/v1/me", null));
        String lookalike = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertUnauthorized(api.call("GET", "/api/v1/me", bearer(lookalike)));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = api.createToken(username, "not the password at all");
        HttpResponse<String> unknownUser = api.createToken("nobody-" + username, PASSWORD);

        assertUnauthorized(wrongPassword);
        assertUnauthorized(unknownUser);
        assertThat(withoutRequestIds(wrongPassword.body())).isEqualTo(withoutRequestIds(unknownUser.body()));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        HttpResponse<String> created = api.createToken(username, PASSWORD);
        String token = Api.tokenOf(created);
        String other = api.tokenFor(username, PASSWORD, "");
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).statusCode()).isEqualTo(200);

        assertThat(api.call("DELETE", "/api/v1/me/tokens/" + Api.idOf(created), bearer(other))
                        .statusCode())
                .isEqualTo(204);

        assertUnauthorized(api.call("GET", "/api/v1/me", bearer(token)));
        assertThat(api.call("DELETE", "/api/v1/me/tokens/" + Api.idOf(created), bearer(other))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/me/tokens/not-a-uuid", bearer(other))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anExpiredTokenIsRefused() {
        HttpResponse<String> created = api.createToken(username, PASSWORD);
        String token = Api.tokenOf(created);
        jdbc.update(
                "update api_token set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                UUID.fromString(Api.idOf(created)));
        authenticator.forget(UUID.fromString(Api.idOf(created))); // as the node's cache would after 10 s

        assertUnauthorized(api.call("GET", "/api/v1/me", bearer(token)));
    }

    @Test
    void aReadTokenMayOnlyReadAndAWriteTokenMayNotUseAdminEndpoints() {
        String reader = api.tokenFor(username, PASSWORD, ",\"scopes\":[\"read\"]");
        String writer = api.tokenFor(username, PASSWORD, ",\"scopes\":[\"write\"]");

        assertThat(api.call("GET", "/api/v1/me/tokens", bearer(reader)).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = api.call("DELETE", "/api/v1/me/sessions", bearer(reader));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.call("DELETE", "/api/v1/me/sessions", bearer(writer)).statusCode())
                .isEqualTo(204);
        assertThat(api.call("GET", "/api/v1/admin/anything", bearer(writer)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void badInputIsAProblemDocumentNeverAServerError() {
        String[] bodies = {
            "{\"username\":\"%s\",\"password\":\"%s\"}",
            "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"x\",\"expiresInDays\":366}",
            "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"x\",\"expiresInDays\":0}",
            "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"x\",\"expiresInDays\":\"soon\"}",
            "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"x\",\"scopes\":[\"root\"]}",
            "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"" + "n".repeat(101) + "\"}",
            "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"tab\\there\"}",
            "{\"username\":\"%s\",\"password\":\"%s\",\"name\":",
            "[\"%s\",\"%s\"]",
        };
        for (String body : bodies) {
            HttpResponse<String> answer = api.createToken(body.formatted(username, PASSWORD));
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(body)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void noTableOfTheGlobalStoreHoldsTheTokenOrThePassword() {
        String token = api.tokenFor(username, PASSWORD, "");
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).statusCode()).isEqualTo(200);
        HttpResponse<String> home = WebPages.signIn(server.client(), server.url("/signin"), username, PASSWORD);
        assertThat(home.body()).contains("Signed in as");

        assertThat(GlobalStoreScan.occurrences(jdbc, token, PASSWORD)).isEmpty();
    }

    static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    static String withoutRequestIds(String body) {
        return body.replaceAll("\"requestId\":\"[0-9a-f]+\"", "");
    }
}
