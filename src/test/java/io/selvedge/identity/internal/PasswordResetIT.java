package io.selvedge.identity.internal;

import static io.selvedge.identity.internal.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.PasswordResets;
import io.selvedge.storage.Stores;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by e-mail: the same 202 whether or not an account matches, a single-use link valid for an
 * hour, every web session ended, the owner told (with the API tokens that stay), older links dead, and
 * requests throttled per account and address.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class PasswordResetIT {

    static final String PASSWORD = "a bolt of waxed cotton canvas";
    static final String NEW_PASSWORD = "four new words for a coat";

    static final MovableClock clock = new MovableClock();
    static TestServer server;
    static Api api;
    static Mailbox mailbox;

    String username;
    String email;

    @BeforeAll
    static void aServer() {
        server = TestServer.with()
                .clock(clock)
                .property("selvedge.sign-in.free-failures-per-address", 10_000)
                // Every test of the class calls from one address: the per-address rate limits are not under test.
                .property("selvedge.protection.rate-limits.enabled", false)
                .property(Mailbox.FAST_DELIVERY, "100ms")
                .start();
        api = new Api(server.client(), server::url);
        mailbox = Mailbox.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void aCustomer() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        username = "cleo-" + id;
        email = "cleo." + id + "@example.test";
        server.bean(AccountRegistration.class).register(username, PASSWORD, "Cleo", email);
    }

    @Test
    void aLinkSetsANewPasswordOnceEndsEveryWebSessionAndTellsTheOwnerWhichTokensStay() {
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
        assertThat(WebSessionsIT.asBrowser(browser, server.url("/")).statusCode())
                .isEqualTo(200);
        String apiToken = api.tokenFor(username, PASSWORD, "");

        HttpResponse<String> asked = askForReset(email.toUpperCase());
        assertThat(asked.statusCode()).isEqualTo(202);
        Mailbox.Mail mail = mailbox.awaitLast(email, "Reset your Selvedge password", 1);
        String secret = mail.secretOf("/reset-password/");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43); // 256 bits in Base64url

        HttpResponse<String> weak = reset(secret, "short");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Use at least 15 characters");
        assertThat(reset(secret, NEW_PASSWORD).statusCode()).isEqualTo(204);

        HttpResponse<String> home = WebSessionsIT.asBrowser(browser, server.url("/"));
        assertThat(home.statusCode()).as("the web session was ended").isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin"));
        assertThat(api.createToken(username, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api.createToken(username, NEW_PASSWORD).statusCode()).isEqualTo(201);
        assertThat(api.call("GET", "/api/v1/me", bearer(apiToken)).statusCode())
                .as("API tokens stay")
                .isEqualTo(200);

        HttpResponse<String> again = reset(secret, "yet another password of mine");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("a link works once, for an hour");

        Mailbox.Mail notice = mailbox.awaitLast(email, "Your Selvedge password was reset", 1);
        assertThat(notice.text())
                .contains(username, "signed out", "API tokens still work", "revoke them: ci.")
                .doesNotContain(NEW_PASSWORD, secret, apiToken);
        assertThat(notice.html()).contains("API tokens still work");
    }

    @Test
    void theRequestCommitsTheMailingItOwesSoACrashAfterTheAnswerLosesNoMail() {
        JdbcClient global = JdbcClient.create(server.bean(Stores.class).global().dataSource());
        TransactionTemplate transaction = new TransactionTemplate(server.bean(PlatformTransactionManager.class));
        awaitNoOwedMailings(global); // what earlier tests asked for is done
        transaction.executeWithoutResult(status -> {
            server.bean(PasswordResets.class).request(email, "192.0.2.7");
            // Before the commit, the mailing to do is already written in the request's own transaction.
            assertThat(owedMailings(global)).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(owedMailings(global)).as("rolled back with the request").isZero();

        assertThat(askForReset(email).statusCode()).isEqualTo(202);
        Mailbox.Mail mail = mailbox.awaitLast(email, "Reset your Selvedge password", 1);
        String secret = mail.secretOf("/reset-password/");
        assertThat(TestHttps.get(server.client(), server.url("/reset-password/" + secret))
                        .statusCode())
                .isEqualTo(200);
        awaitNoOwedMailings(global);
        assertThat(owedMailings(global))
                .as("the mailing is done once its mail is in the outbox")
                .isZero();
    }

    private static void awaitNoOwedMailings(JdbcClient global) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (owedMailings(global) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Mailings of reset links the event publication registry holds as still to be done. */
    private static long owedMailings(JdbcClient global) {
        return global.sql("select count(*) from event_publication where listener_id = ? and completion_date is null")
                .param(PasswordResetMailer.LISTENER_ID)
                .query(Long.class)
                .single();
    }

    @Test
    void anUnknownNameOrAddressGetsTheSameAnswerAndNoMail() {
        String nobody = "nobody." + UUID.randomUUID() + "@example.test";

        HttpResponse<String> unknown = askForReset(nobody);
        HttpResponse<String> unknownName = askForReset("nobody-at-all");
        HttpResponse<String> known = askForReset(username);

        assertThat(unknown.statusCode())
                .isEqualTo(unknownName.statusCode())
                .isEqualTo(known.statusCode())
                .isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(unknownName.body()).isEqualTo(known.body());
        // The known account's mail went out after the others would have: nothing came for the unknown ones.
        mailbox.awaitMail(email, "Reset your Selvedge password", 1);
        assertThat(mailbox.to(nobody)).isEmpty();
    }

    @Test
    void aNewerLinkKillsTheOlderAndALinkDiesAfterAnHour() {
        askForReset(username);
        Mailbox.Mail first = mailbox.awaitLast(email, "Reset your Selvedge password", 1);
        askForReset(email);
        Mailbox.Mail second = mailbox.awaitMail(email, "Reset your Selvedge password", 2).stream()
                .filter(mail -> !mail.file().equals(first.file()))
                .findFirst()
                .orElseThrow();

        URI olderPage = server.url("/reset-password/" + first.secretOf("/reset-password/"));
        URI newerPage = server.url("/reset-password/" + second.secretOf("/reset-password/"));
        assertThat(TestHttps.get(server.client(), olderPage).statusCode()).isEqualTo(410);
        assertThat(TestHttps.get(server.client(), newerPage).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(61));

        HttpResponse<String> expired = TestHttps.get(server.client(), newerPage);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link is no longer valid", "/forgot-password");
        assertThat(reset(second.secretOf("/reset-password/"), NEW_PASSWORD).statusCode())
                .isEqualTo(410);
    }

    @Test
    void requestsAreThrottledPerAccountAlikeForKnownAndUnknownNames() {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(askForReset(i % 2 == 0 ? username : email).statusCode()).isEqualTo(202);
            assertThat(askForReset(nobody).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> known = askForReset(username);
        HttpResponse<String> unknown = askForReset(nobody);

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(429);
        assertThat(known.headers().firstValue("Retry-After"))
                .hasValue("1")
                .isEqualTo(unknown.headers().firstValue("Retry-After"));
        assertThat(known.body()).contains("Too many reset requests");
        clock.advance(Duration.ofSeconds(1));
        assertThat(askForReset(username).statusCode()).isEqualTo(202);
    }

    @Test
    void thePagesResetAPasswordWithoutAnyScript() {
        HttpClient browser = server.client();
        HttpResponse<String> sent =
                WebPages.submitForm(browser, server.url("/forgot-password"), Map.of("usernameOrEmail", email));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your e-mail");

        String secret =
                mailbox.awaitLast(email, "Reset your Selvedge password", 1).secretOf("/reset-password/");
        URI page = server.url("/reset-password/" + secret);
        HttpResponse<String> form = TestHttps.get(browser, page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("<label for=\"password\">", "autocomplete=\"new-password\"", "name=\"_csrf\"")
                .doesNotContain("<script");

        HttpResponse<String> differ = WebPages.submitForm(
                browser, page, Map.of("password", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD + "!"));
        assertThat(differ.statusCode()).isEqualTo(200);
        assertThat(differ.body()).contains("The two passwords differ.");

        HttpResponse<String> done =
                WebPages.submitForm(browser, page, Map.of("password", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin?passwordReset"));
        assertThat(WebPages.signIn(server.client(), server.url("/signin"), email, NEW_PASSWORD)
                        .body())
                .contains("Signed in as <strong>" + username + "</strong>");
    }

    @Test
    void theForgotPasswordPageIsThrottledWithA429() {
        for (int i = 0; i < 5; i++) {
            askForReset(username);
        }
        HttpResponse<String> throttled = WebPages.submitForm(
                server.client(), server.url("/forgot-password"), Map.of("usernameOrEmail", username));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(throttled.body()).contains("Too many reset requests. Wait <span>1 second</span>");
    }

    private static HttpResponse<String> askForReset(String usernameOrEmail) {
        return api.send(
                "POST", "/api/v1/auth/password-reset", null, "{\"usernameOrEmail\":\"%s\"}".formatted(usernameOrEmail));
    }

    private static HttpResponse<String> reset(String secret, String password) {
        return api.send(
                "POST", "/api/v1/auth/password-reset/" + secret, null, "{\"password\":\"%s\"}".formatted(password));
    }
}
