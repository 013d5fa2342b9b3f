package io.selvedge.identity.internal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts web sessions that ended idle on the audit trail. Spring Session removes an expired session
 * silently (its cleanup every five minutes, or a request that finds it expired), so this sweep runs more
 * often ({@code selvedge.sessions.idle-sweep-interval}, a minute): it deletes each signed-in session past
 * its expiry and publishes {@code SessionEnded} ({@code timed-out}) in the same transaction; of several
 * nodes, only the one whose delete took the row publishes. A person who comes back within that minute
 * still finds the session gone, but its end is then not recorded.
 */
@Component
class IdleSessionEnds {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SpringWebSessions sessions;

    IdleSessionEnds(JdbcTemplate jdbc, PlatformTransactionManager transactions, SpringWebSessions sessions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.sessions = sessions;
    }

    @Scheduled(
            fixedDelayString = "${selvedge.sessions.idle-sweep-interval:1m}",
            initialDelayString = "${selvedge.sessions.idle-sweep-interval:1m}")
    void sweep() {
        // Spring Session stamps expiry times with the system's clock, not the application's.
        long now = System.currentTimeMillis();
        List<Expired> expired = jdbc.query(
                "select session_id, principal_name from spring_session where expiry_time < ?"
                        + " and principal_name is not null",
                (row, n) -> new Expired(row.getString(1).strip(), row.getString(2)),
                now);
        for (Expired session : expired) {
            transactions.executeWithoutResult(status -> {
                if (jdbc.update(
                                "delete from spring_session where session_id = ? and expiry_time < ?",
                                session.id(),
                                now)
                        == 1) {
                    sessions.ended(session.principal(), session.id(), SpringWebSessions.TIMED_OUT);
                }
            });
        }
    }

    private record Expired(String id, String principal) {}
}
