package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Failed sign-ins slow the next attempts down, for an account and for an address; nobody is locked out. */
@ExtendWith(TestDatabase.AvailableCondition.class)
class SignInThrottlingIT {

    static final String PASSWORD = "selvage is spelt otherwise";

    final MovableClock clock = new MovableClock();

    @Test
    void pastFiveFailuresEachAttemptWaitsTwiceAsLongAndASuccessStartsAfresh() {
        try (TestServer server = serverWithAda().start()) {
            for (int i = 0; i < 5; i++) {
                assertWrongPassword(signIn(server, "ada", "wrong password " + i));
            }

            HttpResponse<String> throttled = signIn(server, "ada", PASSWORD);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(throttled.body()).contains("Too many sign-ins failed. Wait <span>1 second</span>");

            clock.advance(Duration.ofSeconds(1));
            assertWrongPassword(signIn(server, "ada", "wrong again"));
            assertThat(signIn(server, "ada", PASSWORD).headers().firstValue("Retry-After"))
                    .hasValue("2");
            clock.advance(Duration.ofSeconds(2));
            assertWrongPassword(signIn(server, "ada", "and wrong again"));

            Api api = new Api(server.client(), server::url);
            HttpResponse<String> apiThrottled = api.createToken("ada", PASSWORD);
            assertThat(apiThrottled.statusCode()).isEqualTo(429);
            assertThat(apiThrottled.headers().firstValue("Retry-After")).hasValue("4");
            assertThat(apiThrottled.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(apiThrottled.body()).contains("Try again in 4 seconds");

            clock.advance(Duration.ofSeconds(4));
            HttpResponse<String> signedIn = signIn(server, "ada", PASSWORD);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
            assertWrongPassword(signIn(server, "ada", "a fresh count"));
        }
    }

    @Test
    void anUnknownUsernameIsThrottledExactlyLikeAKnownOne() {
        try (TestServer server = serverWithAda().start()) {
            for (int i = 0; i < 5; i++) {
                assertWrongPassword(signIn(server, "ada", "wrong " + i));
                assertWrongPassword(signIn(server, "nobody", "wrong " + i));
            }
            HttpResponse<String> known = signIn(server, "ada", "wrong");
            HttpResponse<String> unknown = signIn(server, "nobody", "wrong");

            assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(429);
            assertThat(known.headers().firstValue("Retry-After"))
                    .isEqualTo(unknown.headers().firstValue("Retry-After"));
        }
    }

    @Test
    void theUsernameAndTheEmailAddressOfAnAccountShareOneCount() {
        try (TestServer server = serverWithAda()
                .property("selvedge.bootstrap.admin.email", "ada@example.test")
                .start()) {
            for (int i = 0; i < 5; i++) {
                assertWrongPassword(signIn(server, i % 2 == 0 ? "ada" : "ADA@example.test", "wrong " + i));
            }

            assertThat(signIn(server, "ada", PASSWORD).statusCode()).isEqualTo(429);
            HttpResponse<String> byAddress =
                    new Api(server.client(), server::url).createToken("ada@example.test", PASSWORD);
            assertThat(byAddress.statusCode()).isEqualTo(429);
            assertThat(byAddress.headers().firstValue("Retry-After")).hasValue("1");

            clock.advance(Duration.ofSeconds(1));
            HttpResponse<String> signedIn = signIn(server, "ada@example.test", PASSWORD);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownToo() {
        try (TestServer server = serverWithAda()
                .property("selvedge.sign-in.free-failures-per-address", 8)
                .start()) {
            for (int i = 0; i < 8; i++) {
                assertWrongPassword(signIn(server, "user" + i, "guess"));
            }

            HttpResponse<String> throttled = signIn(server, "ada", PASSWORD);
            assertThat(throttled.statusCode()).isEqualTo(429);

            clock.advance(Duration.ofSeconds(1));
            assertThat(signIn(server, "ada", PASSWORD).statusCode()).isEqualTo(302);
        }
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        try (TestServer server = serverWithAda().start()) {
            Api api = new Api(server.client(), server::url);
            for (int i = 0; i < 16; i++) {
                assertThat(api.createToken("ada", "wrong").statusCode()).isEqualTo(401);
                clock.advance(Duration.ofMinutes(15));
            }
            assertThat(api.createToken("ada", "wrong").statusCode()).isEqualTo(401);
            assertThat(api.createToken("ada", PASSWORD).headers().firstValue("Retry-After"))
                    .hasValue("900");

            clock.advance(Duration.ofMinutes(15));
            assertThat(api.createToken("ada", PASSWORD).statusCode()).isEqualTo(201);
        }
    }

    private TestServer.Settings serverWithAda() {
        return TestServer.with()
                .clock(clock)
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD);
    }

    private static HttpResponse<String> signIn(TestServer server, String username, String password) {
        return WebPages.submitForm(
                server.client(), server.url("/signin"), Map.of("username", username, "password", password));
    }

    private static void assertWrongPassword(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin?error"));
    }
}
