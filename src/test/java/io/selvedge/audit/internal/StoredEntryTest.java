package io.selvedge.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredEntryTest {

    final UUID trail = UUID.randomUUID();
    final StoredEntry entry = anEntry(3, "ciphertext", null);

    @Test
    void theHashCoversEveryFieldAndTheTrail() {
        String hash = entry.computedHash(trail);

        assertThat(hash).hasSize(64).isEqualTo(entry.computedHash(trail));
        assertThat(entry.computedHash(UUID.randomUUID())).isNotEqualTo(hash);
        assertThat(anEntry(4, "ciphertext", null).computedHash(trail)).isNotEqualTo(hash);
        assertThat(anEntry(3, "ciphertexT", null).computedHash(trail)).isNotEqualTo(hash);
    }

    @Test
    void aMissingFieldIsNotAnEmptyOne() {
        StoredEntry empty = anEntry(3, "ciphertext", "");

        assertThat(empty.computedHash(trail)).isNotEqualTo(entry.computedHash(trail));
    }

    /** A company's creation by an account, its sequence number, actor name and address as given. */
    private static StoredEntry anEntry(long seq, String actorName, String address) {
        return new StoredEntry(
                seq,
                Instant.parse("2026-11-27T01:00:00Z"),
                "ACCOUNT",
                "a",
                actorName,
                address,
                null,
                "company.created",
                "company",
                "c",
                null,
                "SUCCEEDED",
                "r",
                StoredEntry.GENESIS,
                "");
    }
}
