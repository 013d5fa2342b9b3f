package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A web session ends after its idle timeout, and after its absolute timeout however busy it is. */
@ExtendWith(TestDatabase.AvailableCondition.class)
class SessionTimeoutsIT {

    static final String PASSWORD = "twelve ounce loomstate";

    @Test
    void aBusySessionEndsTwelveHoursAfterSignIn() {
        MovableClock clock = new MovableClock();
        try (TestServer server = withAda().clock(clock).start()) {
            HttpClient browser = server.client();
            WebPages.signIn(browser, server.url("/signin"), "ada", PASSWORD);

            clock.advance(Duration.ofHours(11).plusMinutes(59));
            assertThat(TestHttps.get(browser, server.url("/account/mfa")).statusCode())
                    .isEqualTo(200);

            clock.advance(Duration.ofMinutes(2)); // the clock started a few seconds before the sign-in
            assertSignedOut(WebSessionsIT.asBrowser(browser, server.url("/account/mfa")));
        }
    }

    @Test
    void anIdleSessionEndsAfterTheIdleTimeout() throws InterruptedException {
        try (TestServer server =
                withAda().property("selvedge.sessions.idle-timeout", "2s").start()) {
            HttpClient browser = server.client();
            WebPages.signIn(browser, server.url("/signin"), "ada", PASSWORD);
            assertThat(TestHttps.get(browser, server.url("/account/mfa")).statusCode())
                    .isEqualTo(200);

            Thread.sleep(3000);

            assertSignedOut(WebSessionsIT.asBrowser(browser, server.url("/account/mfa")));
        }
    }

    /**
     * Ada, the installation's first admin, is staff: her own shorter limits (StaffSignInIT tests them) are set
     * past the installation's here, so that these tests measure the limits every session has.
     */
    private static TestServer.Settings withAda() {
        return TestServer.with()
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD)
                .property("selvedge.staff.idle-timeout", "24h")
                .property("selvedge.staff.absolute-timeout", "24h");
    }

    private static void assertSignedOut(HttpResponse<String> home) {
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin"));
    }
}
