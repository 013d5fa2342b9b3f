package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff access review's confirmations, in the global store: who confirmed which staff account, when. */
@Repository
@RequiredArgsConstructor
class StaffAccessConfirmations {

    private final JdbcClient jdbc;

    void add(UUID accountId, StaffRole role, UUID reviewerId, Instant at) {
        jdbc.sql("insert into staff_access_confirmation (id, account_id, staff_role, confirmed_by, confirmed_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), accountId, role.name(), reviewerId, Timestamp.from(at))
                .update();
    }

    /** The latest confirmation of each staff account that has one. */
    Map<UUID, Latest> latest() {
        Map<UUID, Latest> found = new HashMap<>();
        jdbc.sql("select account_id, confirmed_by, confirmed_at from staff_access_confirmation order by confirmed_at")
                .query((row, number) -> new Latest(
                        row.getObject("account_id", UUID.class),
                        row.getObject("confirmed_by", UUID.class),
                        row.getTimestamp("confirmed_at").toInstant()))
                .list()
                .forEach(latest -> found.put(latest.accountId(), latest));
        return found;
    }

    record Latest(UUID accountId, UUID reviewerId, Instant at) {}
}
