package io.selvedge.identity.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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

    private final SpringSessionRepository stored;
    private final TransactionTemplate transactions;
    private final SpringWebSessions sessions;

    IdleSessionEnds(
            SpringSessionRepository stored, PlatformTransactionManager transactions, SpringWebSessions sessions) {
        this.stored = stored;
        this.transactions = new TransactionTemplate(transactions);
        this.sessions = sessions;
    }

    @Scheduled(
            fixedDelayString = "${selvedge.sessions.idle-sweep-interval:1m}",
            initialDelayString = "${selvedge.sessions.idle-sweep-interval:1m}")
    @SchedulerLock(name = "identity.idle-session-ends", lockAtMostFor = "5m")
    void sweep() {
        // Spring Session stamps expiry times with the system's clock, not the application's.
        long now = System.currentTimeMillis();
        for (SpringSessionRepository.ExpiredSession session : stored.expiredSignedIn(now)) {
            transactions.executeWithoutResult(status -> {
                if (stored.deleteExpired(session.id(), now)) {
                    sessions.ended(session.principal(), session.id(), SpringWebSessions.TIMED_OUT);
                }
            });
        }
    }
}
