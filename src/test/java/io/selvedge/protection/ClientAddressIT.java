package io.selvedge.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.Trails;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's address is the peer's unless the peer is a trusted proxy: a forwarded header from anyone else
 * cannot buy a fresh sign-in count per guess, and the audit trail names the address the throttles counted.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
// Which address is believed: nothing more is proven on a second database.
@Tag("store-independent")
class ClientAddressIT {

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotEscapeTheThrottleOfItsAddress() throws Exception {
        try (TestServer server = TestServer.with()
                .property("selvedge.sign-in.free-failures-per-address", 3)
                .start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(wrongPassword(server, "user" + i, "203.0.113." + i).statusCode())
                        .isEqualTo(401);
            }

            HttpResponse<String> spoofed = wrongPassword(server, "user9", "203.0.113.9");

            assertThat(spoofed.statusCode()).isEqualTo(429);
            assertThat(lastFailedSignIn(server, 4).address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        }
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClientForTheThrottlesAndTheAuditTrail() throws Exception {
        try (TestServer server = TestServer.with()
                .property("selvedge.sign-in.free-failures-per-address", 3)
                .property("selvedge.protection.trusted-proxies", "127.0.0.1/32,::1/128")
                .start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(wrongPassword(server, "user" + i, "203.0.113." + i).statusCode())
                        .isEqualTo(401);
            }
            assertThat(wrongPassword(server, "user3", "203.0.113.3").statusCode())
                    .as("each client address has its own count")
                    .isEqualTo(401);
            assertThat(lastFailedSignIn(server, 4).address()).isEqualTo("203.0.113.3");

            for (int i = 0; i < 2; i++) {
                wrongPassword(server, "other" + i, "203.0.113.3");
            }
            assertThat(wrongPassword(server, "other9", "203.0.113.3").statusCode())
                    .isEqualTo(429);
            assertThat(wrongPassword(server, "other9", "198.51.100.1").statusCode())
                    .isEqualTo(401);
        }
    }

    private static HttpResponse<String> wrongPassword(TestServer server, String username, String forwardedFor) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"%s\",\"password\":\"not the password\",\"name\":\"guess\"}"
                                        .formatted(username)))
                        .build());
    }

    /** The newest failed sign-in on the platform trail, once the outbox has delivered {@code expected} of them. */
    private static AuditEntry lastFailedSignIn(TestServer server, int expected) throws InterruptedException {
        AuditTrail trail = server.bean(AuditTrail.class);
        AuditFilter failed = new AuditFilter(null, "sign-in.failed", null, null, null, null, null);
        List<AuditEntry> entries = Trails.awaitEntries(trail, null, failed, expected, Duration.ofSeconds(30));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(expected);
        return entries.stream().max(Comparator.comparingLong(AuditEntry::seq)).orElseThrow();
    }
}
