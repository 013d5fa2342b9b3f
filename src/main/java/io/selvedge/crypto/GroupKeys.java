package io.selvedge.crypto;

import io.selvedge.platform.AuditActor;
import java.util.UUID;

/**
 * The lifecycle of a group's keys. A group's keysets (fields, files, blind indexes) live in the
 * group's region, stored only wrapped by that region's key-management service; unwrapped they exist
 * only in this process's memory.
 */
public interface GroupKeys {

    /**
     * Creates the keysets of a new group in its region. The group must be registered with
     * {@code storage.GroupResidency} first.
     *
     * @throws IllegalStateException if the group has keys already, or had them and they were destroyed
     */
    void create(UUID groupId);

    /**
     * Rotates the group's field and file keys: a new primary key encrypts from now on, the old keys
     * stay for decryption, and a re-encryption job rewrites the old ciphertexts in the background.
     * Blind-index keys never rotate (the indexes would stop matching).
     *
     * @param by who rotates them, the actor on the group's trail
     * @return the id of the re-encryption job, for {@link ReEncryptionJobs#progress}
     */
    UUID rotate(UUID groupId, AuditActor by);

    /**
     * Schedules the destruction of the group's keys (crypto-shredding) after the configured grace period
     * ({@code selvedge.crypto.shredding-grace-period}). Until then the group stays readable and the
     * destruction can be cancelled.
     */
    KeyStatus scheduleDestruction(UUID groupId);

    /** Cancels a scheduled destruction that has not happened yet. */
    KeyStatus cancelDestruction(UUID groupId);

    /** Where the group's keys stand. */
    KeyStatus statusOf(UUID groupId);
}
