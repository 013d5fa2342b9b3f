package io.selvedge.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Past a limit the answer is 429 with Retry-After and the RateLimit headers, a problem document on the API
 * and a page in the browser; each client address has its own buckets per route class, each API token its own.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class RateLimitsIT {

    static final String PASSWORD = "selvage is spelt otherwise";
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void signInsPastTheLimitOfAnAddressAndCallsPastTheLimitOfATokenAnswer429() throws Exception {
        // A clock held still: on a busy machine a sign-in can take seconds, and real time would refill the buckets.
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.with()
                .clock(clock)
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD)
                .property("selvedge.protection.trusted-proxies", "127.0.0.1/32,::1/128")
                .property("selvedge.protection.rate-limits.sign-in", "4/1m")
                .property("selvedge.protection.rate-limits.per-token", "3/1h")
                .property("selvedge.protection.rate-limits.search-per-caller", "2/1h")
                .start()) {
            HttpResponse<String> created = signIn(server, PASSWORD, "198.51.100.7");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("RateLimit-Policy")).hasValue("\"sign-in\";q=4;w=60");
            assertThat(created.headers().firstValue("RateLimit")).hasValue("\"sign-in\";r=3");
            for (int i = 0; i < 3; i++) {
                assertThat(signIn(server, "wrong", "198.51.100.7").statusCode()).isEqualTo(401);
            }

            HttpResponse<String> limited = signIn(server, PASSWORD, "198.51.100.7");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            // A token comes back every 15 s (4 a minute): the wait is what is left of that.
            long retryAfter =
                    Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 15L);
            assertThat(limited.headers().firstValue("RateLimit")).hasValue("\"sign-in\";r=0;t=" + retryAfter);
            assertThat(limited.body()).contains("\"status\":429").contains("Try again in " + retryAfter);
            assertThat(signIn(server, "wrong", "203.0.113.8").statusCode())
                    .as("another client address has a bucket of its own")
                    .isEqualTo(401);

            HttpResponse<String> page = TestHttps.send(
                    server.client(),
                    HttpRequest.newBuilder(server.url("/signin"))
                            .header("Accept", "text/html")
                            .header("X-Forwarded-For", "198.51.100.7")
                            .GET()
                            .build());
            assertThat(page.statusCode()).isEqualTo(429);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("Too many requests");

            Matcher token = TOKEN.matcher(created.body());
            assertThat(token.find()).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThat(me(server, token.group(1)).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> tokenLimited = me(server, token.group(1));
            assertThat(tokenLimited.statusCode()).isEqualTo(429);
            assertThat(tokenLimited.headers().firstValue("RateLimit-Policy")).hasValue("\"token\";q=3;w=3600");

            // Searches count per token too, whatever the address: spreading them over addresses gains nothing.
            String second = TestMfa.enrol(server.client(), server::url, clock, "ada", PASSWORD)
                    .token();
            assertThat(search(server, second, "192.0.2.1").statusCode()).isEqualTo(404); // staff see no content
            assertThat(search(server, second, "192.0.2.2").statusCode()).isEqualTo(404);
            HttpResponse<String> searchLimited = search(server, second, "192.0.2.3");
            assertThat(searchLimited.statusCode()).as(searchLimited.body()).isEqualTo(429);
            assertThat(searchLimited.headers().firstValue("RateLimit-Policy"))
                    .hasValue("\"search-per-caller\";q=2;w=3600");

            MeterRegistry meters = server.bean(MeterRegistry.class);
            assertThat(meters.counter("selvedge.rate.limited", "limit", "sign-in")
                            .count())
                    .isEqualTo(2.0);
            assertThat(meters.counter("selvedge.rate.limited", "limit", "token").count())
                    .isEqualTo(1.0);
        }
    }

    private static HttpResponse<String> signIn(TestServer server, String password, String clientAddress) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", clientAddress)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"ada\",\"password\":\"%s\",\"name\":\"laptop\"}".formatted(password)))
                        .build());
    }

    private static HttpResponse<String> search(TestServer server, String token, String clientAddress) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/search?q=indigo"))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-For", clientAddress)
                        .GET()
                        .build());
    }

    private static HttpResponse<String> me(TestServer server, String token) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/me"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build());
    }
}
