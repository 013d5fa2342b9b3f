package io.selvedge.storage.internal;

import io.selvedge.storage.ResidencyViolationException;
import io.selvedge.storage.StoreId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A regional store's own list of the groups that live in it ({@code resident_group}): its blob store
 * refuses keys of any other group, and every content table references the list, so the database
 * refuses their rows too. A group never moves, so a group found here is remembered; one not found is
 * looked up again next time, as it may have been admitted since.
 */
final class ResidentGroups {

    private final StoreId store;
    private final JdbcClient jdbc;
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();

    ResidentGroups(StoreId store, DataSource dataSource) {
        this.store = store;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Records a group as living here; called only with the region the global directory names. */
    void admit(UUID groupId) {
        if (isResident(groupId)) {
            return;
        }
        try {
            jdbc.sql("insert into resident_group (group_id, admitted_at) values (?, ?)")
                    .params(groupId, Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException alreadyThere) {
            // admitted meanwhile by another thread or node
        }
        known.add(groupId);
    }

    boolean isResident(UUID groupId) {
        if (known.contains(groupId)) {
            return true;
        }
        int count = jdbc.sql("select count(*) from resident_group where group_id = ?")
                .param(groupId)
                .query(Integer.class)
                .single();
        if (count > 0) {
            known.add(groupId);
            return true;
        }
        return false;
    }

    void require(UUID groupId) {
        if (!isResident(groupId)) {
            throw new ResidencyViolationException(store, groupId);
        }
    }

    StoreId store() {
        return store;
    }
}
