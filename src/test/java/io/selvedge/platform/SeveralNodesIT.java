package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.content.ContentClient;
import io.selvedge.content.CutBody;
import io.selvedge.testing.NewConnectionEachRequest;
import io.selvedge.testing.TestBalancer;
import io.selvedge.testing.TestCertificate;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestRedis;
import io.selvedge.testing.TestS3;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two production nodes of one installation behind a balancer that hands each new connection to the next node:
 * PostgreSQL (a database per store), S3 (the eu region's files), Redis and the local key stores shared, nothing
 * else; each node has a data directory of its own. Every request of these clients opens a connection of its
 * own, so consecutive requests meet the nodes in turn. The nodes run in this JVM (two Spring applications): a
 * second JVM would start in 11–12 s instead of a few, and what is proven is what they share, not how they are
 * packaged. The last test takes one node off the network mid-upload and stops it.
 */
@Tag("postgresql-only")
@ExtendWith({TestDatabase.AvailableCondition.class, TestRedis.AvailableCondition.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesIT {

    static final String PASSWORD = "two nodes, one loom, no stale caches";
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    final List<TestServer> nodes = new ArrayList<>();
    TestBalancer balancer;
    Path certificate;

    @BeforeAll
    void twoNodesBehindABalancer() throws IOException {
        TestCertificate issued = TestCertificate.forLocalhostUnder(TestServer.newDataDirectory("tls"));
        certificate = issued.certificate();
        String bucket = TestS3.newBucket("selvedge-nodes");
        String blobs = "selvedge.storage.region.eu.blobs.";
        TestServer a = TestServer.with()
                .property("selvedge.environment", "production")
                .property("selvedge.tls.certificate", issued.certificate())
                .property("selvedge.tls.private-key", issued.privateKey())
                .property("selvedge.protection.redis-url", TestRedis.URL)
                .property("selvedge.protection.rate-limits.enabled", false)
                .property(blobs + "type", "s3")
                .property(blobs + "endpoint", TestS3.endpoint())
                .property(blobs + "bucket", bucket)
                .property(blobs + "access-key", TestS3.ACCESS_KEY)
                .property(blobs + "secret-key", TestS3.SECRET_KEY)
                .property(blobs + "path-style", true)
                .start();
        nodes.add(a);
        // The second node's data directory holds nothing but the key stores, shared (a volume both mount): the
        // local KMS adds a key to them for every new group, which the other node reads when it first meets it.
        Path second = TestServer.newDataDirectory("node-b");
        Files.createSymbolicLink(second.resolve("keys"), a.dataDir().resolve("keys"));
        nodes.add(TestServer.Settings.sameInstallationAs(a)
                .property("selvedge.data-dir", second)
                .start());
        balancer = TestBalancer.roundRobin(List.of(a.port(), nodes.get(1).port()));
    }

    @AfterAll
    void stop() {
        if (balancer != null) {
            balancer.close();
        }
        nodes.forEach(TestServer::close);
    }

    @Test
    @Order(1)
    void aPersonSignsInOnOneNodeAndWorksOnTheOtherUntilTheSessionIsEndedOnEither() {
        String username = "weaver-" + UUID.randomUUID().toString().substring(0, 8);
        nodes.get(0).signingIn(UUID.randomUUID(), username, PASSWORD, null);
        HttpClient browser = client();
        int before = balancer.served().size();

        HttpResponse<String> home = WebPages.signIn(browser, url("/signin"), username, PASSWORD);

        assertThat(home.body()).contains("Signed in as");
        List<Integer> signIn =
                balancer.served().subList(before, balancer.served().size());
        assertThat(signIn).as("the form, the sign-in and the home page").contains(0, 1);
        for (int i = 0; i < 2; i++) {
            assertThat(asBrowser(browser, "/account/sessions").statusCode())
                    .as("signed in on node %s", balancer.lastServed())
                    .isEqualTo(200);
        }

        String token = tokenFor(username).secret();
        assertThat(call("DELETE", "/api/v1/me/sessions", token).statusCode()).isEqualTo(204);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = asBrowser(browser, "/");
            assertThat(page.statusCode())
                    .as("signed out on node %s", balancer.lastServed())
                    .isEqualTo(302);
            assertThat(page.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/signin"));
        }
    }

    @Test
    @Order(2)
    void aTokenRevokedAGrantRevokedAndAPolicyTightenedOnOneNodeHoldOnTheOtherAtOnce() {
        ContentClient admin = ContentClient.aCustomerWithAStyle(nodes.get(0)::bean, client(), balancer.port(), "eu");
        String memberName = "member-" + UUID.randomUUID().toString().substring(0, 8);
        UUID member = nodes.get(0).signingIn(UUID.randomUUID(), memberName, PASSWORD, null);
        grant(admin, member, Role.GROUP_OPERATOR);
        String kept = tokenFor(memberName).secret();
        Token revoked = tokenFor(memberName);
        String group = "/api/v1/groups/" + admin.group;
        assertOnBothNodes(group, revoked.secret(), 200, "the member reads the group, each node caching the token");

        assertThat(call("DELETE", "/api/v1/me/tokens/" + revoked.id(), kept).statusCode())
                .isEqualTo(204);
        assertOnBothNodes("/api/v1/me", revoked.secret(), 401, "a revoked token");

        assertOnBothNodes(group, kept, 200, "before the policy changes");
        assertThat(admin.send(admin.request(group + "/security-policy")
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"mfaRequired\":true,\"passwordSignIn\":true,\"ipAllowList\":[]}"))
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertOnBothNodes(group, kept, 403, "a policy that requires MFA, which the member has not");

        assertThat(admin.send(admin.request(group + "/security-policy")
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"mfaRequired\":false,\"passwordSignIn\":true,\"ipAllowList\":[]}"))
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertOnBothNodes(group, kept, 200, "the policy loosened again");
        assertThat(admin.send(admin.request("/api/v1/nodes/" + admin.group + "/members/" + member)
                                .DELETE()
                                .build())
                        .statusCode())
                .isEqualTo(204);
        assertOnBothNodes(group, kept, 404, "a grant revoked");
    }

    @Test
    @Order(3)
    void anUploadsChunksLandOnBothNodesAndItResumesOnOneWhenTheOtherDiesMidChunk() throws Exception {
        ContentClient designer = ContentClient.aCustomerWithAStyle(nodes.get(0)::bean, client(), balancer.port(), "eu");
        int chunk = 256 * 1024;
        byte[] whole = new byte[5 * chunk + 777];
        new Random(20).nextBytes(whole);
        HttpResponse<String> created = designer.createUpload(designer.style, whole.length, "coat.glb");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String upload = created.headers().firstValue("Location").orElseThrow();

        List<Integer> chunkNodes = new ArrayList<>();
        for (int offset = 0; offset < 4 * chunk; offset += chunk) {
            HttpResponse<String> patched = designer.patch(upload, offset, whole, offset, chunk);
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
            chunkNodes.add(balancer.lastServed());
        }
        assertThat(chunkNodes)
                .as("the chunks' nodes, in turn")
                .containsExactly(chunkNodes.get(0), 1 - chunkNodes.get(0), chunkNodes.get(0), 1 - chunkNodes.get(0));

        // The fifth chunk sends half, then its node leaves the network and stops.
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch nodeGone = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> cut = client().sendAsync(
                        designer.chunk(upload, 4 * chunk, new CutBody(whole, 4 * chunk, chunk / 2, halfSent, nodeGone)),
                        HttpResponse.BodyHandlers.ofString());
        halfSent.await();
        Thread.sleep(300); // the half on its way through the balancer into the node
        int dying = balancer.lastServed();
        balancer.down(dying);
        nodes.get(dying).close();
        nodeGone.countDown();
        assertThat(cut).failsWithin(java.time.Duration.ofSeconds(30));

        HttpResponse<String> head = designer.head(upload);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(balancer.lastServed()).as("the node still up").isEqualTo(1 - dying);
        int offset = Integer.parseInt(head.headers().firstValue("Upload-Offset").orElseThrow());
        assertThat(offset).isBetween(4 * chunk, 4 * chunk + chunk / 2);
        HttpResponse<String> last = designer.patch(upload, offset, whole, offset, whole.length - offset);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
        String version = last.headers().firstValue("Selvedge-Version-Id").orElseThrow();

        HttpResponse<InputStream> download =
                designer.stream(designer.request("/api/v1/versions/" + version + "/content")
                        .GET()
                        .build());
        assertThat(download.statusCode()).isEqualTo(200);
        try (InputStream body = download.body()) {
            assertThat(body.readAllBytes()).as("byte-identical").isEqualTo(whole);
        }
    }

    private HttpClient client() {
        return new NewConnectionEachRequest(TestHttps.trusting(certificate));
    }

    private URI url(String path) {
        return URI.create("https://localhost:" + balancer.port() + path);
    }

    /** Grants in process on the first node, as the group's admin (an API grant invites, and waits for consent). */
    private void grant(ContentClient admin, UUID member, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin.username, null, List.of()));
        try {
            nodes.get(0).bean(Grants.class).grant(UUID.fromString(admin.group), member, role, false, false);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    record Token(String id, String secret) {}

    private Token tokenFor(String username) {
        HttpResponse<String> created = TestHttps.send(
                client(),
                HttpRequest.newBuilder(url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"ci-%s\"}"
                                        .formatted(username, PASSWORD, UUID.randomUUID())))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher token = TOKEN.matcher(created.body());
        Matcher id = ID.matcher(created.body());
        assertThat(token.find() && id.find()).as(created.body()).isTrue();
        return new Token(id.group(1), token.group(1));
    }

    private HttpResponse<String> call(String method, String path, String token) {
        return TestHttps.send(
                client(),
                HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    /** Two calls in a row, which the balancer gives to the two nodes. */
    private void assertOnBothNodes(String path, String token, int status, String what) {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> answer = call("GET", path, token);
            seen.add(balancer.lastServed());
            assertThat(answer.statusCode())
                    .as("%s, on node %s: %s", what, balancer.lastServed(), answer.body())
                    .isEqualTo(status);
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1);
    }

    private HttpResponse<String> asBrowser(HttpClient browser, String path) {
        return TestHttps.send(
                browser,
                HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build());
    }
}
