package io.selvedge.collab.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code collab_follow}, kept in the style's region. */
@Component
final class FollowRepository {

    /** The accounts that follow a style explicitly. */
    List<UUID> followers(JdbcClient jdbc, UUID styleId) {
        return jdbc.sql("select account_id from collab_follow where style_id = ?")
                .param(styleId)
                .query(UUID.class)
                .list();
    }

    boolean follows(JdbcClient jdbc, UUID accountId, UUID styleId) {
        return jdbc.sql("select count(*) from collab_follow where account_id = ? and style_id = ?")
                        .params(accountId, styleId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Records a follow; one that a concurrent request recorded first is left as it is. */
    void add(JdbcClient jdbc, UUID accountId, UUID styleId, UUID groupId, Instant at) {
        try {
            jdbc.sql("insert into collab_follow (account_id, style_id, group_id, created_at) values (?, ?, ?, ?)")
                    .params(accountId, styleId, groupId, Timestamp.from(at))
                    .update();
        } catch (DuplicateKeyException e) {
            // a concurrent PUT did it
        }
    }

    void remove(JdbcClient jdbc, UUID accountId, UUID styleId) {
        jdbc.sql("delete from collab_follow where account_id = ? and style_id = ?")
                .params(accountId, styleId)
                .update();
    }
}
