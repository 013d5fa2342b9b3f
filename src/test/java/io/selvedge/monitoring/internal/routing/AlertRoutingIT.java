package io.selvedge.monitoring.internal.routing;

import static io.selvedge.monitoring.internal.routing.Alerts.anAlert;
import static io.selvedge.monitoring.internal.routing.Alerts.changed;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.MessageAuthentication;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.monitoring.internal.AlertChanged;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alert changes reach the channels of the team the rules name, through real HTTPS receivers in this JVM (under
 * a test certificate the server is told to trust, on loopback, which the server is told to allow): once each,
 * signed, after a receiver that was down comes back, not again when the event is delivered twice, and by mail
 * through the outbox; a group's alert is sent as it reads in the group's region while nothing of it rests in the
 * global store. End to end: a password-spraying attack on the running server opens one security alert in the
 * alert store, sent to the security team's receiver once; stuffing the password of a group's member opens an
 * alert its admin reads in the API. The clock stands still; the test moves it past the backoff.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class AlertRoutingIT {

    static final MovableClock clock = new MovableClock();
    static final Duration PATIENCE = Duration.ofSeconds(15);
    /** The staff member who sets up the routing. */
    static final UUID STAFF = UUID.randomUUID();

    static TestServer server;
    static AlertReceiver receiver;

    @BeforeAll
    static void aServerAndAReceiver() {
        receiver = AlertReceiver.start(0);
        server = TestServer.with()
                .clock(clock)
                .properties(AlertReceiver.serverProperties())
                .property("selvedge.monitoring.delivery.poll-every", "100ms")
                .property("selvedge.monitoring.detections.password-spraying.accounts", 3)
                .property("selvedge.monitoring.detections.credential-stuffing.addresses", 3)
                // The attacks come from many addresses: the test's requests name them as a proxy would.
                .property("selvedge.protection.trusted-proxies", "127.0.0.1/32,::1/128")
                .property(Mailbox.FAST_DELIVERY, "100ms")
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        receiver.stop();
    }

    @Test
    void anAlertReachesItsTeamsChannelsOnceSignedAndAChannelThatWasDownGetsItWhenItIsBack() throws Exception {
        AlertRouting routing = server.bean(AlertRouting.class);
        Channel security = routing.addChannel(Team.SECURITY, webhook("security", receiver.port()), STAFF);
        routing.addChannel(Team.OPERATIONS, webhook("operations", receiver.port()), STAFF);
        routing.addChannel(
                Team.SECURITY, new AlertRouting.ChannelSpec("EMAIL", "SOC mailbox", "soc@example.test", null), STAFF);
        int downPort = AlertReceiver.aFreePort();
        Channel backupChannel = routing.addChannel(Team.SECURITY, webhook("security-backup", downPort), STAFF);

        AlertChanged opened = anAlert(AlertCategory.SECURITY, AlertSeverity.CRITICAL, null);
        publish(opened);

        AlertReceiver.Received delivered =
                receiver.await("/security", opened.alertId().toString(), 1).get(0);
        assertThat(delivered.body()).contains("\"change\":\"OPENED\"", "\"severity\":\"CRITICAL\"");
        assertThat(delivered.timestamp())
                .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(delivered.signature())
                .as("the receiver recomputes the signature with the secret it was shown once")
                .isEqualTo("v1="
                        + MessageAuthentication.hmacSha256Hex(
                                security.secret().getBytes(StandardCharsets.UTF_8),
                                (delivered.timestamp() + "." + delivered.body()).getBytes(StandardCharsets.UTF_8)));
        Mailbox.Mail mail = Mailbox.of(server).awaitLast("soc@example.test", "password-spraying", 1);
        assertThat(mail.subject()).startsWith("[CRITICAL] security alert opened");

        // Delivered again by the event registry (a node died before marking it complete): nothing is sent twice.
        publish(opened);
        awaitRouted();
        AlertChanged acknowledged = changed(opened, AlertChanged.Change.ACKNOWLEDGED);
        publish(acknowledged);
        receiver.await("/security", "ACKNOWLEDGED", 1);
        assertThat(receiver.received("/security", opened.alertId().toString()))
                .extracting(AlertReceiver.Received::body)
                .filteredOn(body -> body.contains("\"OPENED\""))
                .hasSize(1);
        assertThat(receiver.received("/operations", ""))
                .as("no rule routes security alerts to operations")
                .isEmpty();

        // The backup receiver was down: its deliveries wait, and arrive once it listens again and the wait is over.
        assertThat(waiting(opened, backupChannel))
                .as("the opening and the acknowledgement, for the backup")
                .isEqualTo(2);
        AlertReceiver backup = AlertReceiver.start(downPort);
        try {
            clock.advance(Duration.ofSeconds(31));
            assertThat(backup.await("/security-backup", opened.alertId().toString(), 2))
                    .extracting(AlertReceiver.Received::body)
                    .anySatisfy(body -> assertThat(body).contains("\"OPENED\""))
                    .anySatisfy(body -> assertThat(body).contains("\"ACKNOWLEDGED\""));
            // The receiver holds a body a moment before the sender records the delivery sent.
            awaitNoneWaiting(opened, backupChannel);
        } finally {
            backup.stop();
        }
        assertThat(waiting(opened, backupChannel)).isZero();
    }

    @Test
    void aGroupsAlertIsSentAsItReadsInItsRegionAndItsDeliveriesInTheGlobalStoreKeepNothingOfIt() throws Exception {
        Customers.Account admin = new Customers(server.bean(Stores.class)).aCustomer("routing-admin");
        UUID group =
                server.bean(Groups.class).create("Maison", "eu", admin.id()).id();
        Channel network =
                server.bean(AlertRouting.class).addChannel(Team.NETWORK, webhook("network", receiver.port()), STAFF);
        String marker = "marker-" + UUID.randomUUID();

        server.bean(io.selvedge.monitoring.Alerts.class)
                .raise(new AlertSignal(
                        "tls-handshake-failures",
                        AlertSeverity.WARNING,
                        AlertCategory.NETWORK,
                        group,
                        "tls-handshake-failures:" + marker,
                        "Handshakes failing (" + marker + ")",
                        Map.of("seen", marker)));

        String body = receiver.await("/network", marker, 1).get(0).body();
        assertThat(body).contains("\"change\":\"OPENED\"", "Handshakes failing (" + marker + ")", group.toString());
        FieldCiphers ciphers = server.bean(FieldCiphers.class);
        List<String> kept = new JdbcTemplate(server.bean(Stores.class).global().dataSource())
                .query(
                        "select id, alert from monitoring_delivery where channel_id = ?",
                        (row, n) -> DeliveryRepository.ALERT.decrypt(
                                ciphers.directory(), row.getString("alert"), row.getObject("id", UUID.class)),
                        network.id());
        assertThat(kept)
                .as("the delivery keeps the change's ids, not what the group's alert says")
                .singleElement()
                .satisfies(facts -> assertThat(facts).contains(group.toString()).doesNotContain(marker));
    }

    @Test
    void aSprayingAttackOpensOneSecurityAlertSentOnceAndStuffingAMembersPasswordReachesItsGroupsAdmin()
            throws Exception {
        Channel attacks =
                server.bean(AlertRouting.class).addChannel(Team.SECURITY, webhook("attacks", receiver.port()), STAFF);
        JdbcTemplate global =
                new JdbcTemplate(server.bean(Stores.class).global().dataSource());

        // Spraying: one address tries five accounts that do not exist.
        String sprayer = "203.0.113.50";
        for (int i = 0; i < 5; i++) {
            assertThat(wrongPassword("sprayed-" + i + "-" + UUID.randomUUID(), sprayer)
                            .statusCode())
                    .isEqualTo(401);
        }
        List<String> open = awaitRows(
                global,
                "select category from monitoring_alert where detection = 'password-spraying' and status = 'OPEN'"
                        + " and group_id is null");
        assertThat(open)
                .as("one open alert in the alert store, the repeats folded in")
                .containsExactly("SECURITY");
        assertThat(receiver.await("/attacks", "\"password-spraying\"", 1).get(0).body())
                .contains("\"OPENED\"", sprayer);
        awaitSent(attacks);
        assertThat(receiver.received("/attacks", "\"password-spraying\""))
                .as("sent to the security team's receiver once")
                .hasSize(1);

        // Stuffing: one member's password tried from five addresses; the group's admin reads the alert.
        String password = "a long admin passphrase " + UUID.randomUUID();
        String adminName = "stuffing-admin-" + UUID.randomUUID().toString().substring(0, 8);
        server.signingIn(UUID.randomUUID(), adminName, password, null);
        String token = TestMfa.enrol(server.client(), server::url, clock, adminName, password)
                .token();
        HttpResponse<String> created = bearer(token, "/api/v1/groups", "{\"name\":\"Maison\",\"region\":\"eu\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        UUID group = UUID.fromString(id.group(1));
        String memberName = "stuffed-" + UUID.randomUUID().toString().substring(0, 8);
        UUID member = server.signingIn(UUID.randomUUID(), memberName, "the member's own " + UUID.randomUUID(), null);
        // The admin makes the member a group operator (in process, as the admin).
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(adminName, null, List.of()));
        try {
            server.bean(Grants.class).grant(group, member, Role.GROUP_OPERATOR, false, false);
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (int i = 0; i < 5; i++) {
            assertThat(wrongPassword(memberName, "198.51.100." + (10 + i)).statusCode())
                    .isEqualTo(401);
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> seen = bearer(token, "/api/v1/groups/" + group + "/alerts?status=open", null);
        while (!seen.body().contains("\"credential-stuffing\"") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = bearer(token, "/api/v1/groups/" + group + "/alerts?status=open", null);
        }
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("\"credential-stuffing\"", "\"SECURITY\"", member.toString());
    }

    /** The rows the query finds, once it finds any (the detections count on a thread of their own). */
    private static List<String> awaitRows(JdbcTemplate store, String sql) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> found = store.queryForList(sql, String.class);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = store.queryForList(sql, String.class);
        }
        return found;
    }

    private static HttpResponse<String> wrongPassword(String username, String client) {
        return TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", client)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                                + "\",\"password\":\"a wrong guess\",\"name\":\"guess\"}"))
                        .build());
    }

    /** A GET (json null) or a POST of the json, as the holder of the token. */
    private static HttpResponse<String> bearer(String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return TestHttps.send(server.client(), request.build());
    }

    /** Until no delivery to the channel waits to be sent. */
    private static void awaitSent(Channel channel) throws InterruptedException {
        JdbcTemplate global =
                new JdbcTemplate(server.bean(Stores.class).global().dataSource());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (global.queryForObject(
                        "select count(*) from monitoring_delivery where channel_id = ? and sent_at is null",
                        Long.class,
                        channel.id())
                > 0) {
            assertThat(System.nanoTime())
                    .as("the channel's deliveries are sent")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static AlertRouting.ChannelSpec webhook(String path, int port) {
        return AlertReceiver.webhook(path, port);
    }

    private static void publish(AlertChanged change) {
        new TransactionTemplate(server.bean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> server.publish(change));
    }

    /** Until the routing listener has handled every alert change published so far. */
    private static void awaitRouted() throws InterruptedException {
        JdbcTemplate global =
                new JdbcTemplate(server.bean(Stores.class).global().dataSource());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (global.queryForObject(
                        "select count(*) from event_publication where listener_id = ? and completion_date is null",
                        Long.class,
                        AlertRouter.ID)
                > 0) {
            assertThat(System.nanoTime()).as("the routing listener is done").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Until none of the alert's deliveries to the channel waits to be sent, or the patience runs out. */
    private static void awaitNoneWaiting(AlertChanged alert, Channel channel) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (waiting(alert, channel) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static long waiting(AlertChanged alert, Channel channel) {
        Long count = new JdbcTemplate(server.bean(Stores.class).global().dataSource())
                .queryForObject(
                        "select count(*) from monitoring_delivery where alert_id = ? and channel_id = ?"
                                + " and sent_at is null",
                        Long.class,
                        alert.alertId(),
                        channel.id());
        return count == null ? 0 : count;
    }
}
