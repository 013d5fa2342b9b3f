package io.selvedge.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestRedis;
import io.selvedge.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parallel guesses after the free failures cost one token each, taken and checked in one step: a burst of 30
 * gets at most one password checked, on one node and on two nodes that count in the same Redis. Checks beyond a
 * node's permits are refused before hashing, and guessed usernames spend a budget that slows every name alike.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class ParallelGuessesIT {

    static final String PASSWORD = "selvage is spelt otherwise";
    static final String REDIS = TestRedis.URL;

    @Test
    void aBurstOfThirtyWrongPasswordsAfterTheFreeFailuresGetsAtMostOneChecked() throws Exception {
        MovableClock clock = new MovableClock();
        try (TestServer node = withAda().clock(clock).start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(wrongPassword(node).statusCode()).isEqualTo(401);
            }
            clock.advance(Duration.ofSeconds(1));

            Map<Integer, Long> answers = burst(30, i -> node);

            assertThat(answers.getOrDefault(401, 0L)).as("passwords checked").isLessThanOrEqualTo(1);
            assertThat(answers.get(429)).isGreaterThanOrEqualTo(29);
        }
    }

    @Test
    @ExtendWith(TestRedis.AvailableCondition.class)
    void twoNodesSharingRedisCheckAtMostOneOfABurstSpreadOverBoth() throws Exception {
        // One clock for both nodes, held still: on this busy machine a burst's TLS handshakes spread over
        // seconds, and the refills of real time would blur what is under test, the atomic take.
        MovableClock clock = new MovableClock();
        try (TestServer first = withAda()
                        .clock(clock)
                        .property("selvedge.protection.redis-url", REDIS)
                        .start();
                TestServer second = TestServer.Settings.sameInstallationAs(first)
                        .clock(clock)
                        .start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(wrongPassword(i % 2 == 0 ? first : second).statusCode())
                        .isEqualTo(401);
            }
            clock.advance(Duration.ofSeconds(1));

            Map<Integer, Long> answers = burst(30, i -> i % 2 == 0 ? first : second);

            assertThat(answers.getOrDefault(401, 0L)).as("passwords checked").isLessThanOrEqualTo(1);
            assertThat(answers.get(429)).isGreaterThanOrEqualTo(29);
        }
    }

    @Test
    void passwordChecksBeyondTheNodesPermitsAreRefusedAndGuessedNamesSpendABudgetThatSlowsKnownOnesAlike()
            throws Exception {
        // Time held still: the budget refills one name every 43 s, and on a slow machine the guesses below can
        // take that long, which would let the last one in for a reason that is not under test.
        MovableClock clock = new MovableClock();
        try (TestServer node = withAda()
                .clock(clock)
                .property("selvedge.protection.password-checks.concurrent", 1)
                .property("selvedge.protection.password-checks.wait-at-most", "0s")
                .property("selvedge.sign-in.unknown-names-per-address", "14/10m")
                .start()) {
            // Ten unknown names at once: within every throttle and budget, so only the one permit refuses.
            Map<Integer, Long> answers = burst(10, i -> node, i -> "nobody-" + i);

            assertThat(answers.keySet()).containsAnyOf(401).isSubsetOf(401, 429);
            assertThat(answers.get(429))
                    .as("refused by the bulkhead, not hashed")
                    .isGreaterThanOrEqualTo(1);

            // One at a time, more unknown names until the address's budget for them is spent.
            int failed = answers.getOrDefault(401, 0L).intValue();
            for (int i = 0; failed < 14 && i < 14; i++) {
                if (TestHttps.send(node.client(), guess(node, "someone-" + i, "a wrong guess"))
                                .statusCode()
                        == 401) {
                    failed++;
                }
            }
            HttpResponse<String> unknown = TestHttps.send(node.client(), guess(node, "no-one", "a wrong guess"));
            HttpResponse<String> adasOwn = TestHttps.send(node.client(), guess(node, "ada", PASSWORD));

            assertThat(unknown.statusCode()).isEqualTo(429);
            assertThat(adasOwn.statusCode())
                    .as("a known name and its right password wait alike")
                    .isEqualTo(429);
            assertThat(adasOwn.headers().firstValue("Retry-After")).isPresent();
            assertThat(detail(adasOwn)).isEqualTo(detail(unknown));
        }
    }

    private static String detail(HttpResponse<String> response) {
        java.util.regex.Matcher detail =
                java.util.regex.Pattern.compile("\"detail\":\"([^\"]*)\"").matcher(response.body());
        return detail.find() ? detail.group(1) : response.body();
    }

    private static TestServer.Settings withAda() {
        return TestServer.with()
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD)
                // The throttle is under test here, not the sign-in route's rate limit in front of it.
                .property("selvedge.protection.rate-limits.enabled", false);
    }

    /** {@code size} wrong passwords for ada, sent together; how many answers of each status came back. */
    private static Map<Integer, Long> burst(int size, Function<Integer, TestServer> nodeOf) throws Exception {
        return burst(size, nodeOf, i -> "ada");
    }

    /** {@code size} wrong passwords sent together, the {@code i}th for {@code username.apply(i)}. */
    private static Map<Integer, Long> burst(
            int size, Function<Integer, TestServer> nodeOf, Function<Integer, String> username) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(size);
        try {
            CountDownLatch ready = new CountDownLatch(size);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                TestServer node = nodeOf.apply(i);
                String name = username.apply(i);
                statuses.add(threads.submit(() -> {
                    HttpRequest request = guess(node, name, "a wrong guess");
                    ready.countDown();
                    go.await();
                    return TestHttps.send(node.client(), request).statusCode();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            return answers.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        } finally {
            threads.shutdownNow();
        }
    }

    private static HttpResponse<String> wrongPassword(TestServer node) {
        return TestHttps.send(node.client(), guess(node, "ada", "a wrong guess"));
    }

    private static HttpRequest guess(TestServer node, String username, String password) {
        return HttpRequest.newBuilder(node.url("/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"name\":\"guess\"}"))
                .build();
    }
}
