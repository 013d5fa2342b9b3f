package io.selvedge.audit.internal;

import static io.selvedge.audit.internal.AuditFixtures.ADDRESS;
import static io.selvedge.audit.internal.AuditFixtures.USER_AGENT;
import static io.selvedge.audit.internal.AuditFixtures.actAs;
import static io.selvedge.audit.internal.AuditFixtures.actAsNobody;
import static io.selvedge.audit.internal.AuditFixtures.awaitEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.audit.ExportFormat;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.ReEncryptionProgress;
import io.selvedge.crypto.internal.OldKeys;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.testing.KeyRotations;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A group trail's entries survive a rotation of the group's keys: written before it, they are
 * re-encrypted under the new key (chain version 2 hashes plaintexts, so the chain holds), and once the old
 * keys are destroyed the trail still reads, exports and verifies; edits after the rotation are still
 * named. A trail written before chain version 2 is re-chained by the rotation.
 */
@SelvedgeIntegrationTest
class AuditKeyRotationIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail trail;

    @Autowired
    Groups groups;

    @Autowired
    Tree tree;

    @Autowired
    GroupKeys groupKeys;

    @Autowired
    ReEncryptionJobs jobs;

    @Autowired
    Stores stores;

    @Autowired
    JdbcTemplate global;

    @Autowired
    Trails trails;

    @AfterEach
    void nobody() {
        actAsNobody();
    }

    @Test
    void entriesWrittenBeforeARotationReadExportAndVerifyAfterTheOldKeysAreDestroyed() throws Exception {
        UUID group = aGroupWithEntries(3);
        String addressBefore = column(group, 3, "address");
        String saltBefore = column(group, 3, "hash_salt");

        rotateAndDestroyOldKeys(group);

        assertThat(column(group, 3, "address")).isNotEqualTo(addressBefore);
        assertThat(column(group, 3, "hash_salt")).isNotEqualTo(saltBefore);
        assertEveryEntryReadsExportsAndVerifies(group);

        // Edits after the rotation are still named: a field, a ciphertext moved from another entry, and an
        // entry rewritten as chain version 1 to pass its own check.
        eu().update("update audit_entry set action = 'company.renamed' where group_id = ? and seq = 3", group);
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(3, 3, "altered"));
    }

    @Test
    void aCiphertextMovedFromAnotherEntryOrADowngradeToChainVersion1IsNamed() throws Exception {
        UUID group = aGroupWithEntries(3);
        rotateAndDestroyOldKeys(group);
        eu().update(
                        "update audit_entry set target_name = (select target_name from audit_entry where group_id = ? and"
                                + " seq = 4) where group_id = ? and seq = 3",
                        group,
                        group);
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(3, 3, "altered"));

        UUID other = aGroupWithEntries(3);
        rotateAndDestroyOldKeys(other);
        StoredEntry third = stored(other, 3);
        StoredEntry forged = AuditFixtures.withAction(third, "company.viewed");
        eu().update(
                        "update audit_entry set action = 'company.viewed', chain_version = 1, hash = ? where group_id = ?"
                                + " and seq = 3",
                        forged.computedHash(other),
                        other);
        assertThat(trail.verify(other)).isEqualTo(AuditVerification.failed(4, 3, "altered"));
    }

    @Test
    void aTrailWrittenBeforeChainVersion2IsRechainedByTheRotation() throws Exception {
        UUID group = aGroupWithEntries(3);
        asChainVersion1(group);
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.passed(5));

        rotateAndDestroyOldKeys(group);

        assertThat(eu().queryForObject(
                                "select count(*) from audit_entry where group_id = ? and chain_version < 2",
                                Long.class,
                                group))
                .isZero();
        assertEveryEntryReadsExportsAndVerifies(group);
        eu().update("delete from audit_entry where group_id = ? and seq = 2", group);
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(1, 2, "removed"));
    }

    @Test
    void aTamperedTrailOfChainVersion1IsNotRechainedAndHoldsBackNoOtherParticipant() throws Exception {
        UUID group = aGroupWithEntries(3);
        asChainVersion1(group);
        eu().update("update audit_entry set action = 'company.renamed' where group_id = ? and seq = 3", group);
        List<String> hashes = hashes(group);

        UUID job = groupKeys.rotate(group, AuditActor.system());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<ReEncryptionProgress> progress = jobs.progress(group, job);
        while (!(stopped(progress, "audit.entries") && others(progress).allMatch(ReEncryptionProgress::finished))) {
            assertThat(Instant.now()).as(String.valueOf(progress)).isBefore(deadline);
            Thread.sleep(100);
            progress = jobs.progress(group, job);
        }

        assertThat(progress)
                .filteredOn(p -> p.participant().equals("audit.entries"))
                .singleElement()
                .satisfies(p -> assertThat(p.lastError()).contains("does not verify"));
        assertThat(hashes(group)).isEqualTo(hashes); // nothing laundered into a clean chain
        assertThat(trail.verify(group)).isEqualTo(AuditVerification.failed(3, 3, "altered"));
    }

    private static boolean stopped(List<ReEncryptionProgress> progress, String participant) {
        return progress.stream().anyMatch(p -> p.participant().equals(participant) && p.lastError() != null);
    }

    private static java.util.stream.Stream<ReEncryptionProgress> others(List<ReEncryptionProgress> progress) {
        return progress.stream().filter(p -> !p.participant().equals("audit.entries"));
    }

    private List<String> hashes(UUID group) {
        return eu().queryForList(
                        "select hash from audit_entry where group_id = ? and seq <= 5 order by seq",
                        String.class,
                        group);
    }

    private void assertEveryEntryReadsExportsAndVerifies(UUID group) throws Exception {
        List<AuditEntry> entries = AuditFixtures.all(trail, group);
        List<AuditEntry> before = entries.stream().filter(e -> e.seq() <= 5).toList();
        assertThat(before).hasSize(5);
        assertThat(before.subList(1, 5)).allSatisfy(entry -> {
            assertThat(entry.address()).isEqualTo(ADDRESS);
            assertThat(entry.userAgent()).isEqualTo(USER_AGENT);
        });
        assertThat(before.subList(2, 5)).extracting(AuditEntry::targetName).doesNotContain(TrailReader.UNREADABLE);
        assertThat(before.get(2).targetName()).isEqualTo("Company 0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trail.export(group, AuditFilter.all(), ExportFormat.JSONL, out, AuditActor.system());
        String exported = out.toString(StandardCharsets.UTF_8);
        assertThat(exported).contains(ADDRESS, "Company 2").doesNotContain(TrailReader.UNREADABLE);
        AuditVerification verification = trail.verify(group);
        assertThat(verification.ok()).as(String.valueOf(verification)).isTrue();
    }

    private void rotateAndDestroyOldKeys(UUID group) throws InterruptedException {
        UUID job = groupKeys.rotate(group, AuditActor.system());
        assertThat(KeyRotations.awaitFinished(jobs, group, job))
                .extracting(ReEncryptionProgress::participant)
                .contains("audit.entries");
        OldKeys.destroy(context, group);
    }

    /** Rewrites the trail as it was written before chain version 2: hashes over ciphertexts, no salt. */
    private void asChainVersion1(UUID group) {
        String previous = StoredEntry.GENESIS;
        long last = eu().queryForObject("select max(seq) from audit_entry where group_id = ?", Long.class, group);
        for (long seq = 1; seq <= last; seq++) {
            StoredEntry stored = stored(group, seq);
            StoredEntry linked = stored.linkedTo(previous);
            previous = linked.computedHash(group);
            eu().update(
                            "update audit_entry set chain_version = 1, hash_salt = null, prev_hash = ?, hash = ? where"
                                    + " group_id = ? and seq = ?",
                            linked.prevHash(),
                            previous,
                            group,
                            seq);
        }
        eu().update("update audit_trail_head set last_hash = ? where group_id = ?", previous, group);
    }

    /** A group whose trail has the creator's role, the group's creation and n companies', all from a request. */
    private UUID aGroupWithEntries(int companies) throws InterruptedException {
        String username = "rekey-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = AuditFixtures.anAccount(global, username);
        actAs(username);
        UUID group = groups.create("Maison " + UUID.randomUUID(), "eu", UUID.randomUUID())
                .id();
        for (int i = 0; i < companies; i++) {
            tree.create(NodeKind.COMPANY, group, "Company " + i, AuditActor.account(account));
        }
        List<AuditEntry> entries = awaitEntry(trail, group, entry -> entry.seq() == companies + 2);
        assertThat(entries).hasSize(companies + 2);
        assertThat(trail.verify(group).ok()).isTrue();
        assertThat(column(group, 3, "address")).isNotNull();
        return group;
    }

    private String column(UUID group, long seq, String column) {
        return eu().queryForObject(
                        "select " + column + " from audit_entry where group_id = ? and seq = ?",
                        String.class,
                        group,
                        seq);
    }

    private StoredEntry stored(UUID group, long seq) {
        return eu().query(
                        "select " + StoredEntry.COLUMNS + " from audit_entry where group_id = ? and seq = ?",
                        StoredEntry::read,
                        group,
                        seq)
                .get(0);
    }

    private JdbcTemplate eu() {
        return new JdbcTemplate(stores.region("eu").dataSource());
    }
}
