package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.SoftwarePasskey;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staff sign-in hardening on one server with {@code selvedge.staff.passkey-required}, a clock the tests move and
 * the loopback as a trusted proxy (so a request names its client in {@code X-Forwarded-For}): staff sign in with
 * a passkey only, their sessions end after 15 idle minutes and 8 hours, and a request from another address ends
 * them; customers keep their passwords, their longer sessions and their roaming.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class StaffSignInIT {

    static final String PASSWORD = "a passkey beats a phisher";

    static MovableClock clock;
    static TestServer server;

    Duration moved = Duration.ZERO;

    @BeforeAll
    static void startServer() {
        clock = new MovableClock();
        server = TestServer.with()
                .clock(clock)
                .property("selvedge.staff.passkey-required", "true")
                .property("selvedge.protection.trusted-proxies", "127.0.0.1/32,::1/128")
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Each test moves the clock from where it found it; the next one starts from real time again. */
    @AfterEach
    void clockBack() {
        clock.advance(moved.negated());
    }

    @Test
    void staffSignInWithAPasskeyOnlyWhileCustomersKeepTheirPasswords() {
        StaffMember staff = aStaffMemberWithAPasskey("SUPPORT");

        HttpClient browser = server.client();
        HttpResponse<String> password = WebPages.submitForm(
                browser, server.url("/signin"), Map.of("username", staff.username(), "password", PASSWORD));
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin?passkeyRequired"));
        assertThat(TestHttps.get(browser, server.url("/signin?passkeyRequired")).body())
                .contains("id=\"passkey-required\"", "Platform staff sign in with a passkey");
        assertSignedOut(page(browser, "/", null));

        HttpResponse<String> token = TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + staff.username()
                                + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"script\"}"))
                        .build());
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).contains("sign in with a passkey");

        HttpClient withPasskey = staff.signedIn();
        assertThat(page(withPasskey, "/", null).statusCode()).isEqualTo(200);
        assertThat(entries(
                        new AuditFilter(
                                null, "sign-in.failed", "account", staff.id().toString(), null, null, null),
                        2))
                .as("both refusals are on the platform trail")
                .hasSize(2);

        UUID customer = server.signingIn(UUID.randomUUID(), "customer-" + suffix(), PASSWORD, null);
        HttpClient customerBrowser = server.client();
        HttpResponse<String> home = WebPages.signIn(customerBrowser, server.url("/signin"), nameOf(customer), PASSWORD);
        assertThat(home.statusCode()).isEqualTo(200);
    }

    @Test
    void staffSessionsEndAfterFifteenIdleMinutesButCustomersDoNot() {
        StaffMember staff = aStaffMemberWithAPasskey("OPERATIONS");
        HttpClient idle = staff.signedIn();
        UUID customer = server.signingIn(UUID.randomUUID(), "customer-" + suffix(), PASSWORD, null);
        HttpClient customerBrowser = server.client();
        WebPages.signIn(customerBrowser, server.url("/signin"), nameOf(customer), PASSWORD);

        move(Duration.ofMinutes(14));
        assertThat(page(idle, "/account/mfa", null).statusCode()).isEqualTo(200);
        move(Duration.ofMinutes(15).plusSeconds(1));
        assertSignedOut(page(idle, "/account/mfa", null));
        assertThat(page(customerBrowser, "/account/mfa", null).statusCode())
                .as("a customer's session is not a staff session")
                .isEqualTo(200);
    }

    @Test
    void aBusyStaffSessionEndsEightHoursAfterSignIn() {
        StaffMember staff = aStaffMemberWithAPasskey("PLATFORM_ADMIN");
        HttpClient busy = staff.signedIn();
        for (int minutes = 0; minutes < 7 * 60 + 50; minutes += 14) {
            move(Duration.ofMinutes(14));
            assertThat(page(busy, "/account/mfa", null).statusCode()).isEqualTo(200);
        }
        move(Duration.ofMinutes(14));
        assertSignedOut(page(busy, "/account/mfa", null));
    }

    @Test
    void aStaffSessionUsedFromAnotherAddressEndsOnThePlatformTrailButACustomersRoams() {
        StaffMember staff = aStaffMemberWithAPasskey("SECURITY");
        HttpClient browser = staff.signedIn(); // from 127.0.0.1, the proxy itself
        assertThat(page(browser, "/account/mfa", null).statusCode()).isEqualTo(200);

        assertSignedOut(page(browser, "/account/mfa", "198.51.100.23"));
        assertSignedOut(page(browser, "/account/mfa", null));
        assertThat(entries(
                        new AuditFilter(
                                staff.id().toString(), "session.address-changed", "session", null, null, null, null),
                        1))
                .singleElement()
                .satisfies(entry -> assertThat(entry.address()).isEqualTo("198.51.100.23"));

        UUID customer = server.signingIn(UUID.randomUUID(), "customer-" + suffix(), PASSWORD, null);
        HttpClient roaming = server.client();
        WebPages.signIn(roaming, server.url("/signin"), nameOf(customer), PASSWORD);
        assertThat(page(roaming, "/account/mfa", "198.51.100.23").statusCode()).isEqualTo(200);
    }

    /**
     * A staff member who signed in with the password once, reached only the page where staff register a passkey,
     * and registered one there.
     */
    private StaffMember aStaffMemberWithAPasskey(String role) {
        String username = "staff-" + suffix();
        UUID id = server.signingIn(UUID.randomUUID(), username, PASSWORD, role);
        SoftwarePasskey passkey = new SoftwarePasskey(PasskeyConfiguration.originOf(
                server.bean(PlatformProperties.class).publicUrl()));
        HttpClient browser = server.client();
        HttpResponse<String> password =
                WebPages.submitForm(browser, server.url("/signin"), Map.of("username", username, "password", PASSWORD));
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/account/mfa"));
        assertThat(page(browser, "/", null).headers().firstValue("Location"))
                .as("a password reaches nothing but the passkey registration")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/account/mfa"));
        HttpResponse<String> enrol = TestHttps.get(browser, server.url("/account/mfa"));
        assertThat(enrol.body()).contains("id=\"staff-passkey-required\"");
        String csrf = WebPages.csrfTokenOf(enrol);
        HttpResponse<String> options = WebPages.postJson(browser, server.url("/webauthn/register/options"), "", csrf);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> registered = WebPages.postJson(
                browser, server.url("/webauthn/register"), passkey.register(options.body(), "key"), csrf);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        return new StaffMember(id, username, passkey);
    }

    private record StaffMember(UUID id, String username, SoftwarePasskey passkey) {

        /** A new browser signed in with the passkey alone. */
        HttpClient signedIn() {
            HttpClient browser = server.client();
            String csrf = WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/signin")));
            HttpResponse<String> options =
                    WebPages.postJson(browser, server.url("/webauthn/authenticate/options"), "", csrf);
            HttpResponse<String> signedIn =
                    WebPages.postJson(browser, server.url("/login/webauthn"), passkey.assertion(options.body()), csrf);
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            return browser;
        }
    }

    private void move(Duration by) {
        clock.advance(by);
        moved = moved.plus(by);
    }

    /** A page as a browser asks for it, from the proxy itself or from the client it names. */
    private static HttpResponse<String> page(HttpClient browser, String path, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).header("Accept", "text/html");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return TestHttps.send(browser, request.build());
    }

    private static void assertSignedOut(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin"));
    }

    private static List<AuditEntry> entries(AuditFilter filter, int atLeast) {
        AuditTrail trail = server.bean(AuditTrail.class);
        Instant giveUp = Instant.now().plusSeconds(30);
        List<AuditEntry> found =
                trail.find(null, filter, AuditTrail.LONGEST_PAGE, null).entries();
        while (found.size() < atLeast && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = trail.find(null, filter, AuditTrail.LONGEST_PAGE, null).entries();
        }
        return found;
    }

    private static String nameOf(UUID customer) {
        return server.bean(Accounts.class).findById(customer).orElseThrow().username();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
