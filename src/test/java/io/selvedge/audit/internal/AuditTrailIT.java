package io.selvedge.audit.internal;

import static io.selvedge.audit.internal.AuditFixtures.ADDRESS;
import static io.selvedge.audit.internal.AuditFixtures.USER_AGENT;
import static io.selvedge.audit.internal.AuditFixtures.actAs;
import static io.selvedge.audit.internal.AuditFixtures.actAsNobody;
import static io.selvedge.audit.internal.AuditFixtures.awaitEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditPage;
import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.audit.ExportFormat;
import io.selvedge.crypto.CiphertextTamperedException;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.KeysRotated;
import io.selvedge.identity.PlatformAdminCreated;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.Commands;
import io.selvedge.platform.OperatorCommand;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeCreated;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail end to end: events of every wired kind become entries with their actor, target and
 * outcome; the chain verifies, and each kind of tampering with the rows is found and named.
 */
@SelvedgeIntegrationTest
class AuditTrailIT {

    @Autowired
    AuditTrail trail;

    @Autowired
    Groups groups;

    @Autowired
    Tree tree;

    @Autowired
    GroupKeys groupKeys;

    @Autowired
    FieldCiphers ciphers;

    @Autowired
    Stores stores;

    @Autowired
    JdbcTemplate global;

    @Autowired
    Trails trails;

    @Autowired
    TrailKeeper keeper;

    @Autowired
    TrailWriter writer;

    @Autowired
    FailedDeliveries failedDeliveries;

    @Autowired
    EncryptedEventSerializer serializer;

    @Autowired
    List<OperatorCommand> commands;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    final String username = "auditor-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void everyChangeOfTheTreeIsOnTheGroupsTrailWithItsActorTargetAndOrigin() throws Exception {
        UUID account = AuditFixtures.anAccount(global, username);
        String requestId = actAs(username);
        UUID group = groups.create("Maison Audit", "eu", account).id();
        TreeNode company = tree.create(NodeKind.COMPANY, group, "Audit SA", AuditActor.account(account));
        TreeNode brand = tree.create(NodeKind.BRAND, company.id(), "Audit", AuditActor.account(account));
        TreeNode spring = tree.create(NodeKind.SEASON, brand.id(), "SS27", AuditActor.account(account));
        TreeNode autumn = tree.create(NodeKind.SEASON, brand.id(), "AW27", AuditActor.account(account));
        TreeNode room = tree.create(NodeKind.WORKROOM, spring.id(), "Denim", AuditActor.account(account));
        tree.rename(NodeKind.WORKROOM, room.id(), "Denim lab", AuditActor.account(account));
        tree.move(NodeKind.WORKROOM, room.id(), autumn.id(), AuditActor.account(account));
        tree.delete(NodeKind.WORKROOM, room.id(), AuditActor.account(account));
        tree.restore(NodeKind.WORKROOM, room.id(), AuditActor.account(account));

        // The access module grants the creator the group-admin role first (on the trail as role.granted),
        // in the creator's name.
        List<AuditEntry> entries = awaitEntry(trail, group, action("workroom.restored"));

        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly(
                        "role.granted",
                        "group.created",
                        "company.created",
                        "brand.created",
                        "season.created",
                        "season.created",
                        "workroom.created",
                        "workroom.renamed",
                        "workroom.moved",
                        "workroom.deleted",
                        "workroom.restored");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actorKind()).isEqualTo(AuditActor.Kind.ACCOUNT);
            assertThat(entry.actorId()).isEqualTo(account.toString());
            assertThat(entry.actorName()).isEqualTo(username);
            assertThat(entry.address()).isEqualTo(ADDRESS);
            assertThat(entry.userAgent()).isEqualTo(USER_AGENT);
            assertThat(entry.requestId()).isEqualTo(requestId);
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        });
        assertThat(entries.get(0).targetKind()).isEqualTo("account");
        assertThat(entries.get(0).targetId()).isEqualTo(account.toString());
        assertThat(entries.get(1).targetKind()).isEqualTo("group");
        assertThat(entries.get(1).targetId()).isEqualTo(group.toString());
        assertThat(entries.get(1).targetName()).isEqualTo("Maison Audit");
        assertThat(entries.get(2).targetName()).isEqualTo("Audit SA");
        AuditEntry renamed = entries.get(7);
        assertThat(renamed.targetKind()).isEqualTo("workroom");
        assertThat(renamed.targetId()).isEqualTo(room.id().toString());
        assertThat(renamed.targetName()).isEqualTo("Denim lab");
        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.passed(11));
    }

    @Test
    void aTamperedFieldAndARotationOfTheGroupsKeysAreOnItsTrail() throws Exception {
        UUID group = aGroup();
        byte[] field = ciphers.of(group).encrypt("coat".getBytes(StandardCharsets.UTF_8), "style", "name", "row-1");
        field[field.length - 1] ^= 1;
        assertThatThrownBy(() -> ciphers.of(group).decrypt(field, "style", "name", "row-1"))
                .isInstanceOf(CiphertextTamperedException.class);

        AuditEntry tamper = find(group, action("tamper.detected"));
        assertThat(tamper.actorKind()).isEqualTo(AuditActor.Kind.SYSTEM);
        assertThat(tamper.targetKind()).isEqualTo("field");
        assertThat(tamper.targetId()).isEqualTo("style.name#row-1");
        assertThat(tamper.outcome()).isEqualTo(AuditOutcome.FAILED);

        UUID account = AuditFixtures.anAccount(global, username);
        actAs(username);
        groupKeys.rotate(group, AuditActor.account(account));
        AuditEntry rotated = find(group, action("keys.rotated"));
        assertThat(rotated.actorId()).isEqualTo(account.toString());
        assertThat(rotated.targetKind()).isEqualTo("group");
        assertThat(rotated.targetId()).isEqualTo(group.toString());
        assertThat(rotated.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void aKekRotationAndTheFirstAdminAreOnThePlatformTrail() throws Exception {
        int exit = command("keys")
                .run(List.of("rotate-kek", "--region", "eu"), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        AuditEntry kek =
                find(null, entry -> entry.action().equals("kek.rotated") && "region-eu".equals(entry.targetId()));
        assertThat(kek.actorKind()).isEqualTo(AuditActor.Kind.SYSTEM);
        assertThat(kek.targetKind()).isEqualTo("store");
        assertThat(kek.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);

        UUID admin = AuditFixtures.anAccount(global, username);
        actAs(username);
        // What FirstAdmin publishes when the setup link is spent, in its transaction.
        transactions.executeWithoutResult(
                status -> events.publishEvent(new PlatformAdminCreated(admin, username, "setup link")));
        AuditEntry created = find(
                null,
                entry -> entry.action().equals("platform-admin.created")
                        && admin.toString().equals(entry.targetId()));
        assertThat(created.actorId()).isEqualTo(admin.toString());
        assertThat(created.actorName()).isEqualTo(username);
        assertThat(created.targetName()).isEqualTo(username);
        assertThat(created.address()).isEqualTo(ADDRESS);
        assertThat(trail.verify(null).ok()).isTrue();
    }

    @Test
    void anAlteredEntryIsNamed() throws Exception {
        UUID group = aGroupWithEntries(5);
        JdbcTemplate eu = eu();
        eu.update("update audit_entry set action = 'company.renamed' where group_id = ? and seq = 3", group);

        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(3, 3, "altered"));
        assertThat(verifyCommand(group)).isEqualTo(1);
    }

    @Test
    void anAlteredEntryWhoseHashWasRecomputedIsNamedByTheNextEntry() throws Exception {
        UUID group = aGroupWithEntries(5);
        StoredEntry third = stored(group, 3);
        StoredEntry forged = AuditFixtures.withAction(third, "company.viewed");
        // A forger who holds the group's key: the hash of chain version 2 over the plaintexts and the salt.
        Trail groupTrail = trails.of(group);
        String salt = PlaintextChain.decrypt(
                groupTrail,
                eu().queryForObject(
                                "select hash_salt from audit_entry where group_id = ? and seq = 3",
                                String.class,
                                group),
                TrailRepository.HASH_SALT,
                3);
        String hash = PlaintextChain.plaintexts(groupTrail, forged).plaintextHash(group, salt);
        eu().update(
                        "update audit_entry set action = 'company.viewed', hash = ? where group_id = ? and seq = 3",
                        hash,
                        group);

        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(4, 3, "altered"));
    }

    @Test
    void aRemovedEntryIsNamed() throws Exception {
        UUID group = aGroupWithEntries(5);
        eu().update("delete from audit_entry where group_id = ? and seq = 2", group);

        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(1, 2, "removed"));
    }

    @Test
    void theLastEntryRemovedIsNamedByTheHead() throws Exception {
        UUID group = aGroupWithEntries(5);
        eu().update("delete from audit_entry where group_id = ? and seq = 7", group);

        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(6, 7, "removed"));
    }

    @Test
    void removedLastEntriesWithTheHeadRewrittenAreNamedByTheSeal() throws Exception {
        UUID group = aGroupWithEntries(5);
        assertThat(keeper.seal(trails.of(group))).isTrue();
        StoredEntry fourth = stored(group, 4);
        eu().update("delete from audit_entry where group_id = ? and seq > 4", group);
        eu().update("update audit_trail_head set last_seq = 4, last_hash = ? where group_id = ?", fourth.hash(), group);

        assertThat(trail.verify(group).firstBadEntry()).isEqualTo(5);
        assertThat(trail.verify(group).ok()).isFalse();
    }

    @Test
    void anEntryInsertedInTheMiddleIsNamed() throws Exception {
        UUID group = aGroupWithEntries(5);
        JdbcTemplate eu = eu();
        for (long seq = 7; seq >= 3; seq--) {
            eu.update("update audit_entry set seq = ? where group_id = ? and seq = ?", seq + 1, group, seq);
        }
        StoredEntry second = stored(group, 2);
        StoredEntry forged = AuditFixtures.systemEntry(
                group,
                3,
                second.occurredAt(),
                "company.deleted",
                "company",
                UUID.randomUUID().toString(),
                second.hash());
        eu.update(
                "insert into audit_entry (group_id, seq, occurred_at, actor_kind, action, target_kind, target_id,"
                        + " outcome, prev_hash, hash) values (?, 3, ?, 'SYSTEM', 'company.deleted', 'company', ?,"
                        + " 'SUCCEEDED', ?, ?)",
                group,
                java.sql.Timestamp.from(forged.occurredAt()),
                forged.targetId(),
                forged.prevHash(),
                forged.hash());

        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(4, 3, "inserted"));
        // The renumbered entries' ciphertexts no longer match their rows: they read as unreadable, not as a failure.
        assertThat(AuditFixtures.all(trail, group).get(3).actorName()).isNull();
        assertThat(AuditFixtures.all(trail, group).get(3).targetName()).isEqualTo(TrailReader.UNREADABLE);
    }

    @Test
    void anEntryInsertedAfterTheHeadIsNamed() throws Exception {
        UUID group = aGroupWithEntries(2);
        StoredEntry last = stored(group, 4);
        StoredEntry forged = AuditFixtures.systemEntry(
                group, 5, last.occurredAt(), "group.exported", "group", group.toString(), last.hash());
        eu().update(
                        "insert into audit_entry (group_id, seq, occurred_at, actor_kind, action, target_kind, target_id,"
                                + " outcome, prev_hash, hash) values (?, 5, ?, 'SYSTEM', 'group.exported', 'group', ?,"
                                + " 'SUCCEEDED', ?, ?)",
                        group,
                        java.sql.Timestamp.from(forged.occurredAt()),
                        group.toString(),
                        forged.prevHash(),
                        forged.hash());

        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(4, 5, "inserted"));
    }

    @Test
    void aDeliveryThatFailedIsDeliveredAgain() throws Exception {
        UUID group = aGroupWithEntries(1);
        JdbcTemplate eu = eu();
        // A stray row holds the next place: the next delivery fails and stays in the outbox.
        eu.update(
                "insert into audit_entry (group_id, seq, occurred_at, actor_kind, action, target_kind, outcome,"
                        + " prev_hash, hash) values (?, 4, ?, 'SYSTEM', 'stray', 'stray', 'SUCCEEDED', ?, ?)",
                group,
                java.sql.Timestamp.from(java.time.Instant.now()),
                StoredEntry.GENESIS,
                StoredEntry.GENESIS);
        TreeNode company = tree.create(NodeKind.COMPANY, group, "Delayed SA", AuditActor.system());
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(60);
        while (failedPublications(group, company.id()) == 0
                && java.time.Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertThat(failedPublications(group, company.id())).isEqualTo(1);
        eu.update("delete from audit_entry where group_id = ? and seq = 4", group);

        failedDeliveries.retry();

        AuditEntry delivered = find(group, action("company.created").and(entry -> entry.seq() == 4));
        assertThat(delivered.targetId()).isEqualTo(company.id().toString());
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.passed(4));
    }

    /**
     * Failed publications of the audit listener, in the group's region's outbox (their events are
     * encrypted under the group's key: found by the node's id in clear after decryption).
     */
    private int failedPublications(UUID group, UUID nodeId) {
        return (int) eu()
                .queryForList(
                        "select serialized_event from event_publication where completion_date is null and status = ?"
                                + " and listener_id = ? and event_type = ?",
                        String.class,
                        "FAILED",
                        "io.selvedge.audit.trail",
                        NodeCreated.class.getName())
                .stream()
                .map(serialized -> serializer.deserialize(serialized, NodeCreated.class, group))
                .filter(event -> nodeId.equals(event.nodeId()))
                .count();
    }

    @Test
    void theCommandVerifiesAGroupsTrailAndRefusesBadUsage() throws Exception {
        UUID group = aGroupWithEntries(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(command("audit").run(List.of("verify", "--group", group.toString()), new PrintStream(out)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact: 3 entries checked");
        assertThat(command("audit").run(List.of("verify"), new PrintStream(out)))
                .isEqualTo(2);
        assertThat(command("audit").run(List.of("verify", "--group", "not-a-uuid"), new PrintStream(out)))
                .isEqualTo(2);
        assertThat(command("audit").run(List.of("check"), new PrintStream(out))).isEqualTo(2);
    }

    @Test
    void aForgedSealIsRefused() throws Exception {
        UUID group = aGroupWithEntries(1);
        assertThat(keeper.seal(trails.of(group))).isTrue();
        eu().update("update audit_seal set hash = ? where group_id = ?", "f".repeat(64), group);

        assertThat(trail.verify(group).ok()).isFalse();
        assertThat(trail.verify(group).problem()).isEqualTo("seal signature invalid");
    }

    @Test
    void theTrailReadsByFilterAndPageAndExportsSafelyAsCsvAndJsonLines() throws Exception {
        UUID account = AuditFixtures.anAccount(global, username);
        actAs(username);
        UUID group = groups.create("Maison Export", "eu", account).id();
        TreeNode company =
                tree.create(NodeKind.COMPANY, group, "=HYPERLINK(\"http://evil.test\")", AuditActor.account(account));
        // Names are those at the time of writing: let the creation's entry be written before the renames.
        awaitEntry(trail, group, entry -> entry.seq() == 3);
        for (int i = 0; i < 4; i++) {
            tree.rename(NodeKind.COMPANY, company.id(), "Name, \"" + i + "\"", AuditActor.account(account));
        }
        awaitEntry(trail, group, entry -> entry.seq() == 7);

        AuditPage first =
                trail.find(group, new AuditFilter(null, "company.renamed", null, null, null, null, null), 3, null);
        assertThat(first.entries()).extracting(AuditEntry::seq).containsExactly(7L, 6L, 5L);
        AuditPage second = trail.find(
                group, new AuditFilter(null, "company.renamed", null, null, null, null, null), 3, first.nextCursor());
        assertThat(second.entries()).extracting(AuditEntry::seq).containsExactly(4L);
        assertThat(second.nextCursor()).isNull();
        assertThat(trail.find(
                                group,
                                new AuditFilter(account.toString(), null, "group", null, null, null, null),
                                10,
                                null)
                        .entries())
                .extracting(AuditEntry::action)
                .containsExactly("group.created");
        assertThat(trail.find(group, new AuditFilter(null, null, null, null, AuditOutcome.FAILED, null, null), 10, null)
                        .entries())
                .isEmpty();
        assertThat(trail.find(
                                group,
                                new AuditFilter(null, null, null, company.id().toString(), null, null, null),
                                10,
                                null)
                        .entries())
                .hasSize(5);
        assertThatThrownBy(() -> trail.find(group, AuditFilter.all(), 10, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.find(group, AuditFilter.all(), 0, null))
                .isInstanceOfSatisfying(
                        Refusal.class, refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        trail.export(group, AuditFilter.all(), ExportFormat.CSV, csv, AuditActor.account(account));
        String[] lines = csv.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("seq,time,actor_kind");
        // The export's own entry is recorded before the first line: it may already be among them.
        assertThat(lines.length).isBetween(8, 9);
        assertThat(lines[3]).contains("\"'=HYPERLINK(\"\"http://evil.test\"\")\"");
        assertThat(lines[3]).doesNotContain(",\"=");
        assertThat(lines[7]).contains("\"Name, \"\"3\"\"\"");

        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        trail.export(group, AuditFilter.all(), ExportFormat.JSONL, jsonl, AuditActor.account(account));
        String[] objects = jsonl.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(objects.length).isGreaterThanOrEqualTo(6);
        assertThat(objects[1]).startsWith("{\"seq\":2,").contains("\"action\":\"group.created\"");
        assertThat(objects[1]).contains("\"actorName\":\"" + username + "\"");

        AuditEntry exported = find(group, action("audit-trail.exported"));
        assertThat(exported.actorId()).isEqualTo(account.toString());
        assertThat(exported.targetId()).isEqualTo(group.toString());
    }

    @Test
    void concurrentActionsLoseNoEntryAndTheChainVerifies() throws Exception {
        UUID group = groups.create("Maison Load", "eu", UUID.randomUUID()).id();
        int threads = 8;
        int each = 20;
        List<TreeNode> companies = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            companies.add(tree.create(NodeKind.COMPANY, group, "Load " + t, AuditActor.system()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TreeNode company = companies.get(t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        tree.create(NodeKind.BRAND, company.id(), "Brand " + i, AuditActor.system());
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long expected = 2 + threads + (long) threads * each; // role.granted, group.created, companies, brands

        List<AuditEntry> entries = awaitEntry(trail, group, entry -> entry.seq() >= expected);

        assertThat(entries).hasSize((int) expected);
        assertThat(entries.stream().filter(action("brand.created")).count()).isEqualTo((long) threads * each);
        assertThat(entries.stream().map(AuditEntry::targetId).distinct().count())
                .isEqualTo(expected);
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.passed(expected));
    }

    /** Writers on several threads (as on several nodes) take turns on the head row: the chain never forks. */
    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        UUID group = aGroupWithEntries(0);
        int threads = 6;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        writer.append(new KeysRotated(group, null, AuditActor.system(), RequestOrigin.none()));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        List<AuditEntry> entries = AuditFixtures.all(trail, group);
        assertThat(entries).hasSize(2 + threads * each);
        assertThat(entries.stream().map(AuditEntry::seq).distinct().count()).isEqualTo(2L + threads * each);
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.passed(2L + threads * each));
    }

    private UUID aGroup() {
        return groups.create("Maison " + UUID.randomUUID(), "eu", UUID.randomUUID())
                .id();
    }

    /** A group whose trail has the creator's role, the group's creation and {@code companies} companies' (2 + n entries). */
    private UUID aGroupWithEntries(int companies) throws InterruptedException {
        UUID group = aGroup();
        for (int i = 0; i < companies; i++) {
            tree.create(NodeKind.COMPANY, group, "Company " + i, AuditActor.system());
        }
        List<AuditEntry> entries = awaitEntry(trail, group, entry -> entry.seq() == companies + 2);
        assertThat(entries).hasSize(companies + 2);
        assertThat(trail.verify(group).ok()).isTrue();
        return group;
    }

    private AuditEntry find(UUID group, Predicate<AuditEntry> wanted) throws InterruptedException {
        return awaitEntry(trail, group, wanted).stream()
                .filter(wanted)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no such entry on the trail"));
    }

    private StoredEntry stored(UUID group, long seq) {
        return eu().query(
                        "select " + StoredEntry.COLUMNS + " from audit_entry where group_id = ? and seq = ?",
                        StoredEntry::read,
                        group,
                        seq)
                .get(0);
    }

    private int verifyCommand(UUID group) {
        return command("audit")
                .run(List.of("verify", "--group", group.toString()), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void theCommandLineKnowsEveryOperatorCommandBeforeAContextStarts() {
        assertThat(commands.stream().map(OperatorCommand::name).collect(Collectors.toSet()))
                .isEqualTo(Commands.OPERATOR_COMMANDS);
    }

    private OperatorCommand command(String name) {
        return commands.stream()
                .filter(command -> command.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private JdbcTemplate eu() {
        return new JdbcTemplate(stores.region("eu").dataSource());
    }

    private static Predicate<AuditEntry> action(String action) {
        return entry -> entry.action().equals(action);
    }
}
