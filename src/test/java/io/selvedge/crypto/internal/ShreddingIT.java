package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.crypto.FileCiphers;
import io.selvedge.crypto.KeyStatus;
import io.selvedge.crypto.KeysDestroyedException;
import io.selvedge.crypto.kms.KeyNotFoundException;
import io.selvedge.storage.StoreId;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@SelvedgeIntegrationTest
@Import(CryptoTestConfiguration.class)
class ShreddingIT extends WithGroupKeys {

    @Autowired
    FileCiphers files;

    @Autowired
    Shredder shredder;

    @Autowired
    KeyEncryptionKeys keks;

    @Autowired
    WrappedKeysets table;

    @Autowired
    Keysets keysets;

    @Test
    void aDeletedGroupStaysReadableDuringItsGracePeriodAndTheDeletionCanBeCancelled() {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");
        byte[] stored = fields.of(group).encrypt(bytes("draft"), "style", "name", "1");

        KeyStatus scheduled = groupKeys.scheduleDestruction(group);

        assertThat(scheduled.state()).isEqualTo(KeyStatus.State.DESTRUCTION_SCHEDULED);
        assertThat(scheduled.destroyAfter()).isAfter(Instant.now().plus(Duration.ofDays(29)));
        assertThat(shredder.destroyDue(Instant.now().plus(Duration.ofDays(29)))).doesNotContain(group);
        assertThat(fields.of(group).decrypt(stored, "style", "name", "1")).isEqualTo(bytes("draft"));
        assertThat(groupKeys.cancelDestruction(group).state()).isEqualTo(KeyStatus.State.ACTIVE);
        assertThat(shredder.destroyDue(Instant.now().plus(Duration.ofDays(31)))).doesNotContain(group);
        assertThat(fields.of(group).decrypt(stored, "style", "name", "1")).isEqualTo(bytes("draft"));
    }

    @Test
    void afterTheGracePeriodNothingOfTheGroupDecryptsNotEvenFromABackupTakenBefore() throws Exception {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");
        byte[] field = fields.of(group).encrypt(bytes("unreleased coat"), "style", "name", "1");
        byte[] file = encryptedFile(group);
        List<WrappedKeysets.Row> backup = Purpose.ownerKeysets().stream()
                .map(purpose -> table.find(StoreId.region("eu"), group, purpose).orElseThrow())
                .toList();
        groupKeys.scheduleDestruction(group);

        List<UUID> destroyed = shredder.destroyDue(Instant.now().plus(Duration.ofDays(31)));

        assertThat(destroyed).contains(group);
        assertThat(groupKeys.statusOf(group).state()).isEqualTo(KeyStatus.State.DESTROYED);
        assertThatThrownBy(() -> fields.of(group).decrypt(field, "style", "name", "1"))
                .isInstanceOf(KeysDestroyedException.class);
        assertThatThrownBy(() -> files.of(group).decrypting(new ByteArrayInputStream(file), "f"))
                .isInstanceOf(KeysDestroyedException.class);
        assertThat(table.find(StoreId.region("eu"), group, Purpose.FIELDS)).isEmpty();
        assertThat(keks.of(StoreId.region("eu")).names()).doesNotContain("group-" + group);

        restore(group, backup);

        // The restored rows still unwrap under the region's KEK, but that only yields the layer sealed by
        // the group's own key in the KMS, which is gone.
        WrappedKeysets.Row restored =
                table.find(StoreId.region("eu"), group, Purpose.FIELDS).orElseThrow();
        byte[] inner = keks.of(StoreId.region("eu"))
                .aead(restored.kekName())
                .decrypt(restored.wrapped(), new KeyOwner(group, StoreId.region("eu")).associatedData(Purpose.FIELDS));
        assertThat(inner).isNotEmpty();
        assertThatThrownBy(() -> keks.of(StoreId.region("eu")).aead("group-" + group))
                .isInstanceOf(KeyNotFoundException.class);
        keysets.evict(group);
        assertThatThrownBy(() -> fields.of(group).decrypt(field, "style", "name", "1"))
                .isInstanceOf(KeysDestroyedException.class);
    }

    @Test
    void aGroupWhoseKeysAreDestroyedCannotGetNewOnes() {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "us");
        groupKeys.scheduleDestruction(group);
        shredder.destroyDue(Instant.now().plus(Duration.ofDays(31)));

        assertThatThrownBy(() -> groupKeys.create(group)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> groupKeys.cancelDestruction(group)).isInstanceOf(IllegalStateException.class);
    }

    /** Puts back the group's rows as a restore of a backup of the regional store taken before would. */
    private void restore(UUID group, List<WrappedKeysets.Row> rows) {
        JdbcTemplate jdbc = new JdbcTemplate(residency.storeOf(group).dataSource());
        jdbc.update("update crypto_key_owner set state = 'ACTIVE', destroyed_at = null where owner_id = ?", group);
        for (WrappedKeysets.Row row : rows) {
            table.insert(StoreId.region("eu"), group, row.purpose(), row.kekName(), row.wrapped());
        }
    }

    private byte[] encryptedFile(UUID group) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = files.of(group).encrypting(sink, "f")) {
            out.write(bytes("a 3D garment"));
        }
        return sink.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
