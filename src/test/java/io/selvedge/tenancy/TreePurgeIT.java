package io.selvedge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/** A deleted node can be restored for 30 days; after that it is purged, with what it took along. */
@ExtendWith(TestDatabase.AvailableCondition.class)
class TreePurgeIT {

    @Test
    void aDeletedNodeIsRestorableForThirtyDaysThenPurged() {
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.with().clock(clock).start()) {
            Groups groups = server.bean(Groups.class);
            Tree tree = server.bean(Tree.class);
            UUID group = groups.create("Maison", "eu", UUID.randomUUID()).id();
            TreeNode company = tree.create(NodeKind.COMPANY, group, "Ourse SA", AuditActor.system());
            TreeNode brand = tree.create(NodeKind.BRAND, company.id(), "Ourse", AuditActor.system());
            TreeNode season = tree.create(NodeKind.SEASON, brand.id(), "SS27", AuditActor.system());
            TreeNode kept = tree.create(NodeKind.BRAND, company.id(), "Petite Ourse", AuditActor.system());

            tree.delete(NodeKind.BRAND, brand.id(), AuditActor.system());
            clock.advance(Duration.ofDays(29));
            assertThat(tree.purgeExpired()).isZero();
            assertThat(tree.restore(NodeKind.BRAND, brand.id(), AuditActor.system())
                            .name())
                    .isEqualTo("Ourse");
            assertThat(tree.get(NodeKind.SEASON, season.id()).name()).isEqualTo("SS27");

            NodeDeleted deleted = tree.delete(NodeKind.BRAND, brand.id(), AuditActor.system());
            assertThat(deleted.restorableUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
            clock.advance(Duration.ofDays(30).plusSeconds(1));

            assertThatThrownBy(() -> tree.restore(NodeKind.BRAND, brand.id(), AuditActor.system()))
                    .isInstanceOf(NoSuchNodeException.class);
            assertThat(tree.purgeExpired()).isEqualTo(2);
            assertThatThrownBy(() -> tree.restore(NodeKind.BRAND, brand.id(), AuditActor.system()))
                    .isInstanceOf(NoSuchNodeException.class);
            assertThat(tree.children(NodeKind.BRAND, company.id(), 10, null).items())
                    .containsExactly(kept);
            JdbcTemplate eu =
                    new JdbcTemplate(server.bean(Stores.class).region("eu").dataSource());
            assertThat(eu.queryForObject("select count(*) from tenancy_node where group_id = ?", Integer.class, group))
                    .isEqualTo(2);
            JdbcTemplate global =
                    new JdbcTemplate(server.bean(Stores.class).global().dataSource());
            assertThat(global.queryForObject(
                            "select count(*) from resource_home where id in (?, ?)",
                            Integer.class,
                            brand.id(),
                            season.id()))
                    .isZero();
        }
    }
}
