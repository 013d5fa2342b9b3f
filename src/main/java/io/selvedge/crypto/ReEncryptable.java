package io.selvedge.crypto;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Implemented by each module that stores ciphertexts of a group, so that a re-encryption job can bring
 * them under the group's newest key after {@link GroupKeys#rotate}. The job walks the items in id order,
 * a batch at a time, and records its cursor in the database, so it resumes after a crash; an item may
 * therefore be offered twice, and {@link #reEncrypt} must be idempotent.
 */
public interface ReEncryptable {

    /** A stable name, recorded with the job's progress (e.g. {@code content.comments}). */
    String name();

    /**
     * The ids of the group's items that follow {@code after} (all from the start when null), in a
     * stable ascending order, at most {@code limit}. Never null.
     */
    List<String> itemsAfter(UUID groupId, @Nullable String after, int limit);

    /**
     * Brings one item's ciphertexts under the newest key: read them, skip those that are not
     * {@link ReEncryption#isStale stale}, make the new copy with {@link ReEncryption#reEncryptField}
     * (which verifies it) and swap it in atomically, only if the stored ciphertext is still the one read
     * (compare-and-set), so that a concurrent update is never overwritten.
     *
     * @return whether anything was rewritten
     */
    boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption);
}
