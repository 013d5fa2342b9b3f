package io.selvedge.audit.internal;

import static io.selvedge.audit.internal.AuditFixtures.awaitEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditTrail;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node that stops right after an action commits, before its audit listener wrote the entry, loses
 * nothing: the event is in the outbox (the event publication registry), and the next start delivers it.
 * The listener of the first node is held at a gate (a name look-up that never returns) so that the
 * node surely stops before it writes; the node is then shut down with the listener still held.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class AuditOutboxCrashIT {

    @Test
    void anActionCommittedJustBeforeTheNodeStopsIsOnTheTrailAfterTheRestart() throws Exception {
        Gate gate = new Gate();
        UUID group;
        TreeNode company;
        TestServer first = TestServer.with().bean("auditGate", gate).start();
        TestServer.Settings again = TestServer.Settings.sameInstallationAs(first);
        try {
            AuditTrail trail = first.bean(AuditTrail.class);
            group = first.bean(Groups.class)
                    .create("Maison Crash", "eu", UUID.randomUUID())
                    .id();
            awaitEntry(trail, group, entry -> entry.seq() == 2); // role.granted, group.created

            AuditFixtures.actAs("ada");
            try {
                company = first.bean(Tree.class).create(NodeKind.COMPANY, group, "Crash SA", AuditActor.system());
            } finally {
                AuditFixtures.actAsNobody();
            }

            assertThat(gate.reached.await(60, TimeUnit.SECONDS))
                    .as("the listener reached the gate")
                    .isTrue();
            JdbcTemplate global =
                    new JdbcTemplate(first.bean(Stores.class).region("eu").dataSource());
            List<String> pending = global.queryForList(
                    "select serialized_event from event_publication where completion_date is null"
                            + " and event_type like '%NodeCreated'",
                    String.class);
            assertThat(pending).hasSize(1);
            // The outbox keeps the event encrypted: neither the user agent nor the ids are in clear.
            assertThat(pending.get(0))
                    .startsWith(EncryptedEventSerializer.PREFIX)
                    .doesNotContain(AuditFixtures.USER_AGENT)
                    .doesNotContain(AuditFixtures.ADDRESS)
                    .doesNotContain(group.toString());
            assertThat(AuditFixtures.all(trail, group)).hasSize(2);
        } finally {
            first.close();
        }
        gate.open.countDown(); // the first node's listener, if it still runs, finds its stores closed

        try (TestServer second = again.start()) {
            AuditTrail trail = second.bean(AuditTrail.class);
            List<AuditEntry> entries =
                    awaitEntry(trail, group, entry -> entry.action().equals("company.created"));

            assertThat(entries)
                    .extracting(AuditEntry::action)
                    .containsExactly("role.granted", "group.created", "company.created");
            assertThat(entries.get(2).targetId()).isEqualTo(company.id().toString());
            assertThat(entries.get(2).targetName()).isEqualTo("Crash SA");
            assertThat(trail.verify(group).ok()).isTrue();
        }
    }

    /** Holds the audit listener when it looks up a company's name, until opened. */
    static final class Gate implements TargetNames, Ordered {

        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);

        @Override
        public Optional<String> nameOf(AuditTarget target) {
            if (target.kind().equals("company")) {
                reached.countDown();
                boolean opened = false;
                while (!opened) {
                    try {
                        open.await();
                        opened = true;
                    } catch (InterruptedException e) {
                        // a stopping node interrupts its threads: this one stays held all the same
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
