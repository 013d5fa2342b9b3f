package io.selvedge.identity.internal;

import static io.selvedge.identity.internal.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.PasswordRejectedException;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An account's e-mail address and display name: registered through the public API, unique whatever the
 * case, a way to sign in, shown at {@code /me}; a new address takes effect only through the link mailed to
 * it, and the old address is told. The bootstrap admin may have an address too.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class AccountEmailIT {

    static final String PASSWORD = "a yard of raw selvage denim";
    static final String ADMIN_EMAIL = "ada@admins.example.test";

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
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD)
                .property("selvedge.bootstrap.admin.email", " Ada@Admins.Example.TEST ")
                .property("selvedge.sign-in.free-failures-per-address", 10_000)
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
        username = "bea-" + id;
        email = "bea." + id + "@example.test";
        server.bean(AccountRegistration.class)
                .register(username, PASSWORD, "  Béa Dupont ", "  " + email.toUpperCase() + " ");
    }

    @Test
    void anAccountSignsInWithItsUsernameOrItsAddressInAnyCase() {
        assertThat(api.createToken(email.toUpperCase(), PASSWORD).statusCode()).isEqualTo(201);
        assertThat(api.createToken(username, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(api.createToken(email, "a wrong password entirely").statusCode())
                .isEqualTo(401);

        HttpResponse<String> home =
                WebPages.signIn(server.client(), server.url("/signin"), " " + email.toUpperCase(), PASSWORD);
        assertThat(home.body()).contains("Signed in as <strong>" + username + "</strong>");
    }

    @Test
    void meShowsTheAddressAndTheDisplayNameWhichPatchChanges() {
        String token = api.tokenFor(username, PASSWORD, "");

        HttpResponse<String> me = api.call("GET", "/api/v1/me", bearer(token));
        assertThat(me.body()).contains("\"email\":\"" + email + "\"", "\"displayName\":\"Béa Dupont\"");

        HttpResponse<String> renamed =
                api.send("PATCH", "/api/v1/me", bearer(token), "{\"displayName\":\" Béatrice D. \"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.body()).contains("\"displayName\":\"Béatrice D.\"");
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).body()).contains("\"displayName\":\"Béatrice D.\"");

        HttpResponse<String> tooLong =
                api.send("PATCH", "/api/v1/me", bearer(token), "{\"displayName\":\"" + "x".repeat(101) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 100 characters");
    }

    @Test
    void registrationRefusesATakenUsernameOrAddressAndABadOne() {
        AccountRegistration registration = server.bean(AccountRegistration.class);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> registration.register(other, PASSWORD, null, email.toUpperCase()))
                .isInstanceOf(AccountExistsException.class)
                .hasMessageContaining("e-mail address exists already");
        assertThatThrownBy(() -> registration.register(username, PASSWORD, null, null))
                .isInstanceOf(AccountExistsException.class)
                .hasMessageContaining("username is taken");
        assertThatThrownBy(() -> registration.register(other, PASSWORD, null, "not an address"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an e-mail address");
        assertThatThrownBy(() -> registration.register(other, "too short", null, null))
                .isInstanceOf(PasswordRejectedException.class);

        UUID created = registration.register(other, PASSWORD, null, other + "@example.test");
        AccountDirectory directory = server.bean(AccountDirectory.class);
        assertThat(directory.accountWithEmail(" " + other.toUpperCase() + "@EXAMPLE.test"))
                .map(AccountSummary::id)
                .hasValue(created);
        assertThat(directory.accountWithEmail("nobody@example.test")).isEmpty();
        assertThat(directory.accountSummaries(List.of(created, UUID.randomUUID())))
                .containsOnlyKeys(created)
                .extractingByKey(created)
                .satisfies(summary -> {
                    assertThat(summary.username()).isEqualTo(other);
                    assertThat(summary.email()).isEqualTo(other + "@example.test");
                    assertThat(summary.staffRole()).isNull();
                });
    }

    @Test
    void aNewAddressCountsOnlyOnceTheLinkMailedToItIsFollowedAndTheOldAddressIsTold() {
        String token = api.tokenFor(username, PASSWORD, "");
        String newEmail = "new." + email;

        assertThat(changeEmail(token, newEmail, "the wrong password").statusCode())
                .isEqualTo(403);
        HttpResponse<String> asked = changeEmail(token, " " + newEmail.toUpperCase(), PASSWORD);
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(asked.body()).contains("\"pendingEmail\":\"" + newEmail + "\"");
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).body()).contains("\"email\":\"" + email + "\"");

        Mailbox.Mail confirmation = mailbox.awaitLast(newEmail, "Confirm your new e-mail address", 1);
        URI link = URI.create(confirmation.link("/confirm-email/"));
        assertThat(link.getPath()).startsWith("/confirm-email/");
        assertThat(confirmation.html()).contains("href=\"" + confirmation.link("/confirm-email/") + "\"");
        URI onServer = server.url(link.getPath());
        HttpResponse<String> page = TestHttps.get(server.client(), onServer);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).body())
                .as("opening the link changes nothing: mail scanners open links")
                .contains("\"email\":\"" + email + "\"");

        HttpResponse<String> confirmed = WebPages.submitForm(server.client(), onServer, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your e-mail address is changed");
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).body()).contains("\"email\":\"" + newEmail + "\"");
        assertThat(api.createToken(newEmail, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(api.createToken(email, PASSWORD).statusCode()).isEqualTo(401);

        Mailbox.Mail told = mailbox.awaitLast(email, "e-mail address was changed", 1);
        assertThat(told.text()).contains(username, "n…@example.test").doesNotContain(newEmail);

        HttpResponse<String> again = TestHttps.get(server.client(), onServer);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("a link works once, for an hour");
    }

    @Test
    void aConfirmationLinkDiesAfterAnHour() {
        String token = api.tokenFor(username, PASSWORD, "");
        String newEmail = "later." + email;
        assertThat(changeEmail(token, newEmail, PASSWORD).statusCode()).isEqualTo(202);
        URI link =
                server.url(URI.create(mailbox.awaitLast(newEmail, "Confirm", 1).link("/confirm-email/"))
                        .getPath());

        clock.advance(Duration.ofMinutes(61));

        assertThat(TestHttps.get(server.client(), link).statusCode()).isEqualTo(410);
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).body()).contains("\"email\":\"" + email + "\"");
    }

    @Test
    void theAddressOfAnotherAccountIsNotTakenAndItsOwnerIsTold() {
        String token = api.tokenFor(username, PASSWORD, "");

        HttpResponse<String> asked = changeEmail(token, ADMIN_EMAIL, PASSWORD);

        assertThat(asked.statusCode()).as("the answer does not tell").isEqualTo(202);
        Mailbox.Mail notice = mailbox.awaitLast(ADMIN_EMAIL, "Your e-mail address and Selvedge", 1);
        assertThat(notice.text()).contains("nothing changed").doesNotContain("/confirm-email/");
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).body()).contains("\"email\":\"" + email + "\"");
    }

    @Test
    void theBootstrapAdminHasTheConfiguredAddress() {
        String token = api.tokenFor(ADMIN_EMAIL, PASSWORD, "");
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).body())
                .contains("\"username\":\"ada\"", "\"email\":\"" + ADMIN_EMAIL + "\"");
    }

    private static HttpResponse<String> changeEmail(String token, String newEmail, String password) {
        return api.send(
                "PUT",
                "/api/v1/me/email",
                bearer(token),
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(newEmail, password));
    }
}
