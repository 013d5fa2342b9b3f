package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.ReEncryptionProgress;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.GroupResidency;
import io.selvedge.testing.KeyRotations;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@SelvedgeIntegrationTest
@Import(CryptoTestConfiguration.class)
class ReEncryptionIT {

    static final int NOTES = 450; // more than two batches of 200

    @Autowired
    GroupKeys groupKeys;

    @Autowired
    GroupResidency residency;

    @Autowired
    ReEncryptionJobs jobs;

    @Autowired
    SecretNotes notes;

    @Autowired
    TinkFieldCiphers fields;

    @Autowired
    Keysets keysets;

    @Test
    void aRotatedGroupsFieldsAreReEncryptedInTheBackground() {
        UUID group = aGroupWithNotes("eu", 30);
        String id = notes.ids(group).get(0);
        byte[] before = notes.stored(group, id);

        UUID job = groupKeys.rotate(group, AuditActor.system());

        ReEncryptionProgress done = awaitProgress(group, job, ReEncryptionProgress::finished);
        assertThat(done.rewritten()).isEqualTo(30);
        assertThat(notes.stored(group, id)).isNotEqualTo(before);
        assertThat(notes.read(group, id)).isEqualTo("note " + id);
        assertThat(notes.ids(group))
                .allSatisfy(note -> assertThat(isStale(group, note)).isFalse());
    }

    @Test
    void aJobStoppedHalfWayResumesFromItsCursor() {
        UUID group = aGroupWithNotes("apac", NOTES);
        notes.crashAfter(group, 250);

        UUID job = groupKeys.rotate(group, AuditActor.system());

        ReEncryptionProgress stopped = awaitProgress(group, job, progress -> progress.lastError() != null);
        assertThat(stopped.finished()).isFalse();
        assertThat(stopped.cursor()).isEqualTo(notes.ids(group).get(199)); // the first batch was recorded
        assertThat(stopped.lastError()).contains("simulated crash");
        assertThat(notes.ids(group).stream().filter(note -> isStale(group, note)))
                .hasSize(NOTES - 250);
        // Every note reads throughout, whichever key it is under.
        assertThat(notes.ids(group))
                .allSatisfy(note -> assertThat(notes.read(group, note)).isEqualTo("note " + note));

        jobs.resumeUnfinished();

        ReEncryptionProgress done = awaitProgress(group, job, ReEncryptionProgress::finished);
        assertThat(done.rewritten()).isEqualTo(NOTES);
        assertThat(done.lastError()).isNull();
        assertThat(notes.ids(group)).noneMatch(note -> isStale(group, note));
    }

    private boolean isStale(UUID group, String note) {
        return fields.isStale(keysets.ownerOf(group), notes.stored(group, note));
    }

    private UUID aGroupWithNotes(String region, int count) {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, region);
        for (int i = 0; i < count; i++) {
            String id = notes.add(group, "placeholder");
            new org.springframework.jdbc.core.JdbcTemplate(
                            residency.storeOf(group).dataSource())
                    .update(
                            "update " + SecretNotes.TABLE + " set body = ? where id = ?",
                            fields.of(group)
                                    .encrypt(
                                            ("note " + id).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                            SecretNotes.TABLE,
                                            "body",
                                            id),
                            id);
        }
        return group;
    }

    private ReEncryptionProgress awaitProgress(UUID group, UUID job, Predicate<ReEncryptionProgress> condition) {
        // the notes' own progress; the group's files (none here) are a participant of every job too
        return KeyRotations.awaitParticipant(jobs, group, job, "test.secret-notes", condition, Duration.ofSeconds(60));
    }
}
