package io.selvedge.audit.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.storage.StoreId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One trail and where it lives: a group's in its region's store (rows keyed by {@code group_id}), or the
 * platform trail in the global store (keyed by {@code trail_id}, the nil UUID).
 *
 * @param transactions new transactions of the trail's store (never joining the caller's)
 */
record Trail(
        @Nullable UUID groupId,
        StoreId store,
        JdbcClient jdbc,
        TransactionOperations transactions,
        FieldCipher cipher) {

    static final UUID PLATFORM_ID = new UUID(0L, 0L);

    UUID id() {
        return groupId == null ? PLATFORM_ID : groupId;
    }

    /** The column naming the trail in the store's audit tables. */
    String key() {
        return groupId == null ? "trail_id" : "group_id";
    }

    /** The row id an entry's ciphertexts are bound to. */
    String rowId(long seq) {
        return id() + "#" + seq;
    }

    String describe() {
        return groupId == null ? "the platform trail" : "the trail of group " + groupId;
    }
}
