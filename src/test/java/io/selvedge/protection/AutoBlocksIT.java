package io.selvedge.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.content.ContentClient;
import io.selvedge.platform.AuditActor;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestRedis;
import io.selvedge.testing.TestServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that keeps hitting limits, probes for ids or fails sign-in across many accounts is refused for a
 * while (429, a problem document with Retry-After), each time longer; the blocks are seen by every node sharing
 * Redis, and other clients are untouched.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class AutoBlocksIT {

    static final String PASSWORD = "selvage is spelt otherwise";

    @Test
    void aClientThatKeepsHittingALimitIsBlockedLongerEachTime() {
        MovableClock clock = new MovableClock();
        try (TestServer server = behindAProxy()
                .clock(clock)
                .property("selvedge.protection.rate-limits.sign-in", "2/1m")
                .property("selvedge.protection.blocks.limited-answers", "1/1h")
                .start()) {
            String attacker = "198.51.100.7";
            for (long expected : new long[] {60, 600, 3600}) {
                assertThat(signInPage(server, attacker).statusCode()).isEqualTo(200);
                assertThat(signInPage(server, attacker).statusCode()).isEqualTo(200);
                // Past the limit: 429s, the one the limited-answers allowance does not cover making the block.
                HttpResponse<String> answer = signInPage(server, attacker);
                for (int i = 0; i < 3 && !answer.body().contains("blocked after repeated abuse"); i++) {
                    assertThat(answer.statusCode()).isEqualTo(429);
                    assertThat(answer.body()).contains("Too many requests. Try again");
                    answer = signInPage(server, attacker);
                }
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.body()).contains("blocked after repeated abuse");

                HttpResponse<String> blocked = me(server, attacker);

                assertThat(blocked.statusCode()).isEqualTo(429);
                assertThat(blocked.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(blocked.body()).contains("blocked after repeated abuse");
                assertThat(blocked.headers().firstValue("Retry-After")).hasValue(Long.toString(expected));
                assertThat(blocked.headers().firstValue("X-Request-Id"))
                        .as("refused in Tomcat, before every filter")
                        .isEmpty();
                assertThat(signInPage(server, "203.0.113.8").statusCode())
                        .as("another address is not blocked")
                        .isEqualTo(200);
                clock.advance(Duration.ofSeconds(expected + 1));
            }
            assertThat(server.bean(Blocks.class).list()).isEmpty();
            MeterRegistry meters = server.bean(MeterRegistry.class);
            assertThat(meters.counter("selvedge.blocks.added", "kind", "address", "trigger", "rate-limits")
                            .count())
                    .isEqualTo(3);
            assertThat(meters.counter("selvedge.blocks.refused", "kind", "address")
                            .count())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void probingForIdsBlocksTheAddressAndTheToken() {
        try (TestServer server = TestServer.with()
                .property("selvedge.protection.blocks.not-found", "5/1h")
                .start()) {
            ContentClient designer = ContentClient.aCustomerWithAStyle(server, "eu");
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> probe = designer.send(designer.request("/api/v1/versions/" + UUID.randomUUID())
                        .GET()
                        .build());
                assertThat(probe.statusCode()).isEqualTo(404);
            }

            assertThat(designer.send(designer.request("/api/v1/me").GET().build())
                            .statusCode())
                    .as("the address (127.0.0.1) is blocked")
                    .isEqualTo(429);
            assertThat(TestHttps.getFrom(
                            "127.0.0.2", server.dataDir(), server.port(), "/api/v1/me", "Bearer " + designer.token()))
                    .as("the token is blocked from another address too")
                    .isEqualTo(429);
            assertThat(TestHttps.getFrom("127.0.0.3", server.dataDir(), server.port(), "/api/v1/me", "Bearer none"))
                    .as("another address without the token is not: it is only unknown")
                    .isEqualTo(401);
            assertThat(server.bean(Blocks.class).list())
                    .extracting(Block::kind, Block::reason)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Block.Kind.ADDRESS, "not-found"),
                            org.assertj.core.groups.Tuple.tuple(Block.Kind.TOKEN, "not-found"));
        }
    }

    @Test
    void failingSignInForManyAccountsBlocksTheAddressButRetryingOneAccountDoesNot() throws Exception {
        try (TestServer server = behindAProxy()
                .property("selvedge.protection.blocks.sign-in-accounts", "3/10m")
                .start()) {
            for (int i = 0; i < 4; i++) {
                assertThat(wrongPassword(server, "ada", "198.51.100.10").statusCode())
                        .isEqualTo(401);
            }
            assertThat(signInPage(server, "198.51.100.10").statusCode()).isEqualTo(200);

            for (String username : new String[] {"ada", "grace", "linus", "barbara"}) {
                assertThat(wrongPassword(server, username, "198.51.100.11").statusCode())
                        .isEqualTo(401);
            }

            HttpResponse<String> blocked = signInPage(server, "198.51.100.11");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.body()).contains("blocked after repeated abuse");
            assertThat(server.bean(Blocks.class).find("address:198.51.100.11"))
                    .hasValueSatisfying(block -> assertThat(block.reason()).isEqualTo("sign-in-accounts"));
            assertThat(platformTrail(server, "block.added", "address:198.51.100.11"))
                    .as("on the platform trail, by the system")
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.actorKind()).isEqualTo(AuditActor.Kind.SYSTEM));
        }
    }

    @Test
    @ExtendWith(TestRedis.AvailableCondition.class)
    void twoNodesSharingRedisRefuseTheSameClientsAndLiftTogether() throws Exception {
        try (TestServer first = behindAProxy()
                        .property("selvedge.protection.redis-url", TestRedis.URL)
                        .property("selvedge.protection.rate-limits.sign-in", "2/1m")
                        .property("selvedge.protection.blocks.limited-answers", "1/1h")
                        .start();
                TestServer second =
                        TestServer.Settings.sameInstallationAs(first).start()) {
            // Addresses of this run only: Redis outlives test runs.
            String byStaff = anIpv6Address();
            String automatic = anIpv6Address();

            Block block = first.bean(Blocks.class)
                    .blockAddress(byStaff, Duration.ofMinutes(10), "seen scraping", UUID.randomUUID());
            assertThat(eventually(() -> signInPage(second, byStaff).statusCode(), 429))
                    .isEqualTo(429);

            for (int i = 0; i < 4; i++) {
                signInPage(second, automatic);
            }
            assertThat(signInPage(first, automatic).body()).contains("blocked after repeated abuse");
            assertThat(first.bean(Blocks.class).list())
                    .extracting(Block::subject)
                    .contains(byStaff, automatic);

            assertThat(second.bean(Blocks.class).lift(block.id(), UUID.randomUUID()))
                    .isTrue();
            assertThat(eventually(() -> signInPage(first, byStaff).statusCode(), 200))
                    .isEqualTo(200);
            assertThat(first.bean(Blocks.class).lift(block.id(), UUID.randomUUID()))
                    .as("lifted once")
                    .isFalse();
        }
    }

    @Test
    @Tag("store-independent") // the tarpit is Tomcat's and the valve's: no store takes part in a refusal
    void aBlockedClientWaitsInTheTarpitWithoutHoldingAThread() throws Exception {
        try (TestServer server = behindAProxy()
                .property("selvedge.protection.blocks.tarpit", "3s")
                .property("server.tomcat.threads.max", 4)
                .start()) {
            String blocked = "198.51.100.99";
            server.bean(Blocks.class).blockAddress(blocked, Duration.ofMinutes(10), "flooding", UUID.randomUUID());
            Counter refused = server.bean(MeterRegistry.class).counter("selvedge.blocks.refused", "kind", "address");
            assertThat(signInPage(server, "203.0.113.9").statusCode()).isEqualTo(200);

            long asked = System.nanoTime();
            HttpResponse<String> first = me(server, blocked);

            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(Duration.ofNanos(System.nanoTime() - asked))
                    .as("held back for the tarpit's time")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));

            List<CompletableFuture<HttpResponse<String>>> waiting =
                    manyWaitingAtOnce(server, meRequest(server, blocked), refused, "203.0.113.9");
            for (CompletableFuture<HttpResponse<String>> refusal : waiting) {
                HttpResponse<String> answer = refusal.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.body()).contains("blocked after repeated abuse");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
    }

    @Test
    void aThrottledSignInIsALimitHitLikeARateLimit() {
        try (TestServer server = behindAProxy()
                .property("selvedge.protection.blocks.limited-answers", "2/1h")
                .start()) {
            String guesser = "198.51.100.31";
            int throttled = 0;
            HttpResponse<String> answer = wrongPassword(server, "ada", guesser);
            for (int i = 0; i < 12 && !answer.body().contains("blocked after repeated abuse"); i++) {
                if (answer.statusCode() == 429) {
                    throttled++;
                    assertThat(answer.body()).doesNotContain("blocked");
                } else {
                    assertThat(answer.statusCode()).isEqualTo(401);
                }
                answer = wrongPassword(server, "ada", guesser);
            }

            assertThat(throttled)
                    .as("the sign-in throttle's refusals, one more than the allowance")
                    .isEqualTo(3);
            assertThat(answer.body()).contains("blocked after repeated abuse");
            assertThat(server.bean(MeterRegistry.class)
                            .counter("selvedge.blocks.added", "kind", "address", "trigger", "rate-limits")
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    @Tag("store-independent") // the tarpit is a servlet filter's: no store takes part in holding a refusal back
    void aRefusedClientWaitsForEachRefusalWithoutHoldingAThread() throws Exception {
        try (TestServer server = behindAProxy()
                .property("selvedge.protection.blocks.refusal-tarpit", "2s")
                .property("selvedge.protection.blocks.limited-answers", "1000/1h")
                .property("selvedge.protection.rate-limits.sign-in", "1/1h")
                .property("server.tomcat.threads.max", 4)
                .start()) {
            String flooding = "198.51.100.77";
            Counter heldBack = server.bean(MeterRegistry.class).counter("selvedge.rate.held-back");
            assertThat(signInPage(server, flooding).statusCode()).isEqualTo(200);

            long asked = System.nanoTime();
            HttpResponse<String> first = signInPage(server, flooding);

            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - asked))
                    .as("held back for the tarpit's time, shorter than its Retry-After")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));

            HttpRequest signInPage = HttpRequest.newBuilder(server.url("/signin"))
                    .header("Accept", "text/html")
                    .header("X-Forwarded-For", flooding)
                    .GET()
                    .build();
            List<CompletableFuture<HttpResponse<String>>> waiting =
                    manyWaitingAtOnce(server, signInPage, heldBack, "203.0.113.10");
            for (CompletableFuture<HttpResponse<String>> refusal : waiting) {
                HttpResponse<String> answer = refusal.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.body()).contains("Too many requests");
                assertThat(answer.headers().firstValue("RateLimit")).isPresent();
            }

            long guessed = System.nanoTime();
            assertThat(wrongPassword(server, "ada", "203.0.113.11").statusCode())
                    .isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - guessed))
                    .as("a wrong password is told after the tarpit's time")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            long unsigned = System.nanoTime();
            assertThat(me(server, "203.0.113.12").statusCode()).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - unsigned))
                    .as("a request without credentials is no guess: answered at once")
                    .isLessThan(Duration.ofSeconds(2));
        }
    }

    /**
     * Five times as many refusals of {@code request} as the server has threads (4), all waiting at once once
     * {@code takenIn} has counted them, while {@code otherClient} is served: they hold no thread.
     */
    private static List<CompletableFuture<HttpResponse<String>>> manyWaitingAtOnce(
            TestServer server, HttpRequest request, Counter takenIn, String otherClient) throws InterruptedException {
        double expected = takenIn.count() + 20;
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(server.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (takenIn.count() < expected && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(takenIn.count()).as("every refusal taken in").isEqualTo(expected);

        HttpResponse<String> other = signInPage(server, otherClient);

        assertThat(other.statusCode())
                .as("another client is served while the refusals wait, so they hold no thread")
                .isEqualTo(200);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        return waiting;
    }

    private static HttpRequest meRequest(TestServer server, String client) {
        return HttpRequest.newBuilder(server.url("/api/v1/me"))
                .header("Accept", "application/json")
                .header("X-Forwarded-For", client)
                .GET()
                .build();
    }

    /** The platform trail's entries of {@code action} on a block, once delivered (the outbox is asynchronous). */
    private static List<AuditEntry> platformTrail(TestServer server, String action, String blockId)
            throws InterruptedException {
        AuditTrail trail = server.bean(AuditTrail.class);
        AuditFilter filter = new AuditFilter(null, action, "block", blockId, null, null, null);
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<AuditEntry> found =
                trail.find(null, filter, AuditTrail.LONGEST_PAGE, null).entries();
        while (found.isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(100);
            found = trail.find(null, filter, AuditTrail.LONGEST_PAGE, null).entries();
        }
        return found;
    }

    /** Asks again (a node trusts what it read of a client for a second) until the answer is {@code wanted}. */
    private static int eventually(Supplier<Integer> status, int wanted) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int answer = status.get();
        while (answer != wanted && System.nanoTime() < giveUp) {
            Thread.sleep(200);
            answer = status.get();
        }
        return answer;
    }

    private static String anIpv6Address() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        String hex = HexFormat.of().formatHex(random);
        String literal =
                "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + ":" + hex.substring(8, 12) + ":0:0:1";
        try {
            return InetAddress.getByName(literal).getHostAddress(); // as the server writes it
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestServer.Settings behindAProxy() {
        return TestServer.with()
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD)
                .property("selvedge.protection.trusted-proxies", "127.0.0.1/32,::1/128")
                // Refusals answered at once: the tarpit has a test of its own, the others count blocks.
                .property("selvedge.protection.blocks.tarpit", "0s");
    }

    private static HttpResponse<String> signInPage(TestServer server, String client) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/signin"))
                        .header("Accept", "text/html")
                        .header("X-Forwarded-For", client)
                        .GET()
                        .build());
    }

    private static HttpResponse<String> me(TestServer server, String client) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/me"))
                        .header("Accept", "application/json")
                        .header("X-Forwarded-For", client)
                        .GET()
                        .build());
    }

    private static HttpResponse<String> wrongPassword(TestServer server, String username, String client) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", client)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                                + "\",\"password\":\"a wrong guess\",\"name\":\"guess\"}"))
                        .build());
    }
}
