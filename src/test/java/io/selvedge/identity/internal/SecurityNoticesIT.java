package io.selvedge.identity.internal;

import static io.selvedge.identity.internal.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The owner hears of what changes the account's security: a new API token (named, never its secret) and
 * TOTP turned off, each as plain text and HTML; a password change. (Reset and address changes:
 * PasswordResetIT, AccountEmailIT.)
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class SecurityNoticesIT {

    static final String PASSWORD = "a shirt of oxford cloth";
    static final Pattern SECRET = Pattern.compile("\"secret\":\"([A-Z2-7]+)\"");

    static final MovableClock clock = new MovableClock();
    static TestServer server;
    static Api api;

    @BeforeAll
    static void aServer() {
        server = TestServer.with()
                .clock(clock)
                .property(Mailbox.FAST_DELIVERY, "100ms")
                .start();
        api = new Api(server.client(), server::url);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNewTokenAndTheRemovalOfTotpAreToldWithoutAnySecret() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String username = "dee-" + id;
        String email = "dee." + id + "@example.test";
        server.bean(AccountRegistration.class).register(username, PASSWORD, null, email);
        Mailbox mailbox = Mailbox.of(server);

        HttpResponse<String> created = api.createToken(
                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"nightly export\"}".formatted(username, PASSWORD));
        String token = Api.tokenOf(created);
        Mailbox.Mail tokenNotice = mailbox.awaitLast(email, "A new API token", 1);
        assertThat(tokenNotice.text()).contains("\"nightly export\"", username).doesNotContain(token);
        assertThat(tokenNotice.html()).contains("&quot;nightly export&quot;").doesNotContain(token);

        Matcher secret = SECRET.matcher(
                api.send("POST", "/api/v1/me/mfa/totp", bearer(token), "").body());
        assertThat(secret.find()).isTrue();
        String confirmCode = OneTimeCodes.codeAt(secret.group(1), OneTimeCodes.stepAt(clock.instant()));
        assertThat(api.send("POST", "/api/v1/me/mfa/totp/confirm", bearer(token), otp(confirmCode))
                        .statusCode())
                .isEqualTo(200);
        // Enrolling TOTP revokes the account's tokens: a new one is minted with a code.
        assertThat(api.call("GET", "/api/v1/me/tokens", bearer(token)).statusCode())
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        String tokenCode = OneTimeCodes.codeAt(secret.group(1), OneTimeCodes.stepAt(clock.instant()));
        String withCode = Api.tokenOf(
                api.createToken("{\"username\":\"%s\",\"password\":\"%s\",\"otp\":\"%s\",\"name\":\"after totp\"}"
                        .formatted(username, PASSWORD, tokenCode)));
        clock.advance(Duration.ofSeconds(30));
        String removeCode = OneTimeCodes.codeAt(secret.group(1), OneTimeCodes.stepAt(clock.instant()));
        assertThat(api.send("DELETE", "/api/v1/me/mfa/totp", bearer(withCode), otp(removeCode))
                        .statusCode())
                .isEqualTo(204);

        Mailbox.Mail totpNotice = mailbox.awaitLast(email, "Two-step sign-in was turned off", 1);
        assertThat(totpNotice.text()).contains(username).doesNotContain(secret.group(1), removeCode, withCode);
        assertThat(totpNotice.html()).contains(username);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordEndsWebSessionsAndIsTold() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String username = "eve-" + id;
        String email = "eve." + id + "@example.test";
        String newPassword = "a jacket of boiled wool";
        server.bean(AccountRegistration.class).register(username, PASSWORD, null, email);
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
        String token = api.tokenFor(username, PASSWORD, "");

        assertThat(changePassword(token, "not my password at all", newPassword).statusCode())
                .isEqualTo(403);
        HttpResponse<String> weak = changePassword(token, PASSWORD, "weak");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Use at least 15 characters");
        assertThat(changePassword(token, PASSWORD, newPassword).statusCode()).isEqualTo(204);

        assertThat(WebSessionsIT.asBrowser(browser, server.url("/")).statusCode())
                .as("the web session was ended")
                .isEqualTo(302);
        assertThat(api.createToken(username, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api.createToken(username, newPassword).statusCode()).isEqualTo(201);
        Mailbox.Mail notice = Mailbox.of(server).awaitLast(email, "Your Selvedge password was changed", 1);
        assertThat(notice.text()).contains(username).doesNotContain(newPassword, PASSWORD);
    }

    private static HttpResponse<String> changePassword(String token, String current, String newPassword) {
        return api.send(
                "PUT",
                "/api/v1/me/password",
                bearer(token),
                "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(current, newPassword));
    }

    private static String otp(String code) {
        return "{\"otp\":\"" + code + "\"}";
    }
}
