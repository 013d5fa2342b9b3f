package io.selvedge.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredEntryTest {

    final UUID trail = UUID.randomUUID();
    final StoredEntry entry = new StoredEntry(
            3,
            Instant.parse("2026-11-27T01:00:00Z"),
            "ACCOUNT",
            "a",
            "ciphertext",
            null,
            null,
            "company.created",
            "company",
            "c",
            null,
            "SUCCEEDED",
            "r",
            StoredEntry.GENESIS,
            "");

    @Test
    void theHashCoversEveryFieldAndTheTrail() {
        String hash = entry.computedHash(trail);

        assertThat(hash).hasSize(64).isEqualTo(entry.computedHash(trail));
        assertThat(entry.computedHash(UUID.randomUUID())).isNotEqualTo(hash);
        assertThat(new StoredEntry(
                                4,
                                entry.occurredAt(),
                                "ACCOUNT",
                                "a",
                                "ciphertext",
                                null,
                                null,
                                "company.created",
                                "company",
                                "c",
                                null,
                                "SUCCEEDED",
                                "r",
                                StoredEntry.GENESIS,
                                "")
                        .computedHash(trail))
                .isNotEqualTo(hash);
        assertThat(new StoredEntry(
                                3,
                                entry.occurredAt(),
                                "ACCOUNT",
                                "a",
                                "ciphertexT",
                                null,
                                null,
                                "company.created",
                                "company",
                                "c",
                                null,
                                "SUCCEEDED",
                                "r",
                                StoredEntry.GENESIS,
                                "")
                        .computedHash(trail))
                .isNotEqualTo(hash);
    }

    @Test
    void aMissingFieldIsNotAnEmptyOne() {
        StoredEntry empty = new StoredEntry(
                3,
                entry.occurredAt(),
                "ACCOUNT",
                "a",
                "ciphertext",
                "",
                null,
                "company.created",
                "company",
                "c",
                null,
                "SUCCEEDED",
                "r",
                StoredEntry.GENESIS,
                "");

        assertThat(empty.computedHash(trail)).isNotEqualTo(entry.computedHash(trail));
    }
}
