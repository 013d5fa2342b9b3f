package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.selvedge.access.Role;
import io.selvedge.content.Styles;
import io.selvedge.content.VersionContent;
import io.selvedge.content.Versions;
import io.selvedge.identity.TokenUsedFromNewAddress;
import io.selvedge.monitoring.internal.routing.AlertReceiver;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.protection.BlockAdded;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestCertificates;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every detection, driven from what it watches in a running server (requests through the API, the services'
 * own actions, the audited events they publish, the stores, the meters and health checks), opens one alert
 * that reaches the receiver of the team that owns it, and the group's contacts for a group's alert, once; a
 * repeat folds into the open alert (count 2) and sends nothing again. The list of detections is read from
 * the code as {@link RunbooksTest} reads it, so a detection without a scenario here fails the build. Last,
 * an alert open with a delivery pending to a receiver that is down survives a restart on the same stores and
 * is delivered when the receiver is back. The clock stands still; the test moves it.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryDetectionIsRoutedIT {

    static final MovableClock clock = new MovableClock();
    static final Duration PATIENCE = Duration.ofSeconds(15);
    static final String ROUTER = "io.selvedge.monitoring.routing";
    static final List<String> TEAMS = List.of("security", "operations", "network");

    static TestServer server;
    static AlertReceiver receiver;
    static ApiCalls api;
    static Customers.Account admin;
    static UUID group;
    static @Nullable UUID version;

    @BeforeAll
    static void aServerWhoseTeamsAndAGroupsContactsListenHere() throws Exception {
        receiver = AlertReceiver.start(0);
        String detections = "selvedge.monitoring.detections.";
        server = TestServer.with()
                .clock(clock)
                .properties(AlertReceiver.serverProperties())
                .property("selvedge.monitoring.delivery.poll-every", "100ms")
                .property("selvedge.monitoring.evaluate-every", "1h") // the test evaluates
                .property("selvedge.monitoring.alerts.escalate-after", "1d")
                .property("selvedge.content.group-quota", "1KB")
                .property(detections + "password-spraying.accounts", 3)
                .property(detections + "credential-stuffing.addresses", 3)
                .property(detections + "mfa-code-guessing.codes", 3)
                .property(detections + "id-enumeration.refusals", 3)
                .property(detections + "mass-download.minimum", 3)
                .property(detections + "quota-near-full.check-every", "1m")
                .property(detections + "rate-limit-storm.answers", 2)
                .property(detections + "tls-handshake-failures.failures", 0)
                .property(detections + "http-errors-latency.minimum-requests", 3)
                .property(detections + "http-errors-latency.mean-latency", "5s")
                .start();
        for (String team : TEAMS) {
            receiver.listensFor(server, team);
        }
        api = server.api();
        admin = api.customers().aCustomer("detections-admin");
        group = UUID.fromString(api.aGroup(admin, "Maison", "eu"));
        receiver.listensForContactsOf(server, group);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        receiver.stop();
    }

    /** What makes a detection fire, what makes it fire again, and who must hear of it. */
    record Scenario(String team, @Nullable UUID group, Action prepare, Action fire, Action repeat) {

        Scenario(String team, @Nullable UUID group, Action fire, Action repeat) {
            this(team, group, () -> {}, fire, repeat);
        }
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> eachDetectionReachesItsTeamOnceAndARepeatFoldsIntoItsOpenAlert() throws Exception {
        Map<String, Scenario> scenarios = scenarios();
        assertThat(scenarios.keySet())
                .as("every detection has its scenario here")
                .containsExactlyInAnyOrderElementsOf(RunbooksTest.detections());
        return scenarios.entrySet().stream()
                .map(scenario -> DynamicTest.dynamicTest(
                        scenario.getKey(), () -> routedOnceAndFolded(scenario.getKey(), scenario.getValue())));
    }

    private Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        // security, from requests to the API
        String sprayer = "203.0.113.60";
        all.put(
                "password-spraying",
                new Scenario(
                        "security",
                        null,
                        () -> {
                            for (int i = 0; i < 4; i++) {
                                wrongPassword("sprayed-" + UUID.randomUUID(), sprayer);
                            }
                        },
                        () -> wrongPassword("sprayed-" + UUID.randomUUID(), sprayer)));
        Customers.Account stuffed = api.anInvitableCustomer("stuffed");
        all.put(
                "credential-stuffing",
                new Scenario(
                        "security",
                        group,
                        () -> api.grant(admin, group.toString(), stuffed, Role.GROUP_OPERATOR, false, false),
                        () -> {
                            for (int i = 0; i < 4; i++) {
                                wrongPassword(stuffed.username(), "198.51.100." + (21 + i));
                            }
                        },
                        () -> wrongPassword(stuffed.username(), "198.51.100.25")));
        String guessed = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "the guessed account's own passphrase " + UUID.randomUUID();
        all.put(
                "mfa-code-guessing",
                new Scenario(
                        "security",
                        null,
                        () -> {
                            server.signingIn(UUID.randomUUID(), guessed, password, null);
                            TestMfa.enrol(server.client(), server::url, clock, guessed, password);
                        },
                        () -> {
                            for (int i = 0; i < 4; i++) {
                                wrongCode(guessed, password, "192.0.2.80");
                            }
                        },
                        () -> wrongCode(guessed, password, "192.0.2.80")));
        TokenUse token = new TokenUse();
        all.put(
                "token-new-address",
                new Scenario("security", null, token::made, token::fromANewAddress, token::reportedAgain));
        Customers.Account outsider = api.customers().aCustomer("outsider");
        all.put(
                "id-enumeration",
                new Scenario(
                        "security",
                        group,
                        () -> {
                            for (int i = 0; i < 4; i++) {
                                notVisible(outsider, "192.0.2." + (100 + i));
                            }
                        },
                        () -> notVisible(outsider, "192.0.2.104")));
        Customers.Account promoted = api.anInvitableCustomer("promoted");
        all.put(
                "privilege-change",
                new Scenario(
                        "security",
                        group,
                        () -> api.grant(admin, group.toString(), promoted, Role.GROUP_ADMIN, false, false),
                        () -> expect(
                                api.as(
                                        admin,
                                        put("/api/v1/nodes/" + group + "/members/" + promoted.id()),
                                        "{\"role\": \"GROUP_ADMIN\", \"allowDownload\": true, \"allowUpload\": false}"),
                                200)));
        all.put("staff-access", new Scenario("security", group, this::breakGlassNamed, this::breakGlassNamed));
        Tampered tampered = new Tampered();
        all.put("tamper-detected", new Scenario("security", group, tampered::readAfterTampering, tampered::read));
        // security, from the nightly checks over the stores
        all.put(
                "residency-violation",
                new Scenario(
                        "security",
                        group,
                        this::aGroupsRowInAnotherRegionAndTheNightlyScan,
                        () -> server.bean(ResidencyViolation.class).nightly()));
        all.put(
                "trail-verification-failed",
                new Scenario(
                        "security",
                        group,
                        this::anAlteredTrailEntryAndTheNightlyVerification,
                        () -> server.bean(TrailVerification.class).verifyAll()));
        // operations and security, from the content a group keeps and downloads
        all.put("quota-near-full", new Scenario("operations", group, () -> upload(1000), () -> {
            clock.advance(Duration.ofSeconds(61));
            upload(10);
        }));
        all.put(
                "mass-download",
                new Scenario(
                        "security",
                        group,
                        () -> {
                            for (int i = 0; i < 4; i++) {
                                download();
                            }
                        },
                        this::download));
        // network, from protection's blocks (the event protection publishes when it blocks by itself)
        BlockAdded block = new BlockAdded("address:192.0.2.200", null, "not-found", 1, from("192.0.2.200"));
        all.put(
                "automatic-blocks",
                new Scenario("network", null, () -> publishInTransaction(block), () -> publishInTransaction(block)));
        // operations, from health checks, stores and meters
        BrokenBlobStore broken = new BrokenBlobStore();
        all.put("store-unhealthy", new Scenario("operations", null, broken::evaluatedBroken, broken::evaluatedAgain));
        all.put(
                "certificate-expiring",
                new Scenario(
                        "operations", null, this::aBundleExpiringIn10Days, () -> evaluate(CertificateExpiring.class)));
        AtomicLong free = new AtomicLong();
        all.put(
                "disk-near-full",
                new Scenario("operations", null, () -> aVolumeWithFree(free), () -> evaluate(DiskNearFull.class)));
        FailedPublication failed = new FailedPublication();
        all.put(
                "event-deliveries-failing",
                new Scenario("operations", null, failed::evaluated, () -> evaluate(EventDeliveriesFailing.class)));
        all.put("key-rotation-failing", new Scenario("operations", null, this::aReEncryptionJobStops, () -> {
            Metrics.counter(KeyRotationFailing.METER).increment();
            evaluate(KeyRotationFailing.class);
        }));
        DeadLetters dead = new DeadLetters();
        all.put("mail-outbox", new Scenario("operations", null, dead::firstEvaluated, dead::another));
        // network, from the server's own counters and timers
        all.put("rate-limit-storm", new Scenario("network", null, this::rateLimitedBurst, () -> {
            server.bean(MeterRegistry.class)
                    .counter("selvedge.rate.limited", "limit", "sign-in")
                    .increment(3);
            evaluate(RateLimitStorm.class);
        }));
        all.put("tls-handshake-failures", new Scenario("network", null, this::failedHandshakes, () -> {
            aCbcOnlyHandshake();
            evaluate(TlsHandshakeFailures.class);
        }));
        all.put("error-rate", new Scenario("network", null, () -> requestsServed("SERVER_ERROR", 1, true), () -> {
            requestsServed("SERVER_ERROR", 1, false);
        }));
        all.put("latency", new Scenario("network", null, () -> requestsServed("SUCCESS", 6_000, true), () -> {
            requestsServed("SUCCESS", 6_000, false);
        }));
        return all;
    }

    /** One new open alert of the detection, sent to its team (and the group's contacts) once; a repeat folds. */
    private static void routedOnceAndFolded(String detection, Scenario scenario) throws Exception {
        scenario.prepare().run();
        drainDetections();
        Set<UUID> before = openAlerts(detection, scenario.group());
        scenario.fire().run();
        drainDetections();
        UUID alert = onlyNewAlert(detection, scenario.group(), before);
        String id = alert.toString();
        assertThat(receiver.await("/" + scenario.team(), id, 1))
                .singleElement()
                .satisfies(sent -> assertThat(sent.body()).contains("\"OPENED\"", "\"" + detection + "\""));
        if (scenario.group() != null) {
            receiver.await("/contacts", id, 1);
        }

        scenario.repeat().run();
        drainDetections();
        assertThat(signalsOf(alert, scenario.group()))
                .as("the repeat folds into the open alert")
                .isEqualTo(2);
        assertThat(onlyNewAlert(detection, scenario.group(), before)).isEqualTo(alert);
        settled(alert);
        for (String team : TEAMS) {
            assertThat(receiver.received("/" + team, id))
                    .as("sent to %s", team)
                    .hasSize(team.equals(scenario.team()) ? 1 : 0);
        }
        assertThat(receiver.received("/contacts", id))
                .as("sent to the group's contacts")
                .hasSize(scenario.group() == null ? 0 : 1);
    }

    @Test
    @Order(2)
    void anAlertOpenWithADeliveryPendingSurvivesARestartAndIsDeliveredWhenTheReceiverIsBack() throws Exception {
        int downPort = AlertReceiver.aFreePort();
        UUID down = AlertReceiver.aChannelDownFor(server, "security", downPort);
        Set<UUID> before = openAlerts(AuditTamper.NAME, null);
        io.selvedge.crypto.TamperDetected tamper = new io.selvedge.crypto.TamperDetected(
                null, "file", UUID.randomUUID().toString(), from("192.0.2.9"));
        publishInTransaction(tamper);
        drainDetections();
        UUID alert = onlyNewAlert(AuditTamper.NAME, null, before);
        receiver.await("/security", alert.toString(), 1);
        awaitTrue("the receiver that is down was tried", () -> attemptsTo(alert, down) > 0);

        TestServer first = server;
        first.close();
        server = TestServer.Settings.sameInstallationAs(first).clock(clock).start();

        assertThat(openAlerts(AuditTamper.NAME, null))
                .as("still open after the restart")
                .contains(alert);
        AlertReceiver back = AlertReceiver.start(downPort);
        try {
            clock.advance(Duration.ofMinutes(3)); // past the backoff and the dead node's claim
            assertThat(back.await("/security-down", alert.toString(), 1))
                    .singleElement()
                    .satisfies(sent -> assertThat(sent.body()).contains("\"OPENED\""));
            publishInTransaction(tamper);
            drainDetections();
            assertThat(signalsOf(alert, null))
                    .as("the new node folds the repeat into the alert the old one opened")
                    .isEqualTo(2);
            settled(alert);
            assertThat(back.received("/security-down", alert.toString())).hasSize(1);
            assertThat(receiver.received("/security", alert.toString())).hasSize(1);
        } finally {
            back.stop();
        }
    }

    // ---- the actions

    private static void wrongPassword(String username, String address) throws Exception {
        expect(
                api.from(
                        null,
                        address,
                        post("/api/v1/auth/tokens"),
                        "{\"username\":\"" + username + "\",\"password\":\"a wrong guess\",\"name\":\"guess\"}"),
                401);
    }

    private static void wrongCode(String username, String password, String address) throws Exception {
        expect(
                api.from(
                        null,
                        address,
                        post("/api/v1/auth/tokens"),
                        "{\"username\":\"" + username + "\",\"password\":\"" + password
                                + "\",\"otp\":\"000000\",\"name\":\"guess\"}"),
                401);
    }

    private static void notVisible(Customers.Account caller, String address) throws Exception {
        expect(api.from(caller, address, get("/api/v1/groups/" + group + "/companies"), null), 404);
    }

    private void breakGlassNamed() throws Exception {
        expect(
                api.as(
                        admin,
                        put("/api/v1/groups/" + group + "/security-policy/break-glass-accounts"),
                        "{\"accountIds\": []}"),
                200);
    }

    /** An API token made from one address, then used from another (identity reports the new address). */
    static final class TokenUse {

        private final String username =
                "tokened-" + UUID.randomUUID().toString().substring(0, 8);
        private UUID account;
        private UUID tokenId;

        private String token;

        /** Made and used from one address. */
        void made() throws Exception {
            String password = "the token holder's passphrase " + UUID.randomUUID();
            account = server.signingIn(UUID.randomUUID(), username, password, null);
            String created = api.from(
                            null,
                            "192.0.2.90",
                            post("/api/v1/auth/tokens"),
                            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"name\":\"ci\"}")
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            tokenId = UUID.fromString(JsonPath.read(created, "$.id"));
            token = JsonPath.read(created, "$.token");
            usedFrom("192.0.2.90");
            drainDetections();
        }

        void fromANewAddress() throws Exception {
            usedFrom("192.0.2.91");
        }

        private void usedFrom(String address) throws Exception {
            expect(api.from(null, address, get("/api/v1/me").header("Authorization", "Bearer " + token), null), 200);
        }

        /** Identity reports a use from that address again (an event delivered twice). */
        void reportedAgain() {
            publishInTransaction(new TokenUsedFromNewAddress(account, tokenId, from("192.0.2.91")));
        }
    }

    /** A company whose stored name was altered: each read of it fails its integrity check. */
    final class Tampered {

        private String company;

        void readAfterTampering() throws Exception {
            company = api.node(admin, "groups", group.toString(), "companies", "Ourse SA");
            JdbcTemplate eu = new JdbcTemplate(regionOf(group));
            // The trail writer reads the new node's name when it records the creation; altered before that
            // (a slow delivery), the writer's read would be one more failed check than the scenario's own.
            awaitTrue(
                    "the company's creation is on the group's trail",
                    () -> eu.queryForObject(
                                    "select count(*) from audit_entry where group_id = ? and target_id = ?",
                                    Long.class,
                                    group,
                                    company)
                            > 0);
            String name = eu.queryForObject(
                    "select name from tenancy_node where id = ?", String.class, UUID.fromString(company));
            int at = name.length() - 8;
            String altered = name.substring(0, at) + (name.charAt(at) == 'A' ? 'B' : 'A') + name.substring(at + 1);
            eu.update("update tenancy_node set name = ? where id = ?", altered, UUID.fromString(company));
            read();
        }

        void read() throws Exception {
            // what it answers is not the point here: the failed integrity check is reported
            api.as(admin, get("/api/v1/companies/" + company), null);
        }
    }

    private void aGroupsRowInAnotherRegionAndTheNightlyScan() {
        new JdbcTemplate(server.bean(Stores.class).region("us").dataSource())
                .update(
                        "insert into resident_group (group_id, admitted_at) values (?, ?)",
                        group,
                        Timestamp.from(clock.instant()));
        server.bean(ResidencyViolation.class).nightly();
    }

    private void anAlteredTrailEntryAndTheNightlyVerification() throws Exception {
        JdbcTemplate eu = new JdbcTemplate(regionOf(group));
        awaitTrue(
                "the group's trail has its first entry",
                () -> eu.queryForObject(
                                "select count(*) from audit_entry where group_id = ? and seq = 1", Long.class, group)
                        == 1);
        eu.update("update audit_entry set action = 'altered.afterwards' where group_id = ? and seq = 1", group);
        server.bean(TrailVerification.class).verifyAll();
    }

    private static void upload(int bytes) throws Exception {
        if (version == null) {
            String company = api.node(admin, "groups", group.toString(), "companies", "Quota SA");
            String brand = api.node(admin, "companies", company, "brands", "Quota");
            String season = api.node(admin, "brands", brand, "seasons", "SS27");
            String workroom = api.node(admin, "seasons", season, "workrooms", "Denim");
            UUID style = server.bean(Styles.class)
                    .create(UUID.fromString(workroom), "Parka", "", List.of(), admin.id())
                    .id();
            version = upload(style, bytes);
            return;
        }
        upload(server.bean(Versions.class).get(version).styleId(), bytes);
    }

    private static UUID upload(UUID style, int bytes) throws Exception {
        return server.bean(Versions.class)
                .upload(style, "coat.glb", null, bytes, new ByteArrayInputStream(new byte[bytes]), admin.id())
                .id();
    }

    private void download() throws Exception {
        if (version == null) {
            upload(1000);
        }
        try (VersionContent ignored = server.bean(Versions.class).download(version, admin.id(), null)) {
            // the content is served; VersionDownloaded is published
        }
    }

    /** The apac store's blob folder replaced by a file: its health check answers DOWN until it is put back. */
    static final class BrokenBlobStore {

        private final Path root =
                Path.of(server.bean(Stores.class).region("apac").blobs().location());
        private final Path away = root.resolveSibling(root.getFileName() + ".away");

        void evaluatedBroken() throws Exception {
            Files.move(root, away);
            Files.writeString(root, "not a folder");
            evaluate(StoreUnhealthy.class);
        }

        void evaluatedAgain() throws Exception {
            try {
                evaluate(StoreUnhealthy.class);
            } finally {
                Files.delete(root);
                Files.move(away, root);
            }
        }
    }

    private void aBundleExpiringIn10Days() throws Exception {
        TestCertificates.IssuedCertificate expiring =
                TestCertificates.expiringIn("expiring.example.test", Duration.ofDays(10));
        Path file = Files.createTempFile("expiring", ".p12");
        expiring.writePkcs12(file, "changeit");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        server.bean(SslBundleRegistry.class)
                .registerBundle("expiring-in-test", SslBundle.of(SslStoreBundle.of(keyStore, "changeit", null)));
        evaluate(CertificateExpiring.class);
    }

    private void aVolumeWithFree(AtomicLong free) {
        MeterRegistry registry = server.bean(MeterRegistry.class);
        free.set(1);
        Gauge.builder("disk.free", free, AtomicLong::get)
                .tag("path", "/test-volume")
                .register(registry);
        Gauge.builder("disk.total", () -> 100).tag("path", "/test-volume").register(registry);
        evaluate(DiskNearFull.class);
    }

    /** A publication of the outbox whose listener failed, waiting for its retry. */
    static final class FailedPublication {

        void evaluated() {
            new JdbcTemplate(server.bean(Stores.class).global().dataSource())
                    .update(
                            "insert into event_publication (id, listener_id, event_type, serialized_event,"
                                    + " publication_date, status, completion_attempts) values (?, ?, ?, ?, ?,"
                                    + " 'FAILED', 1)",
                            UUID.randomUUID(),
                            "test.a-listener-that-failed",
                            "java.lang.String",
                            "\"an event\"",
                            Timestamp.from(clock.instant()));
            evaluate(EventDeliveriesFailing.class);
        }
    }

    private void aReEncryptionJobStops() {
        evaluate(KeyRotationFailing.class); // the count so far
        // as crypto's job runner counts a job that stopped on a failure
        Metrics.counter(KeyRotationFailing.METER).increment();
        evaluate(KeyRotationFailing.class);
    }

    /** Mails the outbox gave up on: a dead letter, then another. */
    static final class DeadLetters {

        void firstEvaluated() {
            evaluate(MailOutbox.class); // the dead letters so far
            another();
        }

        void another() {
            new JdbcTemplate(server.bean(Stores.class).global().dataSource())
                    .update(
                            "insert into mail_outbox (id, recipient, subject, text_body, status, attempts,"
                                    + " next_attempt_at, last_error, created_at) values (?, 'x', 'x', 'x', 'DEAD', 8,"
                                    + " ?, 'refused', ?)",
                            UUID.randomUUID(),
                            Timestamp.from(clock.instant()),
                            Timestamp.from(clock.instant()));
            evaluate(MailOutbox.class);
        }
    }

    private void rateLimitedBurst() {
        evaluate(RateLimitStorm.class);
        // as protection's rate-limit filter counts each request it refuses
        server.bean(MeterRegistry.class)
                .counter("selvedge.rate.limited", "limit", "sign-in")
                .increment(3);
        evaluate(RateLimitStorm.class);
    }

    private void failedHandshakes() throws Exception {
        evaluate(TlsHandshakeFailures.class);
        aCbcOnlyHandshake();
        evaluate(TlsHandshakeFailures.class);
    }

    private static void aCbcOnlyHandshake() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLSv1.2");
        tls.init(null, null, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", server.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"});
            socket.startHandshake();
            throw new AssertionError("the server accepted a CBC-only client");
        } catch (SSLException refused) {
            // counted by the server's TLS engine
        }
    }

    /**
     * Four requests served with the outcome, each taking {@code millis}, as Spring's observation of the server's
     * requests records them (the tags of a real request's), between a first evaluation and the next.
     */
    private static void requestsServed(String outcome, long millis, boolean first) {
        MeterRegistry registry = server.bean(MeterRegistry.class);
        if (first) {
            TestHttps.send(
                    server.client(),
                    HttpRequest.newBuilder(server.url("/api/v1/me")).GET().build());
            evaluate(HttpErrorsAndLatency.class); // the requests so far
        }
        Meter served = registry.find(HttpErrorsAndLatency.METER).meters().stream()
                .filter(meter -> meter instanceof Timer)
                .findFirst()
                .orElseThrow();
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : served.getId().getTags()) {
            switch (tag.getKey()) {
                case "outcome" -> tags.add(Tag.of("outcome", outcome));
                case "status" -> tags.add(Tag.of("status", outcome.equals("SUCCESS") ? "200" : "500"));
                default -> tags.add(tag);
            }
        }
        Timer timer = Timer.builder(HttpErrorsAndLatency.METER).tags(tags).register(registry);
        for (int i = 0; i < 4; i++) {
            timer.record(millis, TimeUnit.MILLISECONDS);
        }
        evaluate(HttpErrorsAndLatency.class);
    }

    // ---- what the test reads

    private static void evaluate(Class<? extends MetricDetection> detection) {
        server.bean(detection).evaluate();
    }

    /** Until the detections' thread has handled every event published so far (it handles them in order). */
    private static void drainDetections() throws Exception {
        server.bean(DetectionConfiguration.EXECUTOR, ThreadPoolTaskExecutor.class)
                .submit(() -> {})
                .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private static Set<UUID> openAlerts(String detection, @Nullable UUID groupId) {
        JdbcTemplate store = new JdbcTemplate(storeOf(groupId));
        List<UUID> ids = groupId == null
                ? store.queryForList(
                        "select id from monitoring_alert where detection = ? and status = 'OPEN' and group_id is null",
                        UUID.class,
                        detection)
                : store.queryForList(
                        "select id from monitoring_alert where detection = ? and status = 'OPEN' and group_id = ?",
                        UUID.class,
                        detection,
                        groupId);
        return new HashSet<>(ids);
    }

    private static UUID onlyNewAlert(String detection, @Nullable UUID groupId, Set<UUID> before) {
        Set<UUID> opened = openAlerts(detection, groupId);
        opened.removeAll(before);
        assertThat(opened).as("one new open %s alert", detection).hasSize(1);
        return opened.iterator().next();
    }

    private static long signalsOf(UUID alert, @Nullable UUID groupId) {
        return new JdbcTemplate(storeOf(groupId))
                .queryForObject("select signals from monitoring_alert where id = ?", Long.class, alert);
    }

    /** Until routing recorded every change published so far in every store, and sent the alert's deliveries. */
    private static void settled(UUID alert) throws Exception {
        awaitTrue("routing is done with the alert", () -> {
            long waiting = 0;
            for (var store : server.bean(Stores.class).all()) {
                waiting += new JdbcTemplate(store.dataSource())
                        .queryForObject(
                                "select count(*) from event_publication where listener_id = ?"
                                        + " and completion_date is null",
                                Long.class,
                                ROUTER);
            }
            return waiting
                            + new JdbcTemplate(
                                            server.bean(Stores.class).global().dataSource())
                                    .queryForObject(
                                            "select count(*) from monitoring_delivery where alert_id = ?"
                                                    + " and sent_at is null",
                                            Long.class,
                                            alert)
                    == 0;
        });
    }

    private static long attemptsTo(UUID alert, UUID channel) {
        Long attempts = new JdbcTemplate(server.bean(Stores.class).global().dataSource())
                .queryForObject(
                        "select max(attempts) from monitoring_delivery where alert_id = ? and channel_id = ?",
                        Long.class,
                        alert,
                        channel);
        return attempts == null ? 0 : attempts;
    }

    private static DataSource storeOf(@Nullable UUID groupId) {
        return groupId == null ? server.bean(Stores.class).global().dataSource() : regionOf(groupId);
    }

    private static DataSource regionOf(UUID groupId) {
        return server.bean(Stores.class).region("eu").dataSource();
    }

    private static void publishInTransaction(Object event) {
        new TransactionTemplate(server.bean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> server.publish(event));
    }

    private static RequestOrigin from(String address) {
        return new RequestOrigin(UUID.randomUUID().toString(), address, "test");
    }

    private static void expect(ResultActions result, int status) throws Exception {
        int answered = result.andReturn().getResponse().getStatus();
        assertThat(answered)
                .as("%s answered %s", result.andReturn().getRequest().getRequestURI(), answered)
                .isEqualTo(status);
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
