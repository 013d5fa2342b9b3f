package io.selvedge.identity;

import static io.selvedge.identity.FirstSignInIT.PASSWORD;
import static io.selvedge.identity.FirstSignInIT.assertProblem;
import static io.selvedge.identity.FirstSignInIT.createAdmin;
import static io.selvedge.identity.FirstSignInIT.setupLinkOf;
import static io.selvedge.identity.FirstSignInIT.setupTokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A setup link works for an hour; after that, neither the page nor the API accepts it. */
@ExtendWith(TestDatabase.AvailableCondition.class)
class SetupLinkExpiryIT {

    @Test
    void aLinkOlderThanAnHourIsRefused() {
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.with().clock(clock).start()) {
            HttpClient browser = server.client();
            clock.advance(Duration.ofMinutes(59));
            assertThat(TestHttps.get(browser, setupLinkOf(server)).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(1).plusSeconds(1));

            assertThat(TestHttps.get(browser, setupLinkOf(server)).statusCode()).isEqualTo(404);
            assertProblem(createAdmin(browser, server, setupTokenOf(server), "grace", PASSWORD), 404);
        }
    }
}
