package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.selvedge.crypto.CiphertextTamperedException;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.TamperDetected;
import io.selvedge.storage.StoreId;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SelvedgeIntegrationTest
@Import(CryptoTestConfiguration.class)
@RecordApplicationEvents
class FieldCiphersIT extends WithGroupKeys {

    @Autowired
    WrappedKeysets table;

    @Autowired
    ApplicationEvents events;

    @Test
    void aFieldReadsBackInItsOwnRowAndColumn() {
        FieldCipher cipher = fields.of(aGroupIn("eu"));

        String stored = cipher.encryptText("Autumn coat, lining in silk", "style", "description", "row-1");

        assertThat(stored).doesNotContain("silk");
        assertThat(cipher.decryptText(stored, "style", "description", "row-1"))
                .isEqualTo("Autumn coat, lining in silk");
    }

    @Test
    void aCiphertextMovedToAnotherRowColumnOrGroupFailsAndRaisesTheAlarm() {
        UUID group = aGroupIn("eu");
        FieldCipher cipher = fields.of(group);
        byte[] stored = cipher.encrypt(bytes("confidential"), "style", "name", "row-1");

        assertThatThrownBy(() -> cipher.decrypt(stored, "style", "name", "row-2"))
                .isInstanceOf(CiphertextTamperedException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, "style", "description", "row-1"))
                .isInstanceOf(CiphertextTamperedException.class);
        assertThatThrownBy(() -> fields.of(aGroupIn("eu")).decrypt(stored, "style", "name", "row-1"))
                .isInstanceOf(CiphertextTamperedException.class);
        assertThat(events.stream(TamperDetected.class))
                .contains(new TamperDetected(group, "field", "style.name#row-2"));
    }

    @Test
    void aChangedOrTruncatedByteFailsInsteadOfReturningAlteredData() {
        FieldCipher cipher = fields.of(aGroupIn("apac"));
        byte[] stored = cipher.encrypt(bytes("price: 120 EUR"), "style", "notes", "row-9");

        for (int position : new int[] {0, 5, stored.length / 2, stored.length - 1}) {
            byte[] changed = stored.clone();
            changed[position] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(changed, "style", "notes", "row-9"))
                    .isInstanceOf(CiphertextTamperedException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(stored, stored.length - 1), "style", "notes", "row-9"))
                .isInstanceOf(CiphertextTamperedException.class);
        assertThatThrownBy(() -> cipher.decryptText("not base64!", "style", "notes", "row-9"))
                .isInstanceOf(CiphertextTamperedException.class);
    }

    @Test
    void blindIndexesMatchEqualValuesWithinAGroupOnly() {
        UUID group = aGroupIn("us");

        byte[] first = fields.blindIndex(group, "account.email", "ada@example.com");

        assertThat(fields.blindIndex(group, "account.email", "ada@example.com")).isEqualTo(first);
        assertThat(first).hasSize(32);
        assertThat(fields.blindIndex(group, "account.email", "bob@example.com")).isNotEqualTo(first);
        assertThat(fields.blindIndex(group, "supplier.email", "ada@example.com"))
                .isNotEqualTo(first);
        assertThat(fields.blindIndex(aGroupIn("us"), "account.email", "ada@example.com"))
                .isNotEqualTo(first);
    }

    @Test
    void theGlobalDirectoryHasItsOwnKeysInTheGlobalStore() {
        FieldCipher directory = fields.directory();

        byte[] stored = directory.encrypt(bytes("ada@example.com"), "account", "email", "42");

        assertThat(directory.decrypt(stored, "account", "email", "42")).isEqualTo(bytes("ada@example.com"));
        assertThat(directory.blindIndex("account.email", "ada@example.com"))
                .isEqualTo(directory.blindIndex("account.email", "ada@example.com"));
        assertThat(table.find(StoreId.GLOBAL, KeyOwner.DIRECTORY_ID, Purpose.FIELDS))
                .isPresent();
    }

    @Test
    void aGroupsKeysetsAreStoredOnlyWrappedAndOnlyInItsRegion() {
        UUID group = aGroupIn("eu");

        for (Purpose purpose : Purpose.ownerKeysets()) {
            WrappedKeysets.Row row =
                    table.find(StoreId.region("eu"), group, purpose).orElseThrow();
            assertThatThrownBy(() -> TinkProtoKeysetFormat.parseKeyset(row.wrapped(), InsecureSecretKeyAccess.get()))
                    .isInstanceOf(GeneralSecurityException.class);
            assertThat(table.find(StoreId.region("us"), group, purpose)).isEmpty();
            assertThat(table.find(StoreId.GLOBAL, group, purpose)).isEmpty();
        }
    }

    @Test
    void aGroupWithoutKeysCannotEncrypt() {
        UUID group = UUID.randomUUID();
        residency.register(group, "eu");

        assertThatThrownBy(() -> fields.of(group).encrypt(bytes("x"), "t", "c", "1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no keys");
        groupKeys.create(group);
        assertThatThrownBy(() -> groupKeys.create(group)).isInstanceOf(IllegalStateException.class);
    }

    private UUID aGroupIn(String region) {
        return CryptoFixtures.aGroupWithKeys(residency, groupKeys, region);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
