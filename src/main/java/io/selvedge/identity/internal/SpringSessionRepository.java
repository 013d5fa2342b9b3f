package io.selvedge.identity.internal;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Spring Session's {@code spring_session} table, as far as the idle sweep reads and deletes it. */
@Repository
@RequiredArgsConstructor
class SpringSessionRepository {

    private final JdbcClient jdbc;

    /** Signed-in sessions whose expiry (Spring Session's milliseconds) is before {@code now}. */
    List<ExpiredSession> expiredSignedIn(long now) {
        return jdbc.sql("select session_id, principal_name from spring_session where expiry_time < ?"
                        + " and principal_name is not null")
                .param(now)
                .query((row, n) -> new ExpiredSession(row.getString(1).strip(), row.getString(2)))
                .list();
    }

    /** Whether this call deleted the session, still expired (of several nodes, one does). */
    boolean deleteExpired(String sessionId, long now) {
        return jdbc.sql("delete from spring_session where session_id = ? and expiry_time < ?")
                        .params(sessionId, now)
                        .update()
                == 1;
    }

    record ExpiredSession(String id, String principal) {}
}
