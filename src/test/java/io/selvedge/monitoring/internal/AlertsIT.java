package io.selvedge.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.monitoring.Alerts;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.Trails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.context.WebApplicationContext;

/**
 * Alerts end to end on the store the run chooses (H2, then PostgreSQL in CI): repeats raised in parallel fold
 * into one open alert in the global store and in a group's region, a resolved key opens a new alert, a raise
 * that rolls back leaves no row and publishes nothing, each change publishes {@link AlertChanged} once it
 * committed, a critical alert nobody acknowledged escalates once; staff and the group's admins see and act
 * on them in the API and on their pages, and anyone else finds none.
 */
@SelvedgeIntegrationTest
class AlertsIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    GroupWrites writes;

    @Autowired
    TransactionOperations globalTransactions;

    @Autowired
    FieldCiphers ciphers;

    @Autowired
    Alerts alerts;

    @Autowired
    AlertBook book;

    @Autowired
    AlertRows rows;

    @Autowired
    AuditTrail trail;

    @Autowired
    ApiCalls api;

    final List<AlertChanged> committed = new CopyOnWriteArrayList<>();
    CommittedChanges listener;
    Customers.Account admin;
    UUID group;

    @BeforeEach
    void setUp() throws Exception {
        // Called after the change committed, as the outbox's listeners are: a rolled-back change never gets here.
        listener = new CommittedChanges(committed);
        ((ConfigurableApplicationContext) context).addApplicationListener(listener);
        admin = api.customers().aCustomer("alerts-admin");
        group = UUID.fromString(api.aGroup(admin, "Maison", "eu"));
    }

    @AfterEach
    void tearDown() {
        context.getBean(
                        AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                        ApplicationEventMulticaster.class)
                .removeApplicationListener(listener);
    }

    @Test
    void repeatsRaisedInParallelFoldIntoOneOpenAlertInEachStoreAndRollingBackLeavesNothing() throws Exception {
        AlertSignal ofGroup = signal(group, "credential-stuffing", AlertSeverity.WARNING);
        AlertSignal ofInstallation = signal(null, "store-unhealthy", AlertSeverity.CRITICAL);

        raiseInParallel(ofGroup, ofInstallation, 8);

        Alert groupAlert = onlyAlertOf(ofGroup);
        Alert installationAlert = onlyAlertOf(ofInstallation);
        assertThat(groupAlert.signals()).isEqualTo(8);
        assertThat(installationAlert.signals()).isEqualTo(8);
        assertThat(groupAlert.groupId()).isEqualTo(group);
        assertThat(groupAlert.details())
                .containsEntry("address", ofGroup.details().get("address"));
        assertThat(changes(groupAlert.id())).containsExactly(AlertChanged.Change.OPENED);
        assertThat(changes(installationAlert.id())).containsExactly(AlertChanged.Change.OPENED);
        AlertConsole console = context.getBean(AlertConsole.class);
        assertThat(console.timelineOf(groupAlert))
                .extracting(Alert.Step::kind, Alert.Step::signals)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Alert.Step.Kind.OPENED, 1L),
                        org.assertj.core.groups.Tuple.tuple(Alert.Step.Kind.REPEATED, 8L));

        // Rows in the store, the key only as its keyed hash, re-read as after a restart.
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        JdbcTemplate global = new JdbcTemplate(stores.global().dataSource());
        assertThat(eu.queryForObject(
                        "select signals from monitoring_alert where id = ? and group_id = ?",
                        Long.class,
                        groupAlert.id(),
                        group))
                .isEqualTo(8);
        assertThat(global.queryForObject(
                        "select count(*) from monitoring_alert where id = ?", Long.class, groupAlert.id()))
                .as("a group's alert stays in its region")
                .isZero();
        assertThat(eu.queryForList(
                                "select dedup_hash, dedup_key, summary from monitoring_alert where id = ?",
                                groupAlert.id())
                        .get(0)
                        .values())
                .noneMatch(value -> String.valueOf(value).contains(ofGroup.dedupKey()));
        assertThat(global.queryForObject(
                        "select status from monitoring_alert where id = ?", String.class, installationAlert.id()))
                .isEqualTo("OPEN");

        // A raise that rolls back stores nothing and publishes nothing, in either store.
        AlertSignal rolledBack = signal(null, "store-unhealthy", AlertSeverity.CRITICAL);
        globalTransactions.executeWithoutResult(tx -> {
            alerts.raise(rolledBack);
            tx.setRollbackOnly();
        });
        AlertSignal rolledBackInGroup = signal(group, "credential-stuffing", AlertSeverity.WARNING);
        try {
            writes.run(group, plane -> {
                alerts.raise(rolledBackInGroup);
                throw new IllegalStateException("the change that raised it failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(committed)
                .noneMatch(change -> change.summary().equals(rolledBack.summary())
                        || change.summary().equals(rolledBackInGroup.summary()));
        assertThat(alertsWith(rolledBack)).isEmpty();
        assertThat(alertsWith(rolledBackInGroup)).isEmpty();

        // Resolved, the key opens a new alert next time.
        book.resolve(new AlertBook.AlertRef(groupAlert.id(), group), admin.id());
        alerts.raise(ofGroup);
        assertThat(alertsWith(ofGroup))
                .hasSize(2)
                .filteredOn(alert -> alert.status() == AlertStatus.OPEN)
                .hasSize(1);
        assertThat(changes(groupAlert.id())).containsExactly(AlertChanged.Change.OPENED, AlertChanged.Change.RESOLVED);

        // Nobody acknowledged the critical one: it escalates once when its time is up, not before.
        MovableClock clock = new MovableClock();
        AlertEscalation escalation = new AlertEscalation(
                stores,
                rows,
                book,
                new AlertProperties(Duration.ofMinutes(15), Duration.ofMinutes(1), "docs/runbooks/"),
                clock);
        clock.advance(Duration.ofMinutes(14));
        escalation.escalateDue();
        assertThat(changes(installationAlert.id())).containsExactly(AlertChanged.Change.OPENED);
        clock.advance(Duration.ofMinutes(1));
        escalation.escalateDue();
        escalation.escalateDue();
        assertThat(changes(installationAlert.id()))
                .containsExactly(AlertChanged.Change.OPENED, AlertChanged.Change.ESCALATED);
        assertThat(onlyAlertOf(ofInstallation).escalatedAt()).isNotNull();
    }

    @Test
    void staffAndTheGroupsAdminsSeeAndManageAlertsInTheApiAndOnTheirPagesAndOthersFindNone() throws Exception {
        AlertSignal ofGroup = signal(group, "credential-stuffing", AlertSeverity.CRITICAL);
        AlertSignal ofInstallation = signal(null, "certificate-expiring", AlertSeverity.WARNING);
        alerts.raise(ofGroup);
        alerts.raise(ofInstallation);
        UUID groupAlert = onlyAlertOf(ofGroup).id();
        UUID installationAlert = onlyAlertOf(ofInstallation).id();
        Customers.Account staff = api.customers().aPlatformAdmin("alerts-staff");
        RequestPostProcessor support = staffWithRole("SUPPORT");
        Customers.Account stranger = api.customers().aCustomer("alerts-stranger");

        // The group's admin: the group's alerts, one with its timeline and runbook, and acknowledges it.
        api.as(admin, get("/api/v1/groups/" + group + "/alerts?status=open&severity=critical"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(groupAlert.toString())));
        api.as(admin, get("/api/v1/groups/" + group + "/alerts/" + groupAlert), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alert.summary").value(ofGroup.summary()))
                .andExpect(jsonPath("$.alert.runbook").value("docs/runbooks/credential-stuffing.md"))
                .andExpect(jsonPath("$.timeline[0].change").value("OPENED"));
        api.as(admin, get("/api/v1/groups/" + group + "/alerts/" + installationAlert), null)
                .andExpect(status().isNotFound());
        api.as(admin, post("/api/v1/groups/" + group + "/alerts/" + groupAlert + "/acknowledge"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value(admin.id().toString()));
        assertThat(committed)
                .filteredOn(change ->
                        change.alertId().equals(groupAlert) && change.change() == AlertChanged.Change.ACKNOWLEDGED)
                .singleElement()
                .satisfies(change -> assertThat(change.by()).isEqualTo(admin.id()));
        assertThat(entries(group, "alert.acknowledged", groupAlert))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.actorId()).isEqualTo(admin.id().toString()));

        // Staff: every alert, filtered; support reads but may not act; a platform admin resolves.
        api.as(staff, get("/api/v1/alerts?category=operations&limit=200"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.hasItem(installationAlert.toString())))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.not(Matchers.hasItem(groupAlert.toString()))));
        api.as(staff, get("/api/v1/alerts?limit=1"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());
        ApiCalls.problem(api.as(staff, get("/api/v1/alerts?severity=loud"), null), 400);
        for (String cursor : List.of("bm90LWEta2V5", "!!", "AA==", "A".repeat(600), "MDA1")) {
            ApiCalls.problem(api.as(staff, get("/api/v1/alerts").param("cursor", cursor), null), 400);
        }
        api.mvc()
                .perform(get("/api/v1/alerts/" + groupAlert).with(support))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alert.groupId").value(group.toString()));
        ApiCalls.problem(
                api.mvc()
                        .perform(post("/api/v1/alerts/" + installationAlert + "/resolve")
                                .with(support)),
                403);
        api.as(staff, post("/api/v1/alerts/" + installationAlert + "/resolve"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"));
        ApiCalls.problem(api.as(staff, post("/api/v1/alerts/" + installationAlert + "/acknowledge"), null), 409);
        assertThat(entries(null, "alert.resolved", installationAlert)).hasSize(1);

        // Anyone else finds no alert.
        ApiCalls.problem(api.as(stranger, get("/api/v1/alerts"), null), 404);
        ApiCalls.problem(api.as(stranger, get("/api/v1/alerts/" + groupAlert), null), 404);
        api.as(stranger, get("/api/v1/groups/" + group + "/alerts"), null).andExpect(status().isNotFound());

        // The pages: the staff's incidents, the group's alerts in its admin console.
        // Staff and group admins must use MFA on the web pages: these have.
        new JdbcTemplate(stores.global().dataSource())
                .update("update account set mfa_enrolled = true where id in (?, ?)", staff.id(), admin.id());
        api.mvc()
                .perform(get("/platform/incidents").with(signedIn(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(ofGroup.summary())))
                .andExpect(content().string(Matchers.containsString("alert-" + groupAlert)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(ofInstallation.summary()))));
        api.mvc().perform(get("/platform/incidents").with(signedIn(stranger))).andExpect(status().isNotFound());
        api.mvc()
                .perform(get("/admin/groups/" + group + "/alerts").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(ofGroup.summary())))
                .andExpect(content().string(Matchers.containsString("docs/runbooks/credential-stuffing.md")));
        api.mvc()
                .perform(post("/admin/groups/" + group + "/alerts/" + groupAlert + "/resolve")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/groups/" + group + "/alerts"));
        assertThat(onlyAlertOf(ofGroup).status()).isEqualTo(AlertStatus.RESOLVED);
        api.mvc()
                .perform(get("/admin/groups/" + group + "/alerts").with(signedIn(stranger)))
                .andExpect(status().isNotFound());
    }

    private void raiseInParallel(AlertSignal one, AlertSignal other, int times) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> raised = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                for (AlertSignal signal : List.of(one, other)) {
                    raised.add(threads.submit(() -> {
                        start.await();
                        alerts.raise(signal);
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> each : raised) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private AlertSignal signal(UUID groupId, String detection, AlertSeverity severity) {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new AlertSignal(
                detection,
                severity,
                groupId == null ? AlertCategory.OPERATIONS : AlertCategory.SECURITY,
                groupId,
                detection + ":" + address + ":" + id,
                "Signals from " + address + " (" + id + ")",
                Map.of("address", address, "threshold", "10"));
    }

    /** The alerts the signal's key opened, in the store it belongs to, read afresh. */
    private List<Alert> alertsWith(AlertSignal signal) {
        AlertConsole console = new AlertConsole(stores, planes, rows, ciphers);
        AlertConsole.Page page = signal.groupId() == null
                ? console.everyAlert(new AlertRows.Filter(null, null, null), 200, null)
                : console.alertsOf(signal.groupId(), new AlertRows.Filter(null, null, null), 200, null);
        return page.items().stream()
                .filter(alert -> alert.dedupKey().equals(signal.dedupKey()))
                .toList();
    }

    private Alert onlyAlertOf(AlertSignal signal) {
        List<Alert> found = alertsWith(signal);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<AlertChanged.Change> changes(UUID alertId) {
        return committed.stream()
                .filter(change -> change.alertId().equals(alertId))
                .map(AlertChanged::change)
                .toList();
    }

    /** Calls the API as a staff member of the role, with the scopes a staff token carries. */
    private RequestPostProcessor staffWithRole(String role) {
        return api.customers().aStaffMember("alerts-" + role, role).caller();
    }

    /** As the account signed in on the web pages: staff with a passkey, a customer with a password and a code. */
    private static RequestPostProcessor signedIn(Customers.Account account) {
        if (account.staff()) {
            return user(account.username())
                    .authorities(
                            FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY),
                            new SimpleGrantedAuthority("STAFF_PLATFORM_ADMIN"));
        }
        return user(account.username())
                .authorities(
                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                        FactorGrantedAuthority.fromAuthority("FACTOR_TOTP"));
    }

    /** The trail's entries of the action on the alert, once delivered (the outbox is asynchronous). */
    private List<AuditEntry> entries(UUID groupId, String action, UUID alertId) throws InterruptedException {
        AuditFilter filter = new AuditFilter(null, action, "alert", alertId.toString(), null, null, null);
        return Trails.awaitEntries(trail, groupId, filter, 1, Duration.ofSeconds(20));
    }

    /**
     * Hears each {@link AlertChanged} after the change committed, as the outbox's listeners do: a rolled-back
     * change never gets here. Named, as the event publication registry names every listener it records.
     */
    static final class CommittedChanges
            extends TransactionalApplicationListenerAdapter<PayloadApplicationEvent<AlertChanged>> {

        CommittedChanges(List<AlertChanged> heard) {
            super(event -> heard.add(event.getPayload()));
            setListenerId(AlertsIT.class.getName() + ".committed");
        }
    }
}
