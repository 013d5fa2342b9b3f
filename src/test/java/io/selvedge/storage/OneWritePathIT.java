package io.selvedge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.collab.Comments;
import io.selvedge.content.Style;
import io.selvedge.content.StyleQuery;
import io.selvedge.content.Styles;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.NodeRenamed;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.testing.Customers;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One write path for a group's data (issue 16): a change and its events commit together, in the
 * group's region. A change that rolls back leaves no event anywhere, in every module that writes a
 * group's data; a failed creation leaves no home; a group's events never rest in the global store.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class OneWritePathIT {

    private static final Saboteur saboteur = new Saboteur();
    private static TestServer server;
    private static UUID group;
    private static UUID admin;
    private static String adminName;
    private static UUID viewer;
    private static TreeNode workroom;

    @BeforeAll
    static void aGroupWithAWorkroom() {
        server = TestServer.with().bean("saboteur", saboteur).start();
        Customers customers = new Customers(server.bean(Stores.class));
        Customers.Account account = customers.aCustomer("rollback-admin");
        admin = account.id();
        adminName = account.username();
        viewer = customers.aCustomer("rollback-viewer").id();
        group = server.bean(Groups.class).create("Maison Rollback", "eu", admin).id();
        Tree tree = server.bean(Tree.class);
        TreeNode company = tree.create(NodeKind.COMPANY, group, "Rollback SA", AuditActor.system());
        TreeNode brand = tree.create(NodeKind.BRAND, company.id(), "Brand", AuditActor.system());
        TreeNode season = tree.create(NodeKind.SEASON, brand.id(), "SS27", AuditActor.system());
        workroom = tree.create(NodeKind.WORKROOM, season.id(), "Knits", AuditActor.system());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEventPublishedInAUnitOfWorkThatRollsBackIsStoredNowhere() {
        UUID company = server.bean(Tree.class)
                .create(NodeKind.COMPANY, group, "Renamed SA", AuditActor.system())
                .id();

        assertThatThrownBy(() -> server.bean(GroupWrites.class).run(group, plane -> {
                    server.publish(new NodeRenamed(
                            group, company, NodeKind.COMPANY, AuditActor.system(), RequestOrigin.none()));
                    throw new IllegalStateException("forced rollback");
                }))
                .hasMessage("forced rollback");

        assertThat(outboxRowsOf("NodeRenamed")).isZero();
    }

    @Test
    void aChangeThatRollsBackPublishesNothingInAnyModuleThatWritesAGroupsData() {
        Style style = server.bean(Styles.class).create(workroom.id(), "Cardigan", "", List.of(), admin);

        rollsBack(
                "NodeCreated",
                () -> server.bean(Tree.class).create(NodeKind.COMPANY, group, "Never SA", AuditActor.system()));
        rollsBack("StyleCreated", () -> server.bean(Styles.class).create(workroom.id(), "Never", "", List.of(), admin));
        rollsBack("CommentPosted", () -> server.bean(Comments.class).post(style.id(), "never", null, null, admin));
        // A grant is made by someone: the group's admin, as in a request of theirs.
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(adminName, null, List.of()));
        try {
            rollsBack(
                    "RoleGranted",
                    () -> server.bean(Grants.class).grant(workroom.id(), viewer, Role.VIEWER, false, false));
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(server.bean(Styles.class)
                        .list(workroom.id(), new StyleQuery(null, null, StyleQuery.Sort.NAME, 200, null), id -> true)
                        .items())
                .extracting(Style::name)
                .doesNotContain("Never");
    }

    @Test
    void aCreationThatFailsLeavesNoHomeNoRowAndNoEvent() {
        UUID id = UUID.randomUUID();

        Consumer<GroupDataPlane> failing = plane -> {
            server.publish(new NodeRenamed(group, id, NodeKind.COMPANY, AuditActor.system(), RequestOrigin.none()));
            throw new IllegalStateException("forced failure");
        };

        assertThatThrownBy(() ->
                        server.bean(GroupWrites.class).create(group, NewResource.of(ResourceKind.NODE, id), failing))
                .hasMessage("forced failure");

        assertThat(server.bean(ResourceHomes.class).find(id)).isEmpty();
        assertThat(outboxRowsOf("NodeRenamed")).isZero();
    }

    @Test
    void aGroupsEventsAreDeliveredFromItsRegionAndNoneRestsInTheGlobalStore() {
        TreeNode company = server.bean(Tree.class).create(NodeKind.COMPANY, group, "Delivered SA", AuditActor.system());

        AuditTrail trail = server.bean(AuditTrail.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> trail.find(group, AuditFilter.all(), 200, null).entries().stream()
                        .anyMatch(entry -> entry.action().equals("company.created")
                                && company.id().toString().equals(entry.targetId())));
        Stores stores = server.bean(Stores.class);
        long globalGroupEvents = JdbcClient.create(stores.global().dataSource())
                .sql("select count(*) from event_publication where group_id is not null")
                .query(Long.class)
                .single();
        assertThat(globalGroupEvents).isZero();
        assertThat(server.bean(ResidencyReports.class).of(group).elsewhere()).isEmpty();
    }

    private static void rollsBack(String eventType, Runnable change) {
        Set<UUID> before = outboxIdsOf(eventType); // earlier changes' publications, delivered in their time
        saboteur.failOn(eventType);
        try {
            assertThatThrownBy(change::run).isInstanceOf(Sabotaged.class);
        } finally {
            saboteur.failOn(null);
        }
        assertThat(outboxIdsOf(eventType))
                .as("new publications of %s", eventType)
                .isSubsetOf(before);
    }

    private static long outboxRowsOf(String eventType) {
        return outboxIdsOf(eventType).size();
    }

    /** The publications of events of this type, in every store's outbox. */
    private static Set<UUID> outboxIdsOf(String eventType) {
        Set<UUID> ids = new HashSet<>();
        for (Store store : server.bean(Stores.class).all()) {
            ids.addAll(JdbcClient.create(store.dataSource())
                    .sql("select id from event_publication where event_type like ?")
                    .param("%." + eventType)
                    .query(UUID.class)
                    .list());
        }
        return ids;
    }

    /** Fails the publishing thread when an event of the armed type is published, as a broken write would. */
    static final class Saboteur implements ApplicationListener<ApplicationEvent> {

        private final AtomicReference<String> armed = new AtomicReference<>();

        void failOn(String eventType) {
            armed.set(eventType);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof AuditableEvent audited
                    && audited.getClass().getSimpleName().equals(armed.get())) {
                throw new Sabotaged();
            }
        }
    }

    static final class Sabotaged extends RuntimeException {
        Sabotaged() {
            super("sabotaged by the test");
        }
    }
}
