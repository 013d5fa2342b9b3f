package io.selvedge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.testing.ChildJvm;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7: killing the process right after an action commits still yields its entry after the restart.
 * A node runs in a JVM of its own ({@link CrashableNode}) on stores that outlive it (H2 files in a data
 * directory, or PostgreSQL databases in the PostgreSQL run) and holds its audit listener when it would
 * write a company's entry, so the entry can reach the trail only through the outbox. A company is created
 * over HTTPS, the process is killed with SIGKILL as soon as the answer arrives, and a new process on the
 * same stores and keys has the entry on the group's trail, which still verifies.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class AuditKillIT {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final String PASSWORD = "selvage stitched under a killed node";

    @Test
    void anActionAnsweredJustBeforeAKillMinusNineIsOnTheTrailAfterTheRestart() throws Exception {
        Path dataDir = TestServer.newDataDirectory();
        Map<String, Object> stores = storesOutlivingTheNode(dataDir);
        String username = "killed-" + UUID.randomUUID().toString().substring(0, 8);

        Node first = Node.start(dataDir.resolve("first.log"), stores, "hold", username, PASSWORD);
        String token;
        String group;
        String company;
        try {
            HttpClient client = TestHttps.client(dataDir);
            token = enrol(first, client, username);
            group = idOf(first.post(client, token, "/api/v1/groups", "{\"name\":\"Maison Kill\",\"region\":\"eu\"}"));
            // The listener delivers (the group's first entries are written); only a company's is held.
            awaitEntries(first, client, token, group, "group.created");

            HttpResponse<String> created =
                    first.post(client, token, "/api/v1/groups/" + group + "/companies", "{\"name\":\"Kill SA\"}");
            first.kill();
            company = idOf(created);
        } finally {
            first.kill();
        }

        Node second = Node.start(dataDir.resolve("second.log"), stores, "serve");
        try {
            HttpClient client = TestHttps.client(dataDir);
            List<Map<String, Object>> entries = awaitEntries(second, client, token, group, "company.created");

            assertThat(entries).as(second.log()).anySatisfy(entry -> {
                assertThat(entry.get("action")).isEqualTo("company.created");
                assertThat(entry.get("targetKind")).isEqualTo("company");
                assertThat(entry.get("targetId")).isEqualTo(company);
                assertThat(entry.get("targetName")).isEqualTo("Kill SA");
                assertThat(entry.get("actorKind")).isEqualTo("ACCOUNT");
                assertThat(entry.get("outcome")).isEqualTo("SUCCEEDED");
            });
            HttpResponse<String> verify = second.get(client, token, "/api/v1/groups/" + group + "/audit-events/verify");
            assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
            assertThat(JsonPath.<Boolean>read(verify.body(), "$.ok"))
                    .as(verify.body())
                    .isTrue();
        } finally {
            second.stop();
        }
    }

    @Test
    void anEntryWrittenJustBeforeAKillMinusNineIsNotWrittenAgainAfterTheRestart() throws Exception {
        Path dataDir = TestServer.newDataDirectory();
        Map<String, Object> stores = storesOutlivingTheNode(dataDir);
        String username = "twice-" + UUID.randomUUID().toString().substring(0, 8);

        // The listener writes the company's entry; the outbox is held before it marks the delivery complete.
        Node first = Node.start(dataDir.resolve("first.log"), stores, "hold-completion", username, PASSWORD);
        String token;
        String group;
        String company;
        try {
            HttpClient client = TestHttps.client(dataDir);
            token = enrol(first, client, username);
            group = idOf(first.post(client, token, "/api/v1/groups", "{\"name\":\"Maison Twice\",\"region\":\"eu\"}"));
            company =
                    idOf(first.post(client, token, "/api/v1/groups/" + group + "/companies", "{\"name\":\"Once SA\"}"));
            awaitEntries(first, client, token, group, "company.created");
            first.kill();
        } finally {
            first.kill();
        }

        Node second = Node.start(dataDir.resolve("second.log"), stores, "serve");
        try {
            HttpClient client = TestHttps.client(dataDir);
            // The held publication is delivered again at the start, before anything the new node is asked;
            // a company made now is written after it by the one audit thread.
            idOf(second.post(client, token, "/api/v1/groups/" + group + "/companies", "{\"name\":\"After SA\"}"));
            List<Map<String, Object>> entries = awaitEntries(second, client, token, group, "company.created", 2);

            assertThat(entries.stream()
                            .filter(entry -> company.equals(entry.get("targetId")))
                            .filter(entry -> "company.created".equals(entry.get("action"))))
                    .as(second.log())
                    .hasSize(1);
            HttpResponse<String> verify = second.get(client, token, "/api/v1/groups/" + group + "/audit-events/verify");
            assertThat(JsonPath.<Boolean>read(verify.body(), "$.ok"))
                    .as(verify.body())
                    .isTrue();
        } finally {
            second.stop();
        }
    }

    /** H2 files in the data directory, or PostgreSQL databases, that a killed node finds again. */
    private static Map<String, Object> storesOutlivingTheNode(Path dataDir) {
        Map<String, Object> stores = new LinkedHashMap<>();
        stores.put("selvedge.data-dir", dataDir);
        stores.put("selvedge.storage.regions", "us,eu,apac");
        // The databases carry this JVM's pid, so no cleaner takes them while the killed node is away.
        stores.putAll(TestDatabase.storeProperties(List.of("us", "eu", "apac")));
        return stores;
    }

    private static String enrol(Node node, HttpClient client, String username) {
        return TestMfa.enrol(client, node::url, Clock.systemUTC(), username, PASSWORD)
                .token();
    }

    private static List<Map<String, Object>> awaitEntries(
            Node node, HttpClient client, String token, String group, String action) throws InterruptedException {
        return awaitEntries(node, client, token, group, action, 1);
    }

    /** The group's entries (newest first), once as many have the action; fails after a minute. */
    private static List<Map<String, Object>> awaitEntries(
            Node node, HttpClient client, String token, String group, String action, int count)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            HttpResponse<String> page = node.get(client, token, "/api/v1/groups/" + group + "/audit-events?limit=500");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            List<Map<String, Object>> entries = JsonPath.read(page.body(), "$.items");
            if (entries.stream()
                            .filter(entry -> action.equals(entry.get("action")))
                            .count()
                    >= count) {
                return entries;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(
                        "no " + action + " entry on the trail of " + group + ": " + page.body() + "\n" + node.log());
            }
            Thread.sleep(200);
        }
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    /** A node in a child JVM on the test class path, its output in a file. */
    private record Node(Process process, Path output, int port) {

        static Node start(Path output, Map<String, Object> stores, String... arguments) throws Exception {
            Process process = ChildJvm.ofMain(CrashableNode.class)
                    .option("-Xmx384m")
                    .arguments(arguments)
                    .settings(stores)
                    .start(output);
            Instant giveUp = Instant.now().plus(READY_WITHIN);
            while (Instant.now().isBefore(giveUp) && process.isAlive()) {
                for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                    if (line.startsWith(CrashableNode.READY)) {
                        return new Node(
                                process, output, Integer.parseInt(line.substring(CrashableNode.READY.length())));
                    }
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            throw new AssertionError("The node did not start:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }

        URI url(String path) {
            return URI.create("https://localhost:" + port + path);
        }

        HttpResponse<String> get(HttpClient client, String token, String path) {
            return TestHttps.send(
                    client,
                    HttpRequest.newBuilder(url(path))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .build());
        }

        HttpResponse<String> post(HttpClient client, String token, String path, String json) {
            return TestHttps.send(
                    client,
                    HttpRequest.newBuilder(url(path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build());
        }

        /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        String log() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }
    }
}
