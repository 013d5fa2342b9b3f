package io.selvedge.access.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regional {@code access_break_glass} table: a group's break-glass accounts. */
@Repository
@RequiredArgsConstructor
class BreakGlassRepository {

    private final GrantRepository grants;

    List<UUID> of(UUID groupId) {
        return grants.plane(groupId)
                .map(plane -> plane.jdbc()
                        .sql(
                                "select account_id from access_break_glass where group_id = ? order by named_at, account_id")
                        .param(groupId)
                        .query(UUID.class)
                        .list())
                .orElse(List.of());
    }

    void replace(JdbcClient jdbc, UUID groupId, List<UUID> accountIds, UUID by, Instant at) {
        jdbc.sql("delete from access_break_glass where group_id = ?")
                .param(groupId)
                .update();
        for (UUID accountId : accountIds) {
            jdbc.sql("insert into access_break_glass (group_id, account_id, named_by, named_at) values (?, ?, ?, ?)")
                    .params(groupId, accountId, by, Timestamp.from(at))
                    .update();
        }
    }
}
