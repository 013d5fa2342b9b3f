package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.GroupFiles;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.ReEncryptionProgress;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupResidency;
import io.selvedge.testing.KeyRotations;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A group key rotation re-encrypts the group's files, verified and swapped one by one, resumably. */
@SelvedgeIntegrationTest
class GroupFileReEncryptionIT {

    static final String PARTICIPANT = "crypto.group-files";

    @Autowired
    GroupFiles files;

    @Autowired
    GroupKeys groupKeys;

    @Autowired
    GroupResidency residency;

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    ReEncryptionJobs jobs;

    @Autowired
    Keysets keysets;

    @Test
    void afterARotationEveryFileReadsTheSameAndNoCiphertextOfTheOldKeyRemains() throws Exception {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("avatar.glb", randomBytes(2 * 1024 * 1024 + 300)); // three segments
        contents.put("empty.txt", new byte[0]);
        contents.put("tech-pack.pdf", randomBytes(70_000));
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            files.write(group, file.getKey(), new ByteArrayInputStream(file.getValue()));
        }
        List<byte[]> oldCiphertexts = new ArrayList<>();
        for (String fileId : contents.keySet()) {
            oldCiphertexts.add(stored(group, "files/" + fileId));
        }

        UUID job = groupKeys.rotate(group, AuditActor.system());

        ReEncryptionProgress done = awaitProgress(group, job, ReEncryptionProgress::finished);
        assertThat(done.rewritten()).isEqualTo(3);
        assertThat(done.cursor()).isEqualTo("tech-pack.pdf");
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            assertThat(read(group, file.getKey())).isEqualTo(file.getValue());
            assertThat(isUnderPrimaryKey(group, file.getKey())).isTrue();
        }
        List<String> keys = keysOf(group);
        assertThat(keys).containsExactlyInAnyOrder("files/avatar.glb", "files/empty.txt", "files/tech-pack.pdf");
        for (String key : keys) {
            byte[] now = stored(group, key);
            assertThat(oldCiphertexts).noneMatch(old -> Arrays.equals(old, now));
        }
    }

    @Test
    void aJobStoppedHalfWayResumesFromItsCursorAndFinishes() throws Exception {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "apac");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 205; i++) { // more than a batch of 200
            String id = String.format("sample-%03d.obj", i);
            files.write(group, id, new ByteArrayInputStream(("sample " + i).getBytes()));
            ids.add(id);
        }
        String broken = "files/" + ids.get(202);
        byte[] intact = stored(group, broken);
        byte[] damaged = intact.clone();
        damaged[damaged.length - 1] ^= 0x01; // the job stops here, as it would on a crash or an outage
        blobs(group).write(broken, out -> out.write(damaged));

        UUID job = groupKeys.rotate(group, AuditActor.system());

        ReEncryptionProgress stopped = awaitProgress(group, job, progress -> progress.lastError() != null);
        assertThat(stopped.finished()).isFalse();
        assertThat(stopped.cursor()).isEqualTo(ids.get(199)); // the first batch was recorded
        assertThat(isUnderPrimaryKey(group, ids.get(100))).isTrue();
        assertThat(isUnderPrimaryKey(group, ids.get(204))).isFalse();
        assertThat(read(group, ids.get(204))).isEqualTo("sample 204".getBytes()); // still reads under the old key
        assertThat(keysOf(group)).noneMatch(key -> key.startsWith("rekey/"));

        blobs(group).write(broken, out -> out.write(intact)); // the outage is over
        jobs.resumeUnfinished();

        ReEncryptionProgress done = awaitProgress(group, job, ReEncryptionProgress::finished);
        assertThat(done.lastError()).isNull();
        assertThat(done.rewritten()).isEqualTo(205);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(isUnderPrimaryKey(group, ids.get(i))).isTrue();
            assertThat(read(group, ids.get(i))).isEqualTo(("sample " + i).getBytes());
        }
    }

    @Test
    void aBackupLeftByACrashIsPutBackWhenTheNewCopyIsIncomplete() throws Exception {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "us");
        byte[] content = randomBytes(1024 * 1024 + 10);
        files.write(group, "jacket.zprj", new ByteArrayInputStream(content));
        files.write(group, "kept.zprj", new ByteArrayInputStream(content));
        byte[] ciphertext = stored(group, "files/jacket.zprj");
        // A crash left the old ciphertext aside and a damaged copy in place; another left a backup behind.
        blobs(group).write("rekey/jacket.zprj", out -> out.write(ciphertext));
        blobs(group).write("files/jacket.zprj", out -> out.write(ciphertext, 0, ciphertext.length / 2));
        blobs(group).write("rekey/kept.zprj", out -> out.write(stored(group, "files/kept.zprj")));

        UUID job = groupKeys.rotate(group, AuditActor.system());

        ReEncryptionProgress done = awaitProgress(group, job, ReEncryptionProgress::finished);
        assertThat(done.rewritten()).isEqualTo(2);
        assertThat(read(group, "jacket.zprj")).isEqualTo(content);
        assertThat(read(group, "kept.zprj")).isEqualTo(content);
        assertThat(keysOf(group)).containsExactlyInAnyOrder("files/jacket.zprj", "files/kept.zprj");
    }

    @Test
    void deletingAFileAlsoDeletesABackupThatWouldBringItBack() throws Exception {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");
        files.write(group, "draft.glb", new ByteArrayInputStream(randomBytes(1000)));
        blobs(group).write("rekey/draft.glb", out -> out.write(stored(group, "files/draft.glb")));

        assertThat(files.delete(group, "draft.glb")).isTrue();

        assertThat(keysOf(group)).isEmpty();
    }

    private boolean isUnderPrimaryKey(UUID group, String fileId) {
        try (InputStream in = keysets.keysOf(keysets.ownerOf(group))
                .filesPrimaryOnly()
                .newDecryptingStream(blobs(group).open("files/" + fileId), TinkFileCiphers.associatedData(fileId))) {
            in.readAllBytes();
            return true;
        } catch (IOException | java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] read(UUID group, String fileId) throws IOException {
        try (InputStream in = files.open(group, fileId)) {
            return in.readAllBytes();
        }
    }

    private BlobStore blobs(UUID group) {
        return planes.of(group).blobs();
    }

    private byte[] stored(UUID group, String key) throws IOException {
        try (InputStream in = blobs(group).open(key)) {
            return in.readAllBytes();
        }
    }

    private List<String> keysOf(UUID group) throws IOException {
        try (Stream<String> keys = blobs(group).list("")) {
            return keys.toList();
        }
    }

    private ReEncryptionProgress awaitProgress(UUID group, UUID job, Predicate<ReEncryptionProgress> condition) {
        return KeyRotations.awaitParticipant(jobs, group, job, PARTICIPANT, condition, Duration.ofSeconds(120));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
