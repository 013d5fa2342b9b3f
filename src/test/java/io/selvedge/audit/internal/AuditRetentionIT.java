package io.selvedge.audit.internal;

import static io.selvedge.audit.internal.AuditFixtures.awaitEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Entries are kept for the retention (400 days by default), then purged behind a signed checkpoint from
 * which the chain still verifies; a purge without its checkpoint is found. The same installation shows
 * the events that need their own server: the first admin from the bootstrap settings, a node's purge.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class AuditRetentionIT {

    @Test
    void entriesPastTheRetentionArePurgedAndTheKeptChainStillVerifies() throws Exception {
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.with()
                .clock(clock)
                .property("selvedge.bootstrap.admin.username", "first-admin")
                .property("selvedge.bootstrap.admin.password", "correct horse battery staple 42")
                .start()) {
            // The first admin, made from the bootstrap settings at start, is on the platform trail.
            AuditEntry admin = awaitEntry(
                            server.bean(AuditTrail.class),
                            null,
                            entry -> entry.action().equals("platform-admin.created"))
                    .stream()
                    .filter(entry -> entry.action().equals("platform-admin.created"))
                    .findFirst()
                    .orElseThrow();
            assertThat(admin.actorKind()).isEqualTo(AuditActor.Kind.SYSTEM);
            assertThat(admin.targetKind()).isEqualTo("account");
            assertThat(admin.targetName()).isEqualTo("first-admin");

            AuditTrail trail = server.bean(AuditTrail.class);
            Tree tree = server.bean(Tree.class);
            TrailKeeper keeper = server.bean(TrailKeeper.class);
            Trails trails = server.bean(Trails.class);
            UUID group = server.bean(Groups.class)
                    .create("Maison", "eu", UUID.randomUUID())
                    .id();
            TreeNode company = tree.create(NodeKind.COMPANY, group, "Old SA", AuditActor.system());
            TreeNode brand = tree.create(NodeKind.BRAND, company.id(), "Old", AuditActor.system());
            awaitEntry(trail, group, entry -> entry.seq() == 4); // role.granted, group, company, brand
            assertThat(keeper.seal(trails.of(group))).isTrue();

            clock.advance(Duration.ofDays(399));
            assertThat(keeper.purge(trails.of(group))).isZero();
            clock.advance(Duration.ofDays(2));
            tree.create(NodeKind.COMPANY, group, "New SA", AuditActor.system());
            awaitEntry(trail, group, entry -> entry.seq() == 5);

            assertThat(keeper.purge(trails.of(group))).isEqualTo(4);

            List<AuditEntry> kept = AuditFixtures.all(trail, group);
            assertThat(kept).extracting(AuditEntry::seq).containsExactly(5L);
            assertThat(trail.verify(group)).isEqualTo(AuditVerification.passed(1));

            // The deleted node's restore window passes: its purge is on the trail, by the system.
            tree.delete(NodeKind.BRAND, brand.id(), AuditActor.system());
            clock.advance(Duration.ofDays(31));
            assertThat(tree.purgeExpired()).isEqualTo(1);
            AuditEntry purged = awaitEntry(trail, group, entry -> entry.action().equals("brand.purged")).stream()
                    .filter(entry -> entry.action().equals("brand.purged"))
                    .findFirst()
                    .orElseThrow();
            assertThat(purged.actorKind()).isEqualTo(AuditActor.Kind.SYSTEM);
            assertThat(purged.targetId()).isEqualTo(brand.id().toString());
            assertThat(trail.verify(group).ok()).isTrue();

            // Without its checkpoint, the purged start of the chain reads as removed entries.
            JdbcTemplate eu =
                    new JdbcTemplate(server.bean(Stores.class).region("eu").dataSource());
            eu.update("delete from audit_seal where group_id = ? and kind = 'CHECKPOINT'", group);
            assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(0, 1, "removed"));
        }
    }
}
