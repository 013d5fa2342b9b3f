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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A regional store's own list of the groups that live in it ({@code resident_group}): its blob store
 * refuses keys of any other group, and every content table references the list, so the database
 * refuses their rows too. A group never moves, so a group found here is remembered; one not found is
 * looked up again next time, as it may have been admitted since.
 */
final class ResidentGroups {

    private final StoreId store;
    private final JdbcTemplate jdbc;
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();

    ResidentGroups(StoreId store, DataSource dataSource) {
        this.store = store;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Records a group as living here; called only with the region the global directory names. */
    void admit(UUID groupId) {
        if (isResident(groupId)) {
            return;
        }
        try {
            jdbc.update(
                    "insert into resident_group (group_id, admitted_at) values (?, ?)",
                    groupId,
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException alreadyThere) {
            // admitted meanwhile by another thread or node
        }
        known.add(groupId);
    }

    boolean isResident(UUID groupId) {
        if (known.contains(groupId)) {
            return true;
        }
        Integer count =
                jdbc.queryForObject("select count(*) from resident_group where group_id = ?", Integer.class, groupId);
        if (count != null && count > 0) {
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
